package dev.acp4j.protocol.permission;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/** The outcome of a permission request, discriminated by {@code outcome}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "outcome")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RequestPermissionOutcome.Cancelled.class, name = "cancelled"),
        @JsonSubTypes.Type(value = RequestPermissionOutcome.Selected.class, name = "selected")
})
@JsonPropertyOrder({"outcome"})
public sealed interface RequestPermissionOutcome {

    /**
     * The outcome kind: {@code cancelled} or {@code selected}.
     *
     * @return the {@code outcome} discriminator
     */
    @JsonProperty("outcome")
    String outcome();

    /**
     * The user chose the given option.
     *
     * @param optionId the {@code optionId} of the chosen option
     * @return the outcome
     */
    static RequestPermissionOutcome selected(String optionId) {
        return new Selected(optionId, null);
    }

    /** {@return the {@code cancelled} outcome: the prompt turn was cancelled before the user chose} */
    static RequestPermissionOutcome cancelled() {
        return new Cancelled();
    }

    /** The prompt turn was cancelled before the user chose. */
    record Cancelled() implements RequestPermissionOutcome {
        @Override
        public String outcome() {
            return "cancelled";
        }
    }

    /**
     * The user chose one of the offered options ({@code SelectedPermissionOutcome}).
     *
     * @param optionId the {@code optionId} of the chosen option
     * @param meta extension data ({@code _meta}), or null
     */
    record Selected(
            @JsonProperty(value = "optionId", required = true) String optionId,
            @JsonProperty("_meta") Map<String, Object> meta) implements RequestPermissionOutcome {
        @Override
        public String outcome() {
            return "selected";
        }
    }
}
