package dev.acp4j.server.config;

/** A configuration that cannot be used; the message names the file, the entry and the problem. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message fit to show the user as is.
     *
     * @param message names the file, the entry and the problem
     */
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
