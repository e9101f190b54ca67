package dev.acp4j.jsonrpc;

/** Observes every line in and out of a connection (for {@code --trace}). Must not block long. */
public interface TraceSink {

    /** Observes nothing. */
    TraceSink NONE = new TraceSink() {
        @Override
        public void incoming(byte[] line, int length) {
        }

        @Override
        public void outgoing(byte[] line, int length) {
        }
    };

    /**
     * A line read from the peer.
     *
     * @param line a buffer holding the line
     * @param length how many bytes of {@code line} are the line
     */
    void incoming(byte[] line, int length);

    /**
     * A line written to the peer.
     *
     * @param line a buffer holding the line
     * @param length how many bytes of {@code line} are the line
     */
    void outgoing(byte[] line, int length);
}
