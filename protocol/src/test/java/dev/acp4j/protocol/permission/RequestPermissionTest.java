package dev.acp4j.protocol.permission;

import static dev.acp4j.protocol.Wire.assertRoundTrip;
import static dev.acp4j.protocol.Wire.parse;
import static dev.acp4j.protocol.Wire.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.acp4j.protocol.Wire;
import dev.acp4j.protocol.session.ToolCallStatus;
import dev.acp4j.protocol.session.ToolCallUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPermissionTest {

    @Test
    void requestCarriesAToolCallUpdateWithoutDiscriminator() {
        RequestPermissionRequest request = RequestPermissionRequest.of("s1",
                ToolCallUpdate.of("t1", ToolCallStatus.PENDING),
                List.of(PermissionOption.of("allow", "Allow", PermissionOptionKind.ALLOW_ONCE),
                        PermissionOption.of("never", "Never", PermissionOptionKind.REJECT_ALWAYS)));

        assertThat(tree(request)).isEqualTo(parse("""
                {"sessionId":"s1","toolCall":{"toolCallId":"t1","status":"pending"},
                 "options":[{"optionId":"allow","name":"Allow","kind":"allow_once"},
                            {"optionId":"never","name":"Never","kind":"reject_always"}]}"""));
        assertRoundTrip(Wire.write(request), RequestPermissionRequest.class);
    }

    @Test
    void outcomesRoundTrip() {
        assertThat(assertRoundTrip("{\"outcome\":{\"outcome\":\"selected\",\"optionId\":\"allow\"}}",
                RequestPermissionResponse.class))
                .isEqualTo(RequestPermissionResponse.of(RequestPermissionOutcome.selected("allow")));
        assertThat(assertRoundTrip("{\"outcome\":{\"outcome\":\"cancelled\"}}", RequestPermissionResponse.class))
                .isEqualTo(RequestPermissionResponse.of(RequestPermissionOutcome.cancelled()));
    }

    @Test
    void unknownOutcomeIsAnError() {
        assertThatThrownBy(() -> Wire.MAPPER.readValue("{\"outcome\":{\"outcome\":\"maybe\"}}",
                RequestPermissionResponse.class))
                .isInstanceOf(InvalidTypeIdException.class)
                .hasMessageContaining("maybe");
    }
}
