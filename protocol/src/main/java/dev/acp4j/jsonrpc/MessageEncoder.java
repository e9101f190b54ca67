package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Encodes JSON-RPC envelopes to single-line UTF-8 JSON. */
final class MessageEncoder {

    static final String VERSION = "2.0";

    @JsonPropertyOrder({"jsonrpc", "id", "result"})
    record ResultEnvelope(String jsonrpc, @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode id,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Object result) {
    }

    @JsonPropertyOrder({"jsonrpc", "id", "error"})
    record ErrorEnvelope(String jsonrpc, @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode id,
                         JsonRpcError error) {
    }

    @JsonPropertyOrder({"jsonrpc", "id", "method", "params"})
    record RequestEnvelope(String jsonrpc, long id, String method, Object params) {
    }

    @JsonPropertyOrder({"jsonrpc", "method", "params"})
    record NotificationEnvelope(String jsonrpc, String method, Object params) {
    }

    private final ObjectMapper mapper;
    private final DirectCodec direct;
    private final ObjectWriter resultWriter;
    private final ObjectWriter errorWriter;
    private final ObjectWriter requestWriter;
    private final ObjectWriter notificationWriter;
    private final java.util.Map<String, byte[]> notificationPrefixes = new java.util.concurrent.ConcurrentHashMap<>();

    MessageEncoder(ObjectMapper mapper, DirectCodec direct) {
        this.mapper = mapper;
        this.direct = direct;
        // Serializers are found at first use, not here: learning the four envelopes would delay
        // every launch's first answer (initialize needs none of them).
        ObjectWriter lazy = mapper.writer().without(SerializationFeature.EAGER_SERIALIZER_FETCH);
        this.resultWriter = lazy.forType(ResultEnvelope.class);
        this.errorWriter = lazy.forType(ErrorEnvelope.class);
        this.requestWriter = lazy.forType(RequestEnvelope.class);
        this.notificationWriter = lazy.forType(NotificationEnvelope.class);
    }

    byte[] response(Response response) throws JsonProcessingException {
        return mapper.writeValueAsBytes(envelope(response));
    }

    byte[] batch(List<Response> responses) throws JsonProcessingException {
        return mapper.writeValueAsBytes(responses.stream().map(MessageEncoder::envelope).toList());
    }

    byte[] result(JsonNode id, Object result) throws JsonProcessingException {
        if (direct.writes(result)) {
            return directResult(id, result);
        }
        return resultWriter.writeValueAsBytes(new ResultEnvelope(VERSION, id, result));
    }

    byte[] error(JsonNode id, JsonRpcError error) throws JsonProcessingException {
        return errorWriter.writeValueAsBytes(new ErrorEnvelope(VERSION, id, error));
    }

    byte[] request(long id, String method, Object params) throws JsonProcessingException {
        return requestWriter.writeValueAsBytes(new RequestEnvelope(VERSION, id, method, params));
    }

    byte[] notification(String method, Object params) throws JsonProcessingException {
        return notificationWriter.writeValueAsBytes(new NotificationEnvelope(VERSION, method, params));
    }

    /**
     * The first bytes of a notification of {@code method}, up to its params: the same bytes as
     * {@link #notification(String, Object)} are this, the params encoded, and {@code '}'}.
     */
    byte[] notificationPrefix(String method) {
        return notificationPrefixes.computeIfAbsent(method, MessageEncoder::encodeNotificationPrefix);
    }

    private static byte[] encodeNotificationPrefix(String method) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(("{\"jsonrpc\":\"" + VERSION + "\",\"method\":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (JsonGenerator g = TreeReader.factory().createGenerator(out)) {
            g.writeString(method);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.writeBytes(",\"params\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The same bytes as {@link #resultWriter} writes, by the direct codec. */
    private byte[] directResult(JsonNode id, Object result) throws JsonProcessingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("jsonrpc", VERSION);
            g.writeFieldName("id");
            if (id == null) {
                g.writeNull();
            } else {
                g.writeTree(id);
            }
            g.writeFieldName("result");
            direct.write(g, result);
            g.writeEndObject();
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Object envelope(Response response) {
        return response.error() == null
                ? new ResultEnvelope(VERSION, response.id(), response.result())
                : new ErrorEnvelope(VERSION, response.id(), response.error());
    }
}
