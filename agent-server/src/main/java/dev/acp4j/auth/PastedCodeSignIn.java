package dev.acp4j.auth;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.oauth.AuthorizationCodeFlow;
import dev.acp4j.auth.oauth.AuthorizationRequestState;
import dev.acp4j.auth.oauth.OAuthEndpoints;
import dev.acp4j.auth.oauth.OAuthClient;
import dev.acp4j.auth.oauth.OAuthException;
import dev.acp4j.auth.oauth.PastedCode;
import dev.acp4j.auth.oauth.TokenSet;
import java.net.URI;
import java.time.Clock;
import java.util.function.Function;

/**
 * The authorization code grant for a provider whose redirect page shows the code
 * ({@code "codeEntry": "paste"}): PKCE S256 and {@code state} as always, the provider's own
 * {@code redirectUri} in the authorization and the token request, and the code pasted by the
 * user through a {@link CodeEntry}. A pasted {@code code#state} whose state is not this
 * sign-in's is refused (the user may paste again).
 */
final class PastedCodeSignIn {

    private final Clock clock;

    PastedCodeSignIn(Clock clock) {
        this.clock = clock;
    }

    TokenSet signIn(AuthMethodConfig method, OAuthEndpoints server, OAuthClient client, CodeEntry entry, String message,
                    Function<Throwable, ? extends RuntimeException> failure) throws InterruptedException {
        AuthMethodConfig.OAuthConfig oauth = method.oauth();
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(clock);
        AuthorizationRequestState request;
        try {
            request = flow.start(server, oauth.clientId(), oauth.scopes(), URI.create(oauth.redirectUri()), null);
        } catch (OAuthException e) {
            throw failure.apply(e);
        }
        CodeEntry.Entered entered = entry.await(request.authorizationUrl(), message, pasted -> problem(pasted, request));
        try {
            TokenSet tokens = flow.exchange(request, PastedCode.parse(entered.pasted())
                    .asAuthorizationResponse(request.state()), client);
            entered.prompt().complete();
            return tokens;
        } catch (OAuthException e) {
            entered.prompt().abandon();
            throw failure.apply(e);
        }
    }

    private static String problem(String pasted, AuthorizationRequestState request) {
        try {
            return PastedCode.parse(pasted).stateProblem(request.state());
        } catch (PastedCode.UnreadableException e) {
            return e.getMessage();
        }
    }
}
