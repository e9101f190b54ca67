package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why the agent ended a prompt turn. */
public enum StopReason {
    @JsonProperty("end_turn") END_TURN,
    @JsonProperty("max_tokens") MAX_TOKENS,
    @JsonProperty("max_turn_requests") MAX_TURN_REQUESTS,
    @JsonProperty("refusal") REFUSAL,
    @JsonProperty("cancelled") CANCELLED
}
