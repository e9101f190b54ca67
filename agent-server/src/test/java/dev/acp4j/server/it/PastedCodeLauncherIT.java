package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.testing.QueryString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 1: a provider whose redirect page shows the code ({@code "codeEntry": "paste"}),
 * through the real launcher. In the editor the user pastes the code on a one-time local page; on
 * the terminal {@code --login} prints the address and reads the code hidden. A code from another
 * sign-in (its {@code state} does not match) is refused and never redeemed; the code is in no
 * output of the agent.
 */
class PastedCodeLauncherIT extends LauncherTestBase {

    private static final Map<String, Object> URL_CLIENT = Map.of("elicitation", Map.of("url", Map.of()));
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\" target=\"_blank\"");
    private static final Pattern SHOWN_CODE = Pattern.compile("<code id=\"code\">([^<]+)</code>");
    private static final Pattern AUTHORIZATION_URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/oauth/authorize\\?\\S+)");
    private static final String TERMINAL_PROMPT = "Paste the code (input is hidden): ";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private CodeShowingProvider provider;
    private Path config;

    @BeforeEach
    void startProvider() throws Exception {
        provider = new CodeShowingProvider();
        config = home.resolve("paste.json");
        Files.writeString(config, """
                {"authMethods": [
                  {"id": "console", "type": "oauth2", "name": "Sign in with Example Console", "provider": "example",
                   "providerName": "Example", "clientId": "%s", "scopes": ["user:inference"],
                   "authorizationEndpoint": "%s", "tokenEndpoint": "%s",
                   "codeEntry": "paste", "redirectUri": "%s"}
                ]}""".formatted(CodeShowingProvider.CLIENT_ID, provider.authorizationEndpoint(), provider.tokenEndpoint(),
                provider.redirectUri()));
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @Test
    void inTheEditorTheCodeIsPastedOnALocalPageWhereAWrongStateIsRefused() throws Exception {
        Path trace = home.resolve("trace.jsonl");
        AgentProcess agent = start(Map.of(), "--config", config.toString(), "--trace", trace.toString(),
                "--log-level", "trace");
        agent.initialize(URL_CLIENT);
        long authId = agent.request("authenticate", Map.of("methodId", "console"));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 15_000);
        assertThat(elicitation.at("/params/mode").asText()).isEqualTo("url");
        assertThat(elicitation.at("/params/requestId").asLong()).isEqualTo(authId);
        URI pageUrl = URI.create(elicitation.at("/params/url").asText());
        assertThat(pageUrl.getHost()).as("a page on this computer, not the provider").isEqualTo("127.0.0.1");
        assertThat(pageUrl.getPort()).isNotEqualTo(provider.base().getPort());
        agent.respond(elicitation.get("id"), Map.of("action", "accept"));

        ScriptedBrowser browser = new ScriptedBrowser();
        ScriptedBrowser.Page page = browser.open(pageUrl);
        assertThat(page.status()).isEqualTo(200);
        Matcher link = LINK.matcher(page.body());
        assertThat(link.find()).as("the page links to the sign-in: %s", page.body()).isTrue();
        URI authorizationUrl = URI.create(link.group(1).replace("&amp;", "&"));
        assertThat(authorizationUrl.toString()).startsWith(provider.authorizationEndpoint() + "?");
        Map<String, String> authorize = QueryString.of(authorizationUrl);
        assertThat(authorize).containsEntry("redirect_uri", provider.redirectUri().toString())
                .containsEntry("code_challenge_method", "S256").containsEntry("scope", "user:inference")
                .containsKey("state");
        String shown = signInAtTheProvider(authorizationUrl);
        String code = shown.substring(0, shown.indexOf('#'));
        assertThat(shown).endsWith("#" + authorize.get("state"));

        ScriptedBrowser.Page refused = browser.submitPassword(page, code + "#a-state-of-another-sign-in");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("This code is from another sign-in").contains("name=\"code\"");
        assertThat(provider.tokenRequests()).as("a refused code is not redeemed").isEmpty();

        ScriptedBrowser.Page accepted = browser.submitPassword(page, "  " + shown + "\n");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body()).contains("Code received");
        JsonNode complete = agent.await(m -> "elicitation/complete".equals(m.path("method").asText()), 15_000);
        assertThat(complete.at("/params/elicitationId").asText()).isEqualTo(elicitation.at("/params/elicitationId").asText());
        assertThat(agent.awaitResponse(authId).get("result").isObject()).isTrue();
        agent.newSession(home);

        Map<String, String> tokenRequest = provider.tokenRequests().get(0);
        assertThat(tokenRequest).containsEntry("code", code)
                .containsEntry("redirect_uri", provider.redirectUri().toString());
        assertThat(CodeShowingProvider.s256(tokenRequest.get("code_verifier"))).isEqualTo(authorize.get("code_challenge"));
        assertThat(storedToken()).isEqualTo(provider.issuedTokens().get(0));
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();

        Map<String, String> places = Map.of("stdout", String.join("\n", agent.stdoutLines()),
                "stderr at trace level", agent.stderr(), "the trace file", Files.readString(trace));
        List<String> secrets = new ArrayList<>(List.of(code, tokenRequest.get("code_verifier")));
        secrets.addAll(provider.issuedTokens());
        for (Map.Entry<String, String> place : places.entrySet()) {
            for (String secret : secrets) {
                assertThat(place.getValue()).as("%s holds no code, verifier or token", place.getKey()).doesNotContain(secret);
            }
        }
        assertThat(places.get("the trace file")).as("the trace was written").contains("elicitation/create");
        assertThat(agent.stderr()).as("the logs were captured").contains("code page: a code was received");
    }

    @Test
    void onTheTerminalLoginPrintsTheAddressAndReadsThePastedCodeHidden() throws Exception {
        AgentProcess login = start(Map.of(), "--config", config.toString(), "--login", "console", "--log-level", "trace");
        skipTranscriptCheck(login);
        URI authorizationUrl = awaitAuthorizationUrl(login);
        assertThat(QueryString.of(authorizationUrl)).containsEntry("redirect_uri", provider.redirectUri().toString())
                .containsEntry("code_challenge_method", "S256");
        String shown = signInAtTheProvider(authorizationUrl);
        String code = shown.substring(0, shown.indexOf('#'));

        login.sendRaw(code + "#a-state-of-another-sign-in");
        // as a terminal in bracketed-paste mode sends a paste
        login.sendRaw("\u001b[200~" + shown + "\u001b[201~ ");
        login.closeStdin();
        assertThat(login.waitFor(30_000)).isTrue();

        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stderr()).contains("This code is from another sign-in")
                .contains("Logged in with 'console'");
        assertThat(provider.tokenRequests()).as("only the right code was redeemed").hasSize(1);
        assertThat(provider.tokenRequests().get(0)).containsEntry("code", code)
                .containsEntry("redirect_uri", provider.redirectUri().toString());
        assertThat(storedToken()).isEqualTo(provider.issuedTokens().get(0));
        String output = String.join("\n", login.stdoutLines()) + login.stderr();
        for (String secret : new ArrayList<>(List.of(code, provider.tokenRequests().get(0).get("code_verifier")))) {
            assertThat(output).as("the login's stdout and stderr at trace level").doesNotContain(secret);
        }
    }

    @Test
    void onTheTerminalOnlyCodesFromAnotherSignInFailTheLoginAndNothingIsStored() throws Exception {
        AgentProcess login = start(Map.of(), "--config", config.toString(), "--login", "console");
        skipTranscriptCheck(login);
        String shown = signInAtTheProvider(awaitAuthorizationUrl(login));
        String code = shown.substring(0, shown.indexOf('#'));

        login.sendRaw(code + "#a-state-of-another-sign-in");
        login.closeStdin();
        assertThat(login.waitFor(30_000)).isTrue();

        assertThat(login.exitCode()).isEqualTo(1);
        assertThat(login.stderr()).contains("This code is from another sign-in")
                .contains("login with 'console' failed: no code given").doesNotContain(code);
        assertThat(provider.tokenRequests()).isEmpty();
        assertThat(home.resolve(".config/acp4j/credentials.json")).doesNotExist();
    }

    @Test
    void withoutUrlElicitationTheAgentOpensThePageAndACodeTheProviderRefusesFailsAuthenticateCleanly() throws Exception {
        Path opened = home.resolve("opened-urls.txt");
        Path fakeBrowser = home.resolve("browser");
        Files.writeString(fakeBrowser, "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" + opened + "'\n");
        Files.setPosixFilePermissions(fakeBrowser, PosixFilePermissions.fromString("rwx------"));
        AgentProcess agent = start(Map.of("BROWSER", fakeBrowser.toString()), "--config", config.toString());
        agent.initialize(Map.of());
        long authId = agent.request("authenticate", Map.of("methodId", "console"));
        URI pageUrl = URI.create(awaitLine(opened));
        assertThat(pageUrl.getHost()).isEqualTo("127.0.0.1");

        ScriptedBrowser browser = new ScriptedBrowser();
        ScriptedBrowser.Page page = browser.open(pageUrl);
        Matcher link = LINK.matcher(page.body());
        assertThat(link.find()).isTrue();
        signInAtTheProvider(URI.create(link.group(1).replace("&amp;", "&")));
        String mistyped = "ac_0123456789abcdef0123456789abcdef";
        assertThat(browser.submitPassword(page, mistyped).body()).contains("Code received");

        JsonNode failed = agent.awaitResponse(authId);
        assertThat(failed.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(failed.at("/error/message").asText())
                .isEqualTo("Sign-in with 'console' failed at the authorization server: invalid_grant: Invalid code or verifier");
        assertThat(failed.at("/error/data/availableMethodIds").toString()).contains("console");
        assertThat(provider.tokenRequests()).singleElement().satisfies(r -> assertThat(r).containsEntry("code", mistyped));
        assertThat(home.resolve(".config/acp4j/credentials.json")).doesNotExist();
        assertThat(agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()))
                .at("/error/code").asInt()).as("still serving, still signed out").isEqualTo(-32000);
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(agent.stderr()).doesNotContain(mistyped);
    }

    private static String awaitLine(Path file) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file) || Files.readAllLines(file).isEmpty()) {
            assertThat(System.nanoTime()).as("the agent ran the browser").isLessThan(deadline);
            Thread.sleep(50);
        }
        return Files.readAllLines(file).get(0);
    }

    /** The user signs in at the provider (at once here), which redirects to its page that shows {@code code#state}. */
    private String signInAtTheProvider(URI authorizationUrl) throws Exception {
        HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(authorizationUrl).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        URI codePage = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(codePage.toString()).startsWith(provider.redirectUri() + "?");
        String body = http.send(HttpRequest.newBuilder(codePage).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher shown = SHOWN_CODE.matcher(body);
        assertThat(shown.find()).as(body).isTrue();
        return shown.group(1);
    }

    private static URI awaitAuthorizationUrl(AgentProcess login) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!login.stderr().contains(TERMINAL_PROMPT)) {
            assertThat(System.nanoTime()).as("the login asks for the code; stderr: " + login.stderr()).isLessThan(deadline);
            Thread.sleep(50);
        }
        Matcher url = AUTHORIZATION_URL.matcher(login.stderr());
        assertThat(url.find()).as(login.stderr()).isTrue();
        return URI.create(url.group(1));
    }

    private String storedToken() throws Exception {
        return AgentProcess.JSON.readTree(home.resolve(".config/acp4j/credentials.json").toFile())
                .at("/credentials/example/secret").asText();
    }
}
