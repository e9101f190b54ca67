package dev.acp4j.protocol.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code authenticate}: the id of the advertised method to use.
 *
 * @param methodId the {@code id} of an advertised auth method
 * @param meta extension data ({@code _meta}), or null
 */
public record AuthenticateRequest(
        @JsonProperty(value = "methodId", required = true) String methodId,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Authenticates with the given method, without {@code _meta}.
     *
     * @param methodId the {@code id} of an advertised auth method
     * @return the request params
     */
    public static AuthenticateRequest of(String methodId) {
        return new AuthenticateRequest(methodId, null);
    }
}
