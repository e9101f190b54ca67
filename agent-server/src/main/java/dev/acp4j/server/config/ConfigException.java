package dev.acp4j.server.config;

/** A configuration that cannot be used; the message names the file, the entry and the problem. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
