package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.URL_ELICITATION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.driver.Json;
import dev.acp4j.conformance.driver.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A client advertising elicitation.url authenticates with each agent-type method (at most
 * {@value #MAX_METHODS}; a single one twice, so that id reuse shows) and declines every URL
 * elicitation: the elicitations must be scoped to the authenticate request, with unique ids, and
 * the declined authenticate must fail.
 */
public final class UrlElicitationScenario implements Scenario {

    static final int MAX_METHODS = 3;

    @Override
    public String name() {
        return "url-elicitation-decline";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(URL_ELICITATION);
    }

    @Override
    public void run(ScenarioContext context) {
        ObjectNode capabilities = Json.object();
        capabilities.putObject("elicitation").putObject("url");
        Initialized initialized = context.client().initialize(capabilities);
        List<String> agentMethods = initialized.authMethods().stream()
                .filter(m -> "agent".equals(Initialized.typeOf(m)))
                .map(m -> m.path("id").asText()).limit(MAX_METHODS).toList();
        if (agentMethods.isEmpty()) {
            context.skip(URL_ELICITATION, "no agent-type auth methods advertised");
            return;
        }
        List<String> attempts = agentMethods.size() == 1 ? List.of(agentMethods.get(0), agentMethods.get(0))
                : agentMethods;
        List<String> problems = new ArrayList<>();
        Set<String> elicitationIds = new HashSet<>();
        int elicitations = 0;
        for (String method : attempts) {
            elicitations += authenticateAndDecline(context, method, elicitationIds, problems);
        }
        if (elicitations == 0 && problems.isEmpty()) {
            context.skip(URL_ELICITATION, "authenticate with " + agentMethods + " succeeded without a URL elicitation "
                    + "(a credential the agent already had?): no elicitation to check");
            return;
        }
        context.judge(URL_ELICITATION, problems.isEmpty() ? null : String.join("; ", problems),
                elicitations + " URL elicitation(s) over " + attempts.size() + " authenticate(s) with "
                        + agentMethods + ": request-scoped, unique ids, decline fails authenticate");
    }

    private static int authenticateAndDecline(ScenarioContext context, String method, Set<String> ids,
            List<String> problems) {
        AgentConnection connection = context.connection();
        long mark = connection.mark();
        JsonNode authenticate = connection.request("authenticate", Json.object().put("methodId", method));
        Response answer = connection.await(authenticate, "authenticate", context.settings().turnTimeoutMillis());
        List<JsonNode> requests = connection.inboundSince(mark).stream()
                .filter(in -> in.kind() == Inbound.Kind.REQUEST && "elicitation/create".equals(in.method()))
                .map(in -> in.json().path("params")).toList();
        if (requests.isEmpty()) {
            if (!answer.isResult()) {
                problems.add("authenticate " + method + " answered " + answer.describe()
                        + " without a URL elicitation although the client advertised elicitation.url");
            }
            return 0;
        }
        for (JsonNode params : requests) {
            checkElicitation(context, method, authenticate, params, ids, problems);
        }
        if (answer.isResult()) {
            problems.add("authenticate " + method + " succeeded although its elicitation was declined");
        }
        return requests.size();
    }

    private static void checkElicitation(ScenarioContext context, String method, JsonNode authenticate,
            JsonNode params, Set<String> ids, List<String> problems) {
        String prefix = "authenticate " + method + ": elicitation/create ";
        if (!"url".equals(params.path("mode").asText())) {
            problems.add(prefix + "mode is " + Json.brief(params.path("mode")) + ", not 'url'");
        }
        if (!Json.write(authenticate).equals(Json.write(params.path("requestId")))) {
            problems.add(prefix + "requestId " + Json.brief(params.path("requestId"))
                    + " is not the authenticate request's id " + Json.write(authenticate));
        }
        if (params.has("sessionId")) {
            problems.add(prefix + "is session-scoped, not request-scoped");
        }
        String id = params.path("elicitationId").asText(null);
        if (id == null) {
            problems.add(prefix + "has no elicitationId");
        } else if (!ids.add(id)) {
            problems.add(prefix + "reuses elicitationId " + id);
        }
        if (!params.path("url").isTextual()) {
            problems.add(prefix + "has no url");
        }
        if (context.settings().schema() != null) {
            List<String> invalid = context.settings().schema().validate("CreateElicitationRequest", params);
            if (!invalid.isEmpty()) {
                problems.add(prefix + "is not a valid CreateElicitationRequest: " + invalid.get(0));
            }
        }
    }
}
