package dev.acp4j.conformance.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.driver.AgentFailure;
import dev.acp4j.conformance.driver.Json;
import dev.acp4j.conformance.driver.Response;
import dev.acp4j.conformance.scenario.AcpClient;
import dev.acp4j.conformance.scenario.Initialized;

/**
 * Learns the advertised type of {@code --auth-method} before the scenarios run, from one extra
 * agent process that only answers {@code initialize} (to a client advertising
 * {@code elicitation.url} and {@code auth.terminal}, so that every method shows): the scenarios
 * that authenticate advertise {@code elicitation.url} only when the method needs it. Not judged.
 */
final class AuthMethodProbe {

    private AuthMethodProbe() {
    }

    /** The method's type ({@code agent} when it has none), or null when unknown or not advertised. */
    static String typeOf(HarnessSettings settings) {
        AgentConnection connection;
        try {
            connection = AgentConnection.open(settings.launch(), settings.responseTimeoutMillis());
        } catch (AgentFailure e) {
            return null;
        }
        try {
            ObjectNode capabilities = Json.object();
            capabilities.putObject("elicitation").putObject("url");
            capabilities.putObject("auth").put("terminal", true);
            Response response = connection.call("initialize",
                    AcpClient.initializeParams(AcpClient.PROTOCOL_VERSION, capabilities));
            if (!response.isResult()) {
                return null;
            }
            for (JsonNode method : response.result().path("authMethods")) {
                if (settings.authMethod().equals(method.path("id").asText(null))) {
                    return Initialized.typeOf(method);
                }
            }
            return null;
        } catch (AgentFailure e) {
            return null;
        } finally {
            connection.close();
        }
    }
}
