package dev.acp4j.protocol;

/** ACP protocol versions (a {@code uint16} on the wire, negotiated by {@code initialize}). */
public final class ProtocolVersion {

    public static final int V1 = 1;
    /** The newest version this library speaks. */
    public static final int LATEST = V1;

    private ProtocolVersion() {
    }
}
