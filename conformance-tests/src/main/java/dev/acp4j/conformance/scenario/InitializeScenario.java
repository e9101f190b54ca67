package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.AGENT_INFO;
import static dev.acp4j.conformance.catalog.Catalog.INITIALIZE;
import static dev.acp4j.conformance.catalog.Catalog.METHOD_IDS_UNIQUE;
import static dev.acp4j.conformance.catalog.Catalog.REQUIRES_RESTART;
import static dev.acp4j.conformance.catalog.Catalog.TERMINAL_REQUIRES_CAPABILITY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentFailure;
import dev.acp4j.conformance.driver.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** initialize from a client that advertises nothing: the result, its schema, what it advertises. */
public final class InitializeScenario implements Scenario {

    @Override
    public String name() {
        return "initialize";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(INITIALIZE, METHOD_IDS_UNIQUE, TERMINAL_REQUIRES_CAPABILITY, AGENT_INFO, REQUIRES_RESTART);
    }

    @Override
    public void run(ScenarioContext context) {
        Response response = context.client().initializeRaw(AcpClient.PROTOCOL_VERSION, AcpClient.noCapabilities());
        if (!response.isResult() || !response.result().isObject()) {
            throw new AgentFailure("initialize failed: " + response.describe());
        }
        Initialized initialized = new Initialized(response.result());
        judgeSchema(context, response.result());
        judgeUniqueIds(context, initialized);
        judgeNoTerminal(context, initialized);
        judgeAgentInfo(context, initialized.agentInfo());
        judgeRequiresRestart(context, initialized);
    }

    private static void judgeSchema(ScenarioContext context, JsonNode result) {
        if (context.settings().schema() == null) {
            context.pass(INITIALIZE, "initialize succeeded (schema check skipped: no official schema found)");
            return;
        }
        List<String> problems = context.settings().schema().validate("InitializeResponse", result);
        context.judge(INITIALIZE,
                problems.isEmpty() ? null : "result is not a valid InitializeResponse: " + String.join("; ", problems),
                "initialize succeeded; result valid against the official InitializeResponse schema");
    }

    private static void judgeUniqueIds(ScenarioContext context, Initialized initialized) {
        List<String> ids = initialized.authMethodIds();
        if (ids.isEmpty()) {
            context.skip(METHOD_IDS_UNIQUE, "no auth methods advertised");
            return;
        }
        Set<String> seen = new HashSet<>();
        String failure = null;
        for (String id : ids) {
            if (id == null) {
                failure = "an auth method has no string id";
            } else if (!seen.add(id) && failure == null) {
                failure = "auth method id '" + id + "' is advertised more than once";
            }
        }
        context.judge(METHOD_IDS_UNIQUE, failure, ids.size() + " auth method ids, all unique: " + ids);
    }

    private static void judgeNoTerminal(ScenarioContext context, Initialized initialized) {
        String terminal = initialized.authMethods().stream()
                .filter(m -> "terminal".equals(Initialized.typeOf(m)))
                .map(m -> m.path("id").asText("?")).findFirst().orElse(null);
        context.judge(TERMINAL_REQUIRES_CAPABILITY, terminal == null ? null
                        : "advertised terminal method '" + terminal
                        + "' to a client without clientCapabilities.auth.terminal",
                "no terminal method advertised to a client without the capability");
    }

    private static void judgeAgentInfo(ScenarioContext context, JsonNode agentInfo) {
        boolean valid = agentInfo.isObject() && agentInfo.path("name").isTextual()
                && agentInfo.path("version").isTextual();
        context.judge(AGENT_INFO, valid ? null : "agentInfo with name and version is missing",
                "agentInfo " + agentInfo.path("name").asText() + " " + agentInfo.path("version").asText());
    }

    private static void judgeRequiresRestart(ScenarioContext context, Initialized initialized) {
        List<JsonNode> typed = initialized.authMethods().stream()
                .filter(m -> Set.of("env_var", "start_param").contains(Initialized.typeOf(m))).toList();
        if (typed.isEmpty()) {
            context.skip(REQUIRES_RESTART, "no env_var/start_param auth methods advertised");
            return;
        }
        String missing = typed.stream().filter(m -> !m.path("requiresRestart").isBoolean())
                .map(m -> m.path("id").asText("?")).findFirst().orElse(null);
        context.judge(REQUIRES_RESTART, missing == null ? null
                        : "auth method '" + missing + "' has no boolean requiresRestart",
                typed.size() + " env_var/start_param method(s), each with a boolean requiresRestart");
    }
}
