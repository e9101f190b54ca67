package dev.acp4j.server;

import dev.acp4j.protocol.content.ContentBlock;
import dev.acp4j.protocol.mcp.McpServer;
import dev.acp4j.server.session.StoredSession;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A request the server admits only with the user's credentials ({@code session/new},
 * {@code session/load}, {@code session/resume}, {@code session/prompt}), as
 * {@link Agent#requiredProviders(GatedRequest)} sees it before it is admitted: what the client sent,
 * and the session's mode and config values as they will be while the request runs (for
 * {@code session/new} the defaults, for load and resume the stored values, for a prompt the
 * current ones).
 */
public final class GatedRequest {

    private final String method;
    private final String sessionId;
    private final String cwd;
    private final List<String> additionalDirectories;
    private final List<McpServer> mcpServers;
    private final List<ContentBlock> prompt;
    private final Map<String, Object> meta;
    private final SessionSettings settings;
    private final boolean clientHasBooleans;
    private final Supplier<StoredSession> state;
    private StoredSession resolved;

    GatedRequest(String method, String sessionId, String cwd, List<String> additionalDirectories,
                 List<McpServer> mcpServers, List<ContentBlock> prompt, Map<String, Object> meta,
                 SessionSettings settings, boolean clientHasBooleans, Supplier<StoredSession> state) {
        this.method = method;
        this.sessionId = sessionId;
        this.cwd = cwd;
        this.additionalDirectories = additionalDirectories == null ? List.of()
                : additionalDirectories.stream().filter(d -> d != null).toList();
        this.mcpServers = mcpServers == null ? List.of() : mcpServers.stream().filter(s -> s != null).toList();
        this.prompt = prompt == null ? List.of() : prompt.stream().filter(b -> b != null).toList();
        this.meta = meta == null ? Map.of() : meta;
        this.settings = settings;
        this.clientHasBooleans = clientHasBooleans;
        this.state = state;
    }

    /**
     * {@return the ACP method: {@code session/new}, {@code session/load}, {@code session/resume} or {@code session/prompt}}
     */
    public String method() {
        return method;
    }

    /** {@return the session's id; empty for {@code session/new} (the session does not exist yet)} */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /**
     * The session's working directory as the client gives it (for a prompt, the session's);
     * empty when the client sent no absolute path (the request is then refused anyway).
     *
     * @return the working directory
     */
    public Optional<Path> cwd() {
        if (cwd == null) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(cwd);
            return path.isAbsolute() ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** {@return the further workspace roots the client gives ({@code additionalDirectories}), as sent} */
    public List<String> additionalDirectories() {
        return additionalDirectories;
    }

    /** {@return the MCP servers the client gives for the session (for a prompt, the session's)} */
    public List<McpServer> mcpServers() {
        return mcpServers;
    }

    /** {@return the prompt's content blocks; empty for every method but {@code session/prompt}} */
    public List<ContentBlock> prompt() {
        return prompt;
    }

    /** {@return the request's {@code _meta}, as sent; empty when it has none} */
    public Map<String, Object> meta() {
        return meta;
    }

    /** {@return the session's mode while the request runs ({@link Agent#modes()}), or null when the agent has none} */
    public String modeId() {
        return settings.currentModeId(state());
    }

    /**
     * The value a config option ({@link Agent#configOptions()}) has while the request runs: a select
     * option's value id, or {@code "true"}/{@code "false"} for a boolean one; null for an unknown id.
     * This is how an agent whose models come from several providers tells which one a session needs.
     *
     * @param configId the option's {@code id}
     * @return the current value, or null
     */
    public String configValue(String configId) {
        return settings.currentValue(state(), configId, clientHasBooleans);
    }

    private synchronized StoredSession state() {
        if (resolved == null) {
            resolved = state.get();
        }
        return resolved;
    }
}
