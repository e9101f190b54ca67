package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.AUTH_REQUIRED_METHOD_IDS;
import static dev.acp4j.conformance.catalog.Catalog.UNAUTHENTICATED_SESSION_NEW;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.Json;
import dev.acp4j.conformance.driver.Response;
import java.util.ArrayList;
import java.util.List;

/** session/new before any authenticate: success, or AUTH_REQUIRED (-32000) only when auth methods exist. */
public final class UnauthenticatedSessionScenario implements Scenario {

    static final int AUTH_REQUIRED = -32000;

    @Override
    public String name() {
        return "session-new-unauthenticated";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(UNAUTHENTICATED_SESSION_NEW, AUTH_REQUIRED_METHOD_IDS);
    }

    @Override
    public void run(ScenarioContext context) {
        Initialized initialized = context.client().initialize(AcpClient.noCapabilities());
        List<String> advertised = initialized.authMethodIds();
        Response response = context.client().sessionNew();
        if (response.isResult()) {
            context.pass(UNAUTHENTICATED_SESSION_NEW, "session/new succeeded without authenticate");
            context.skip(AUTH_REQUIRED_METHOD_IDS, "no AUTH_REQUIRED error to inspect");
            return;
        }
        Integer code = response.errorCode();
        boolean authRequired = code != null && code == AUTH_REQUIRED;
        if (advertised.isEmpty()) {
            context.judge(UNAUTHENTICATED_SESSION_NEW,
                    authRequired ? "no auth methods advertised, yet session/new failed with -32000" : null,
                    "no auth methods advertised; session/new failed with a non-auth error: " + response.describe());
        } else {
            context.judge(UNAUTHENTICATED_SESSION_NEW, authRequired ? null
                            : "session/new failed with " + response.describe() + " instead of -32000 (AUTH_REQUIRED)",
                    "session/new failed with -32000 (AUTH_REQUIRED)");
        }
        if (!authRequired) {
            context.skip(AUTH_REQUIRED_METHOD_IDS, "no AUTH_REQUIRED error to inspect");
            return;
        }
        judgeAvailableMethodIds(context, initialized, response.error().path("data").path("availableMethodIds"));
    }

    private static void judgeAvailableMethodIds(ScenarioContext context, Initialized initialized, JsonNode ids) {
        if (!ids.isArray()) {
            context.fail(AUTH_REQUIRED_METHOD_IDS, "the -32000 error has no data.availableMethodIds array");
            return;
        }
        List<String> problems = new ArrayList<>();
        List<String> terminal = initialized.authMethods().stream()
                .filter(m -> "terminal".equals(Initialized.typeOf(m))).map(m -> m.path("id").asText()).toList();
        for (JsonNode id : ids) {
            if (!id.isTextual() || !initialized.authMethodIds().contains(id.asText())) {
                problems.add(Json.brief(id) + " is not an advertised method id");
            } else if (terminal.contains(id.asText())) {
                problems.add(id.asText() + " is a terminal method");
            }
        }
        context.judge(AUTH_REQUIRED_METHOD_IDS, problems.isEmpty() ? null : String.join("; ", problems),
                "data.availableMethodIds " + Json.brief(ids) + " lists advertised methods");
    }
}
