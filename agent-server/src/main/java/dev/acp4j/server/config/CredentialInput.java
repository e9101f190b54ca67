package dev.acp4j.server.config;

/**
 * One value an {@code env_var} method reads from the environment or a {@code start_param}
 * method reads from the command line. A secret start parameter names a file holding it.
 */
public record CredentialInput(String name, String label, boolean secret, boolean optional) {
}
