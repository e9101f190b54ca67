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

    /** Handles nothing: databind does all the work. */
    DirectCodec NONE = new DirectCodec() {
        @Override
        public Object read(JsonNode params, Class<?> type, ObjectMapper mapper) {
            return null;
        }

        @Override
        public boolean writes(Object result) {
            return false;
        }

        @Override
        public void write(JsonGenerator g, Object result) {
            throw new UnsupportedOperationException("writes nothing");
        }
    };

    /**
     * {@code params} (an object) bound to {@code type}, or null: databind binds them (and names any invalid field).
     *
     * @param params the request params
     * @param type the params type the method table names
     * @param mapper the mapper databind would use
     * @return the bound params, or null
     */
    Object read(JsonNode params, Class<?> type, ObjectMapper mapper);

    /**
     * Whether {@link #write} writes {@code result}; otherwise databind does.
     *
     * @param result a handler's result
     * @return true when this codec writes it
     */
    boolean writes(Object result);

    /**
     * Writes {@code result}, one for which {@link #writes} answered true.
     *
     * @param g the generator positioned where the result value goes
     * @param result the result
     * @throws IOException when the generator fails
     */
    void write(JsonGenerator g, Object result) throws IOException;
}
