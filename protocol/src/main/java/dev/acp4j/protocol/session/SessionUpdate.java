package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acp4j.protocol.content.ContentBlock;
import java.util.List;
import java.util.Map;

/**
 * A real-time update in a {@code session/update} notification, discriminated by {@code sessionUpdate}.
 * An unknown kind (from a newer peer) is kept raw as {@link Other} instead of failing the notification.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "sessionUpdate",
        visible = true, defaultImpl = SessionUpdate.Other.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = SessionUpdate.UserMessageChunk.class, name = "user_message_chunk"),
        @JsonSubTypes.Type(value = SessionUpdate.AgentMessageChunk.class, name = "agent_message_chunk"),
        @JsonSubTypes.Type(value = SessionUpdate.AgentThoughtChunk.class, name = "agent_thought_chunk"),
        @JsonSubTypes.Type(value = SessionUpdate.ToolCall.class, name = "tool_call"),
        @JsonSubTypes.Type(value = SessionUpdate.ToolCallUpdateNotification.class, name = "tool_call_update"),
        @JsonSubTypes.Type(value = SessionUpdate.Plan.class, name = "plan"),
        @JsonSubTypes.Type(value = SessionUpdate.AvailableCommandsUpdate.class, name = "available_commands_update"),
        @JsonSubTypes.Type(value = SessionUpdate.CurrentModeUpdate.class, name = "current_mode_update"),
        @JsonSubTypes.Type(value = SessionUpdate.ConfigOptionUpdate.class, name = "config_option_update"),
        @JsonSubTypes.Type(value = SessionUpdate.SessionInfoUpdate.class, name = "session_info_update"),
        @JsonSubTypes.Type(value = SessionUpdate.UsageUpdate.class, name = "usage_update")
})
@JsonPropertyOrder({"sessionUpdate"})
public sealed interface SessionUpdate {

    /** @return the update's kind on the wire ({@code sessionUpdate}), e.g. {@code agent_message_chunk} */
    @JsonProperty("sessionUpdate")
    String sessionUpdate();

    /**
     * A chunk of the agent's reply, as text.
     *
     * @param text the chunk
     * @return an {@code agent_message_chunk}
     */
    static SessionUpdate agentMessage(String text) {
        return new AgentMessageChunk(ContentBlock.text(text), null, null);
    }

    /**
     * A chunk of the agent's reasoning, as text.
     *
     * @param text the chunk
     * @return an {@code agent_thought_chunk}
     */
    static SessionUpdate agentThought(String text) {
        return new AgentThoughtChunk(ContentBlock.text(text), null, null);
    }

    /**
     * A new tool call, pending.
     *
     * @param toolCallId the call's id, unique in the session; later updates name it
     * @param title what the client shows
     * @param kind the category of the tool
     * @return a {@code tool_call}
     */
    static SessionUpdate toolCall(String toolCallId, String title, ToolKind kind) {
        return new ToolCall(toolCallId, title, kind, ToolCallStatus.PENDING, null, null, null, null, null);
    }

    /**
     * Progress of a tool call: the {@code tool_call_update} session update carrying {@code update}.
     *
     * @param update the changed fields of the tool call
     * @return a {@code tool_call_update}
     */
    static SessionUpdate toolCallUpdate(ToolCallUpdate update) {
        return new ToolCallUpdateNotification(update);
    }

    /**
     * A chunk of a user message, e.g. while replaying history in {@code session/load} ({@code ContentChunk}).
     *
     * @param content the chunk
     * @param messageId groups the chunks of one message, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record UserMessageChunk(
            @JsonProperty(value = "content", required = true) ContentBlock content,
            @JsonProperty("messageId") String messageId,
            @JsonProperty("_meta") Map<String, Object> meta) implements SessionUpdate {
        @Override
        public String sessionUpdate() {
            return "user_message_chunk";
        }
    }

    /**
     * A chunk of the agent's reply ({@code ContentChunk}).
     *
     * @param content the chunk
     * @param messageId groups the chunks of one message, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record AgentMessageChunk(
            @JsonProperty(value = "content", required = true) ContentBlock content,
            @JsonProperty("messageId") String messageId,
            @JsonProperty("_meta") Map<String, Object> meta) implements SessionUpdate {
        @Override
        public String sessionUpdate() {
            return "agent_message_chunk";
        }
    }

    /**
     * A chunk of the agent's internal reasoning ({@code ContentChunk}).
     *
     * @param content the chunk
     * @param messageId groups the chunks of one message, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record AgentThoughtChunk(
            @JsonProperty(value = "content", required = true) ContentBlock content,
            @JsonProperty("messageId") String messageId,
            @JsonProperty("_meta") Map<String, Object> meta) implements SessionUpdate {
        @Override
        public String sessionUpdate() {
            return "agent_thought_chunk";
        }
    }

    /**
     * A new tool call the language model requested.
     *
     * @param toolCallId the tool call, unique in the session
     * @param title what the client shows
     * @param kind the category of the tool, or null
     * @param status where the call stands, or null
     * @param content what the call produced, or null
     * @param locations files the call touches, or null
     * @param rawInput the raw input, or null
     * @param rawOutput the raw output, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record ToolCall(
            @JsonProperty(value = "toolCallId", required = true) String toolCallId,
            @JsonProperty(value = "title", required = true) String title,
            @JsonProperty("kind") ToolKind kind,
            @JsonProperty("status") ToolCallStatus status,
            @JsonProperty("content") List<ToolCallContent> content,
            @JsonProperty("locations") List<ToolCallLocation> locations,
            @JsonProperty("rawInput") JsonNode rawInput,
            @JsonProperty("rawOutput") JsonNode rawOutput,
            @JsonProperty("_meta") Map<String, Object> meta) implements SessionUpdate {
        @Override
        public String sessionUpdate() {
            return "tool_call";
        }
    }

    /**
     * The {@code tool_call_update} session update: progress of a tool call. Carries the schema's
     * {@link ToolCallUpdate} object (the changed fields, shared with {@code session/request_permission}),
     * written inline. Named as in the official ACP Java SDK, so that it does not shadow {@link ToolCallUpdate}.
     *
     * @param update the changed fields of the tool call
     */
    record ToolCallUpdateNotification(@JsonUnwrapped ToolCallUpdate update) implements SessionUpdate {
        @Override
        public String sessionUpdate() {
            return "tool_call_update";
        }
    }

    /**
     * The agent's execution plan; each update replaces the whole plan.
     *
     * @param entries the whole plan, replacing the previous one
     * @param meta extension data ({@code _meta}), or null
     */
    record Plan(
            @JsonProperty(value = "entries", required = true) List<PlanEntry> entries,
            @JsonProperty("_meta") Map<String, Object> meta) implements SessionUpdate {
        @Override
        public String sessionUpdate() {
            return "plan";
        }
    }

    /**
     * The slash commands now available.
     *
     * @param availableCommands the commands the user can run now
     * @param meta extension data ({@code _meta}), or null
     */
    record AvailableCommandsUpdate(
            @JsonProperty(value = "availableCommands", required = true) List<AvailableCommand> availableCommands,
            @JsonProperty("_meta") Map<String, Object> meta) implements SessionUpdate {
        @Override
        public String sessionUpdate() {
            return "available_commands_update";
        }
    }

    /**
     * The session's mode changed.
     *
     * @param currentModeId the mode the session is now in
     * @param meta extension data ({@code _meta}), or null
     */
    record CurrentModeUpdate(
            @JsonProperty(value = "currentModeId", required = true) String currentModeId,
            @JsonProperty("_meta") Map<String, Object> meta) implements SessionUpdate {
        @Override
        public String sessionUpdate() {
            return "current_mode_update";
        }
    }

    /**
     * The session's config options changed; carries all of them.
     *
     * @param configOptions all config options of the session, or null for none
     * @param meta extension data ({@code _meta}), or null
     */
    record ConfigOptionUpdate(
            @JsonProperty(value = "configOptions", required = true) List<SessionConfigOption> configOptions,
            @JsonProperty("_meta") Map<String, Object> meta) implements SessionUpdate {
        @Override
        public String sessionUpdate() {
            return "config_option_update";
        }
    }

    /**
     * Session metadata changed; absent fields are unchanged.
     *
     * @param title the new title, or null (absent: unchanged)
     * @param updatedAt ISO-8601 time of the last activity, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record SessionInfoUpdate(
            @JsonProperty("title") String title,
            @JsonProperty("updatedAt") String updatedAt,
            @JsonProperty("_meta") Map<String, Object> meta) implements SessionUpdate {
        @Override
        public String sessionUpdate() {
            return "session_info_update";
        }
    }

    /**
     * Context window usage ({@code used} of {@code size} tokens) and, optionally, cumulative cost.
     *
     * @param used tokens in the context window now
     * @param size the context window's size, in tokens
     * @param cost the session's cost so far, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record UsageUpdate(
            @JsonProperty(value = "used", required = true) long used,
            @JsonProperty(value = "size", required = true) long size,
            @JsonProperty("cost") Cost cost,
            @JsonProperty("_meta") Map<String, Object> meta) implements SessionUpdate {
        @Override
        public String sessionUpdate() {
            return "usage_update";
        }
    }

    /**
     * An update of a kind this library does not know (or of none), kept as received.
     *
     * @param raw the JSON object, as received
     */
    record Other(@JsonValue ObjectNode raw) implements SessionUpdate {
        /** @param raw the update as received */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public Other {
        }

        @Override
        public String sessionUpdate() {
            return raw.path("sessionUpdate").asText(null);
        }
    }
}
