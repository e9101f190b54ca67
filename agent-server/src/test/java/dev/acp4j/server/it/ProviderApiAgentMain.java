package dev.acp4j.server.it;

import dev.acp4j.auth.Credential;
import dev.acp4j.cli.AcpLauncher;
import dev.acp4j.protocol.session.StopReason;
import dev.acp4j.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An agent that calls its provider's API as agent code does: {@code GET <apiBaseUrl>/models} with
 * {@code Authorization: Bearer <secret>} and every one of the credential's headers, answering with the
 * HTTP status and body (never the secret). Its provider is {@code copilot}; the configuration comes
 * from {@code --config}.
 */
public final class ProviderApiAgentMain {

    private ProviderApiAgentMain() {
    }

    public static void main(String[] args) {
        HttpClient http = HttpClient.newHttpClient();
        AcpLauncher.builder()
                .name("api-agent")
                .title("Provider API Agent")
                .version("1.0.0")
                .agent(turn -> {
                    Credential credential = turn.credential("copilot").orElseThrow();
                    String base = credential.attribute(Credential.API_BASE_URL).orElseThrow();
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/models"))
                            .header("Authorization", "Bearer " + credential.secret());
                    credential.headers().forEach(request::header);
                    try {
                        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        turn.sendText("models: HTTP " + response.statusCode() + " " + response.body());
                    } catch (IOException e) {
                        turn.sendText("models: " + e);
                    }
                    return StopReason.END_TURN;
                })
                .defaultConfig(ServerConfig.empty("(none)"))
                .build()
                .main(args);
    }
}
