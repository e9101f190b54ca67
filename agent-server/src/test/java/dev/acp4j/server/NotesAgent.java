package dev.acp4j.server;

import dev.acp4j.protocol.content.ContentBlock;
import dev.acp4j.protocol.session.SessionConfigOption;
import dev.acp4j.protocol.session.SessionConfigSelectOption;
import dev.acp4j.protocol.session.SessionConfigSelectOptions;
import dev.acp4j.protocol.session.SessionMode;
import dev.acp4j.protocol.session.SessionUpdate;
import dev.acp4j.protocol.session.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The README's example of the author API, verbatim (AuthorApiExampleTest checks that they stay the same). */
final class NotesAgent implements Agent {
    private final Map<String, List<String>> context = new ConcurrentHashMap<>(); // model context per session

    @Override
    public List<SessionMode> modes() {                       // the first is a new session's mode
        return List.of(new SessionMode("ask", "Ask", "Answer questions", null),
                       new SessionMode("code", "Code", "Write code", null));
    }

    @Override
    public List<SessionConfigOption> configOptions() {       // each with its default as currentValue
        return List.of(SessionConfigOption.select("model", "Model", "small", SessionConfigSelectOptions.of(List.of(
                SessionConfigSelectOption.of("small", "Small"), SessionConfigSelectOption.of("large", "Large")))));
    }

    @Override
    public boolean acceptsImages() {                         // promptCapabilities.image
        return true;
    }

    @Override
    public void sessionRestored(Session session) {           // after session/load or session/resume
        List<String> messages = new ArrayList<>();
        for (SessionUpdate update : session.history()) {
            if (update instanceof SessionUpdate.UserMessageChunk u && u.content() instanceof ContentBlock.Text t) {
                messages.add("user: " + t.text());
            } else if (update instanceof SessionUpdate.AgentMessageChunk a && a.content() instanceof ContentBlock.Text t) {
                messages.add("agent: " + t.text());
            }
        }
        context.put(session.id(), messages);
    }

    @Override
    public void sessionClosed(Session session) {             // session/close or session/delete
        context.remove(session.id());
    }

    @Override
    public StopReason prompt(PromptTurn turn) {
        List<String> messages = context.computeIfAbsent(turn.sessionId(), id -> new ArrayList<>());
        if (turn.session().title().isEmpty()) {
            turn.setTitle(turn.text());                      // session/list shows it; sends session_info_update
        }
        messages.add("user: " + turn.text());
        String reply = "(" + turn.modeId() + ", " + turn.configValue("model") + ") message "
                + messages.size() + " of this session";
        turn.sendText(reply);                                // recorded, replayed by session/load
        messages.add("agent: " + reply);
        turn.reportUsage(messages.size() * 100L, 200_000, null); // usage_update
        return StopReason.END_TURN;
    }
}
