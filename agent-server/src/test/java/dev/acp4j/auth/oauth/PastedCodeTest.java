package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading what a user pastes from a provider's "here is your code" page, or from a terminal. */
class PastedCodeTest {

    private static final String CODE = "Xq3vR9-kLm2_PzT8wYbN4cF6hJ1sD5gA0eU7iO";
    private static final String STATE = "mS4tE_9aQ2vL7kR1pX6zW3nB8cY0dF5h";

    @Test
    void codeHashStateAsTheProviderShowsIt() {
        PastedCode pasted = PastedCode.parse(CODE + "#" + STATE);

        assertThat(pasted.code()).isEqualTo(CODE);
        assertThat(pasted.state()).isEqualTo(STATE);
        assertThat(pasted.stateProblem(STATE)).isNull();
        assertThat(pasted.asAuthorizationResponse(STATE)).isEqualTo(Map.of("code", CODE, "state", STATE));
    }

    @Test
    void aPlainCodeBelongsToTheSignInItWasPastedInto() {
        PastedCode pasted = PastedCode.parse(CODE);

        assertThat(pasted.state()).isNull();
        assertThat(pasted.stateProblem(STATE)).isNull();
        assertThat(pasted.asAuthorizationResponse(STATE)).isEqualTo(Map.of("code", CODE, "state", STATE));
        assertThat(PastedCode.parse(CODE + "#").state()).as("an empty state is no state").isNull();
    }

    @Test
    void aStateFromAnotherSignInIsRefusedWithoutQuotingAnything() {
        PastedCode pasted = PastedCode.parse(CODE + "#someone-elses-state");

        assertThat(pasted.stateProblem(STATE)).contains("from another sign-in").contains("state does not match")
                .doesNotContain(CODE).doesNotContain("someone-elses-state").doesNotContain(STATE);
    }

    @Test
    void bracketedPasteMarkersAndWhitespaceAreIgnored() {
        assertThat(PastedCode.parse("\u001b[200~" + CODE + "#" + STATE + "\u001b[201~"))
                .isEqualTo(new PastedCode(CODE, STATE));
        assertThat(PastedCode.parse("  \t" + CODE + "#" + STATE + " \r\n")).isEqualTo(new PastedCode(CODE, STATE));
        assertThat(PastedCode.parse("\u001b[200~ " + CODE.substring(0, 10) + "\n" + CODE.substring(10) + "\u001b[201~\n"))
                .as("a long code wrapped over lines").isEqualTo(new PastedCode(CODE, null));
        assertThat(PastedCode.parse("[200~" + CODE + "[201~")).as("markers whose ESC was lost")
                .isEqualTo(new PastedCode(CODE, null));
        assertThat(PastedCode.parse("\u00a0" + CODE + "\u2003")).as("non-breaking and em spaces")
                .isEqualTo(new PastedCode(CODE, null));
    }

    @Test
    void aLongCodeIsKeptWhole() {
        String longCode = "a".repeat(3000) + "Z";

        assertThat(PastedCode.parse("\u001b[200~" + longCode + "#" + STATE + "\u001b[201~").code()).isEqualTo(longCode);
    }

    @Test
    void theWholeRedirectAddressCopiedFromTheBrowserWorksToo() {
        assertThat(PastedCode.parse("https://console.example.com/oauth/code/callback?code=" + CODE + "&state=" + STATE))
                .isEqualTo(new PastedCode(CODE, STATE));
        assertThat(PastedCode.parse("https://console.example.com/cb?code=a%2Bb%3D"))
                .isEqualTo(new PastedCode("a+b=", null));
        assertThatThrownBy(() -> PastedCode.parse("https://console.example.com/cb?error=access_denied&state=" + STATE))
                .isInstanceOf(PastedCode.UnreadableException.class).hasMessageContaining("refused the sign-in");
        assertThatThrownBy(() -> PastedCode.parse("https://console.example.com/cb"))
                .isInstanceOf(PastedCode.UnreadableException.class).hasMessageContaining("holds no code");
    }

    @Test
    void nothingOrNoCodeIsRefusedWithAMessageForTheUser() {
        for (String empty : new String[] {null, "", "  \n", "\u001b[200~\u001b[201~"}) {
            assertThatThrownBy(() -> PastedCode.parse(empty)).as(String.valueOf(empty))
                    .isInstanceOf(PastedCode.UnreadableException.class)
                    .hasMessage("Paste the code the sign-in page showed.");
        }
        assertThatThrownBy(() -> PastedCode.parse("#" + STATE)).hasMessageContaining("nothing comes before the '#'")
                .message().doesNotContain(STATE);
        assertThatThrownBy(() -> PastedCode.parse(CODE + "é")).hasMessageContaining("characters codes do not use")
                .message().doesNotContain(CODE);
    }

    @Test
    void toStringNeverShowsTheCodeOrTheState() {
        assertThat(PastedCode.parse(CODE + "#" + STATE).toString()).doesNotContain(CODE).doesNotContain(STATE)
                .contains("<redacted>");
    }
}
