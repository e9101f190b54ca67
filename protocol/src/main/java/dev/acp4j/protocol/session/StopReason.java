package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why the agent ended a prompt turn. */
public enum StopReason {
    /** The turn ended normally. */
    @JsonProperty("end_turn") END_TURN,
    /** The model reached its token limit. */
    @JsonProperty("max_tokens") MAX_TOKENS,
    /** The turn reached its limit of model requests. */
    @JsonProperty("max_turn_requests") MAX_TURN_REQUESTS,
    /** The agent refused to continue. */
    @JsonProperty("refusal") REFUSAL,
    /** The client cancelled the turn ({@code session/cancel}). */
    @JsonProperty("cancelled") CANCELLED
}
