package dev.acp4j.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.auth.interaction.Browser;
import dev.acp4j.auth.store.CredentialStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The parts of the auth subsystem one server process shares.
 *
 * @param browser opens sign-in pages for clients without URL elicitation (looked up when first needed)
 * @param identity the agent's name and display name, for its messages and credential file
 */
public record AuthContext(AuthMethodRegistry registry, CredentialStore store, CredentialResolver resolver,
                          CredentialRevoker revoker, OAuthSignIn oauth, ObjectMapper mapper, Clock clock, Duration elicitationTimeout,
                          Supplier<Browser> browser, AgentIdentity identity) {
}
