package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.ID_ECHOED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.driver.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Request ids a careless implementation mangles: a string, and an integer beyond 2^53. */
public final class IdEchoScenario implements Scenario {

    static final JsonNode STRING_ID = TextNode.valueOf("conformance:init/1 \u00e9");
    /** 2^53 + 1: a double cannot hold it, so a lossy number parse shows. */
    static final JsonNode BIG_ID = BigIntegerNode.valueOf(new BigInteger("9007199254740993"));

    @Override
    public String name() {
        return "id-echo";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(ID_ECHOED);
    }

    @Override
    public void run(ScenarioContext context) {
        AgentConnection connection = context.connection();
        List<String> failures = new ArrayList<>();
        check(connection, STRING_ID, "initialize",
                AcpClient.initializeParams(AcpClient.PROTOCOL_VERSION, AcpClient.noCapabilities()), failures);
        ObjectNode sessionParams = Json.object().put("cwd", System.getProperty("java.io.tmpdir"));
        sessionParams.putArray("mcpServers");
        check(connection, BIG_ID, "session/new", sessionParams, failures);
        context.judge(ID_ECHOED, failures.isEmpty() ? null : String.join("; ", failures),
                "string id " + Json.write(STRING_ID) + " and integer id " + BIG_ID + " echoed exactly");
    }

    /** Sends one request and takes the next response as its answer (it is the only one outstanding). */
    private static void check(AgentConnection connection, JsonNode id, String method, JsonNode params,
            List<String> failures) {
        long mark = connection.mark();
        connection.request(id, method, params);
        Inbound answer = connection.awaitInbound(Inbound::isResponse, mark, connection.responseTimeoutMillis())
                .orElse(null);
        if (answer == null) {
            failures.add(connection.noAnswer(method + " with id " + Json.write(id),
                    connection.responseTimeoutMillis()));
        } else if (!Json.write(id).equals(Json.write(answer.id()))) {
            failures.add(method + " id " + Json.write(id) + " came back as " + Json.brief(answer.id()));
        }
    }
}
