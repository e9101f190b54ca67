package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One task in an execution plan.
 *
 * @param content what the task is
 * @param priority how important it is
 * @param status where it stands
 * @param meta extension data ({@code _meta}), or null
 */
public record PlanEntry(
        @JsonProperty(value = "content", required = true) String content,
        @JsonProperty(value = "priority", required = true) PlanEntryPriority priority,
        @JsonProperty(value = "status", required = true) PlanEntryStatus status,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * An entry without {@code _meta}.
     *
     * @param content what the task is, as shown to the user
     * @param priority how important the task is
     * @param status where the task stands
     * @return the entry
     */
    public static PlanEntry of(String content, PlanEntryPriority priority, PlanEntryStatus status) {
        return new PlanEntry(content, priority, status, null);
    }
}
