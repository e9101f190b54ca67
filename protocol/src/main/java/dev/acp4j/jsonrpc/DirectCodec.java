package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Binds params and writes results of a few types by hand, where waiting for databind to
 * introspect them first would cost too much (a launch's first request). It must produce exactly
 * what databind would; for anything it does not handle, databind does the work.
 */
public interface DirectCodec {

    DirectCodec NONE = new DirectCodec() {
        @Override
        public Object read(JsonNode params, Class<?> type, ObjectMapper mapper) {
            return null;
        }

        @Override
        public boolean write(JsonGenerator g, Object result) {
            return false;
        }
    };

    /** {@code params} (an object) bound to {@code type}, or null: databind binds them (and names any invalid field). */
    Object read(JsonNode params, Class<?> type, ObjectMapper mapper);

    /** Writes {@code result} and answers true, or writes nothing and answers false. */
    boolean write(JsonGenerator g, Object result) throws IOException;
}
