package dev.acp4j.jsonrpc;

/** Observes every line in and out of a connection (for {@code --trace}). Must not block long. */
public interface TraceSink {

    TraceSink NONE = new TraceSink() {
        @Override
        public void incoming(byte[] line, int length) {
        }

        @Override
        public void outgoing(byte[] line, int length) {
        }
    };

    void incoming(byte[] line, int length);

    void outgoing(byte[] line, int length);
}
