package dev.acp4j.server;

import dev.acp4j.jsonrpc.EchoedText;
import dev.acp4j.jsonrpc.JsonRpcError;
import dev.acp4j.jsonrpc.JsonRpcException;
import dev.acp4j.protocol.session.SessionConfigOption;
import dev.acp4j.protocol.session.SessionConfigSelectOption;
import dev.acp4j.protocol.session.SessionConfigSelectOptions;
import dev.acp4j.protocol.session.SessionMode;
import dev.acp4j.protocol.session.SessionModeState;
import dev.acp4j.protocol.session.SetSessionConfigOptionRequest;
import dev.acp4j.server.session.StoredSession;
import java.util.List;
import java.util.stream.Collectors;

/** The agent's modes and config options, with a session's current values; validates changes. */
final class SessionSettings {

    private final List<SessionMode> modes;
    private final List<SessionConfigOption> options;

    SessionSettings(List<SessionMode> modes, List<SessionConfigOption> options) {
        this.modes = List.copyOf(modes);
        this.options = List.copyOf(options);
    }

    /** A new session's mode: the first declared, or null without modes. */
    String defaultModeId() {
        return modes.isEmpty() ? null : modes.get(0).id();
    }

    /** The modes with the session's current one, or null when the agent has none (as the schema allows). */
    SessionModeState modeState(StoredSession session) {
        return modes.isEmpty() ? null : new SessionModeState(currentModeId(session), modes, null);
    }

    String currentModeId(StoredSession session) {
        String stored = session.modeId();
        return stored != null && modes.stream().anyMatch(m -> m.id().equals(stored)) ? stored : defaultModeId();
    }

    /** The options this client can use, each with the session's current value; null when there are none. */
    List<SessionConfigOption> configOptions(StoredSession session, boolean clientHasBooleans) {
        List<SessionConfigOption> visible = options.stream()
                .filter(o -> clientHasBooleans || o instanceof SessionConfigOption.SelectOption)
                .map(o -> withCurrentValue(o, session.configValues().get(o.id())))
                .toList();
        return visible.isEmpty() ? null : visible;
    }

    /**
     * The current value of an option as text (a value id, or {@code true}/{@code false}); null if
     * unknown. A boolean option the client cannot see keeps its default, so that it cannot change a
     * reply without a way for the user to change it back.
     */
    String currentValue(StoredSession session, String configId, boolean clientHasBooleans) {
        for (SessionConfigOption option : options) {
            if (option.id().equals(configId)) {
                Object stored = clientHasBooleans || option instanceof SessionConfigOption.SelectOption
                        ? session.configValues().get(configId) : null;
                SessionConfigOption current = withCurrentValue(option, stored);
                return current instanceof SessionConfigOption.SelectOption select
                        ? select.currentValue() : String.valueOf(((SessionConfigOption.BooleanOption) current).currentValue());
            }
        }
        return null;
    }

    void requireMode(String modeId) {
        if (modes.isEmpty()) {
            throw invalid("this agent has no modes");
        }
        if (modes.stream().noneMatch(m -> m.id().equals(modeId))) {
            throw invalid("unknown modeId '" + EchoedText.of(modeId) + "'; the modes are: "
                    + modes.stream().map(SessionMode::id).collect(Collectors.joining(", ")));
        }
    }

    /** The stored value for a valid request (a String or a Boolean); -32602 naming what is allowed otherwise. */
    Object validate(SetSessionConfigOptionRequest request, boolean clientHasBooleans) {
        SessionConfigOption option = options.stream()
                .filter(o -> o.id().equals(request.configId())
                        && (clientHasBooleans || o instanceof SessionConfigOption.SelectOption))
                .findFirst()
                .orElseThrow(() -> invalid("unknown configId '" + EchoedText.of(request.configId()) + "'; the options are: "
                        + String.join(", ", configOptionIds(clientHasBooleans))));
        if (option instanceof SessionConfigOption.SelectOption select) {
            List<String> allowed = values(select.options());
            if (request instanceof SetSessionConfigOptionRequest.ValueId value && allowed.contains(value.value())) {
                return value.value();
            }
            throw invalid("config option '" + option.id() + "' takes one of: " + String.join(", ", allowed));
        }
        if (request instanceof SetSessionConfigOptionRequest.BooleanValue value) {
            return value.value();
        }
        throw invalid("config option '" + option.id() + "' is a boolean: send \"type\": \"boolean\" and true or false");
    }

    private List<String> configOptionIds(boolean clientHasBooleans) {
        return options.stream()
                .filter(o -> clientHasBooleans || o instanceof SessionConfigOption.SelectOption)
                .map(SessionConfigOption::id).toList();
    }

    private static SessionConfigOption withCurrentValue(SessionConfigOption option, Object stored) {
        if (option instanceof SessionConfigOption.SelectOption s && stored instanceof String value
                && values(s.options()).contains(value)) {
            return new SessionConfigOption.SelectOption(s.id(), s.name(), s.description(), s.category(), value,
                    s.options(), s.meta());
        }
        if (option instanceof SessionConfigOption.BooleanOption b && stored instanceof Boolean value) {
            return new SessionConfigOption.BooleanOption(b.id(), b.name(), b.description(), b.category(), value, b.meta());
        }
        return option;
    }

    private static List<String> values(SessionConfigSelectOptions options) {
        if (options instanceof SessionConfigSelectOptions.Ungrouped flat) {
            return flat.options().stream().map(SessionConfigSelectOption::value).toList();
        }
        return ((SessionConfigSelectOptions.Grouped) options).groups().stream()
                .flatMap(g -> g.options().stream()).map(SessionConfigSelectOption::value).toList();
    }

    private static JsonRpcException invalid(String message) {
        return new JsonRpcException(JsonRpcError.invalidParams(message));
    }
}
