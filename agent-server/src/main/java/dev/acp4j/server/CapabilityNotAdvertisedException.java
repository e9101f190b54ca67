package dev.acp4j.server;

/** An agent tried to call a client method the client did not advertise in {@code initialize}. */
public final class CapabilityNotAdvertisedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param capability the capability's path in {@code clientCapabilities}, e.g. {@code fs.readTextFile} */
    public CapabilityNotAdvertisedException(String capability) {
        super("the client did not advertise " + capability);
    }
}
