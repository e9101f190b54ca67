package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.acp4j.auth.config.ExchangeConfig;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TokenExchange} against a Copilot-shaped exchange on 127.0.0.1. */
class TokenExchangeTest {

    private static final String OAUTH_TOKEN = "gho_exchangeTest0123456789abcdefABCDEF";

    private CopilotShapedServer copilot;

    @BeforeEach
    void start() throws Exception {
        copilot = new CopilotShapedServer(OAUTH_TOKEN);
    }

    @AfterEach
    void stop() {
        copilot.close();
    }

    private ExchangeConfig.Builder copilotExchange() {
        ExchangeConfig.Builder builder = ExchangeConfig.builder(copilot.exchangeEndpoint().toString())
                .tokenPlacement("authorization: token").apiBaseUrlField("endpoints.api");
        CopilotShapedServer.EXCHANGE_HEADERS.forEach(builder::header);
        return builder;
    }

    @Test
    void copilotsExchangeAnswersAThirtyMinuteTokenAndItsApiBaseUrl() {
        Instant before = Instant.now();
        ExchangedToken token = new TokenExchange(Clock.systemUTC()).exchange(copilotExchange().build(), OAUTH_TOKEN);

        assertThat(token.token()).isEqualTo(copilot.issued().get(0)).doesNotContain(OAUTH_TOKEN);
        assertThat(token.expiresAt()).isBetween(before.plusSeconds(1799).minusSeconds(1), Instant.now().plusSeconds(1800));
        assertThat(token.apiBaseUrl()).isEqualTo(copilot.apiBaseUrl().toString());
        assertThat(token.toString()).doesNotContain(token.token());
    }

    @Test
    void expiresInFieldCountsSecondsFromTheRequest() {
        Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        ExchangedToken token = new TokenExchange(fixed).exchange(copilotExchange().expiresInField("refresh_in").build(),
                OAUTH_TOKEN);

        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z").plus(Duration.ofSeconds(1500)));
    }

    @Test
    void theTokenCanGoInTheQueryOrAPostForm() {
        ExchangeConfig.Builder query = ExchangeConfig.builder(copilot.exchangeEndpoint() + "?client=acp4j")
                .tokenPlacement("query: access_token");
        CopilotShapedServer.EXCHANGE_HEADERS.forEach(query::header);
        ExchangeConfig.Builder form = ExchangeConfig.builder(copilot.exchangeEndpoint().toString()).method("POST")
                .tokenPlacement("form: access_token");
        CopilotShapedServer.EXCHANGE_HEADERS.forEach(form::header);
        TokenExchange exchange = new TokenExchange(Clock.systemUTC());

        assertThat(exchange.exchange(query.build(), OAUTH_TOKEN).token()).isEqualTo(copilot.issued().get(0));
        assertThat(exchange.exchange(form.build(), OAUTH_TOKEN).token()).isEqualTo(copilot.issued().get(1));
    }

    @Test
    void aRefusedTokenIsA401WithTheServersMessageAndNoToken() {
        TokenExchangeException refused = catchThrowableOfType(TokenExchangeException.class,
                () -> new TokenExchange(Clock.systemUTC()).exchange(copilotExchange().build(), "gho_wrong"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.getMessage()).isEqualTo("the token exchange " + copilot.exchangeEndpoint()
                + " refused the token (HTTP 401: Bad credentials)").doesNotContain("gho_wrong");
        assertThat(copilot.exchanges()).isZero();
    }

    @Test
    void aServerErrorIsNotARefusal() {
        copilot.refuseWith(503);

        TokenExchangeException failure = catchThrowableOfType(TokenExchangeException.class,
                () -> new TokenExchange(Clock.systemUTC()).exchange(copilotExchange().build(), OAUTH_TOKEN));

        assertThat(failure.refused()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("the token exchange " + copilot.exchangeEndpoint()
                + " answered HTTP 503: Refused by the test");
    }

    @Test
    void aMissingRequiredHeaderIsRefusedAndSaysWhich() {
        ExchangeConfig noHeaders = ExchangeConfig.builder(copilot.exchangeEndpoint().toString())
                .tokenPlacement("authorization: token").build();

        TokenExchangeException refused = catchThrowableOfType(TokenExchangeException.class,
                () -> new TokenExchange(Clock.systemUTC()).exchange(noHeaders, OAUTH_TOKEN));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("HTTP 400: missing Editor-");
    }

    @Test
    void anUnreachableExchangeSaysSoWithoutTheTokenEvenWhenItIsInTheQuery() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ExchangeConfig unreachable = ExchangeConfig.builder("http://127.0.0.1:" + closedPort + "/token")
                .tokenPlacement("query: access_token").build();

        TokenExchangeException failure = catchThrowableOfType(TokenExchangeException.class,
                () -> new TokenExchange(Clock.systemUTC()).exchange(unreachable, OAUTH_TOKEN));

        assertThat(failure.status()).isZero();
        assertThat(failure.refused()).isFalse();
        assertThat(failure.getMessage()).startsWith("the token exchange http://127.0.0.1:" + closedPort
                + "/token could not be reached").doesNotContain(OAUTH_TOKEN).doesNotContain("access_token");
    }

    @Test
    void anAnswerWithoutTheTokenFieldIsAnError() {
        TokenExchangeException failure = catchThrowableOfType(TokenExchangeException.class,
                () -> new TokenExchange(Clock.systemUTC()).exchange(copilotExchange().tokenField("access_token").build(),
                        OAUTH_TOKEN));

        assertThat(failure.refused()).isFalse();
        assertThat(failure.getMessage()).endsWith("answered no \"access_token\" string");
    }
}
