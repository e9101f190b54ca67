package dev.acp4j.protocol;

/** ACP protocol versions (a {@code uint16} on the wire, negotiated by {@code initialize}). */
public final class ProtocolVersion {

    /** Version 1 of ACP, the first stable version. */
    public static final int V1 = 1;
    /** The newest version this library speaks. */
    public static final int LATEST = V1;

    private ProtocolVersion() {
    }
}
