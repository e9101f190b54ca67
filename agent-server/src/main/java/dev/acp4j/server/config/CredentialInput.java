package dev.acp4j.server.config;

/**
 * One value an {@code env_var} method reads from the environment or a {@code start_param}
 * method reads from the command line. A secret start parameter names a file holding it.
 *
 * @param name     the variable (e.g. {@code OPENAI_API_KEY}) or flag (e.g. {@code --openai-key-file})
 * @param label    shown to the user, or null
 * @param secret   whether the value is a secret (a secret start parameter names a file)
 * @param optional whether the method works without it
 */
public record CredentialInput(String name, String label, boolean secret, boolean optional) {
}
