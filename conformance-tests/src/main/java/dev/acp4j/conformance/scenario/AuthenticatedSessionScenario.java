package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.AUTHENTICATED_SESSION_NEW;
import static dev.acp4j.conformance.catalog.Catalog.LOGOUT;

import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentFailure;
import dev.acp4j.conformance.driver.Response;
import java.util.List;

/** authenticate with --auth-method, then session/new; and logout when the agent advertises it. */
public final class AuthenticatedSessionScenario implements Scenario {

    @Override
    public String name() {
        return "authenticate-and-logout";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(AUTHENTICATED_SESSION_NEW, LOGOUT);
    }

    @Override
    public void run(ScenarioContext context) {
        Initialized initialized = context.client().initialize(context.client().sessionCapabilities());
        try {
            judgeAuthenticatedSession(context, initialized);
        } catch (NotApplicable e) {
            context.skip(AUTHENTICATED_SESSION_NEW, e.getMessage());
        } catch (AgentFailure e) {
            context.fail(AUTHENTICATED_SESSION_NEW, e.getMessage());
        }
        if (!initialized.logoutAdvertised()) {
            context.skip(LOGOUT, "agentCapabilities.auth.logout not advertised");
            return;
        }
        Response logout = context.client().logout();
        context.judge(LOGOUT, logout.isResult() && logout.result().isObject() ? null
                : "logout answered " + logout.describe() + " instead of an object", "logout returned an object");
    }

    private static void judgeAuthenticatedSession(ScenarioContext context, Initialized initialized) {
        String method = context.settings().authMethod();
        if (method == null) {
            context.skip(AUTHENTICATED_SESSION_NEW, "no --auth-method given");
            return;
        }
        if (!initialized.authMethodIds().contains(method)) {
            context.fail(AUTHENTICATED_SESSION_NEW, "--auth-method " + method + " is not among the advertised ids "
                    + initialized.authMethodIds());
            return;
        }
        Response authenticate = context.client().authenticateForSession(method);
        if (!authenticate.isResult()) {
            context.fail(AUTHENTICATED_SESSION_NEW, "authenticate " + method + " failed: " + authenticate.describe());
            return;
        }
        Response session = context.client().sessionNew();
        context.judge(AUTHENTICATED_SESSION_NEW,
                session.isResult() && session.result().path("sessionId").isTextual() ? null
                        : "session/new after authenticate " + method + " answered " + session.describe(),
                "authenticate " + method + " then session/new succeeded");
    }
}
