package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.schema.Direction;
import dev.acp4j.schema.TranscriptValidator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates every line a launcher process wrote against acp4j's wire schema, pairing each
 * response with the request it answers. Lines sent to the agent are fed for that pairing
 * only: tests send malformed input on purpose.
 */
final class WireCheck {

    private WireCheck() {
    }

    static void assertValid(AgentProcess process) throws InterruptedException {
        assertValid(process, violation -> false);
    }

    /** As {@link #assertValid(AgentProcess)}, less the violations a test expects on purpose. */
    static void assertValid(AgentProcess process, Predicate<String> tolerated) throws InterruptedException {
        TranscriptValidator validator = new TranscriptValidator();
        List<AgentProcess.TranscriptLine> lines = process.transcript();
        for (AgentProcess.TranscriptLine line : lines) {
            validator.accept(line.in() ? Direction.IN : Direction.OUT, line.line());
        }
        List<String> outgoing = validator.violations().stream()
                .filter(v -> v.matches("#\\d+ OUT.*"))
                .filter(v -> !answersAnInvalidRequest(v, lines))
                .filter(tolerated.negate())
                .toList();
        assertThat(outgoing).as("schema violations in what the agent wrote").isEmpty();
    }

    /**
     * An error answer to a request so malformed the validator did not take it as one (say,
     * {@code "method": 7}) rightly echoes its id; the validator then sees an unknown id.
     */
    private static boolean answersAnInvalidRequest(String violation, List<AgentProcess.TranscriptLine> lines) {
        Matcher matcher = LINE_NUMBER.matcher(violation);
        if (!violation.contains("response to unknown request id") || !matcher.lookingAt()) {
            return false;
        }
        int index = Integer.parseInt(matcher.group(1)) - 1;
        return index >= 0 && index < lines.size() && lines.get(index).line().contains("\"error\"");
    }

    private static final Pattern LINE_NUMBER = Pattern.compile("#(\\d+) ");
}
