package dev.acp4j.examples.weather;

import dev.acp4j.auth.Credential;
import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.cli.AcpLauncher;
import dev.acp4j.protocol.session.StopReason;
import dev.acp4j.server.Agent;
import dev.acp4j.server.PromptTurn;
import dev.acp4j.server.config.ServerConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A weather agent on acp4j: it needs a Weather API key (pasted on a local page, from
 * {@code WEATHER_API_KEY}, or with {@code --login}), then answers "weather in CITY" from canned
 * forecasts, streaming the answer sentence by sentence. It calls no network: a real agent would
 * send {@code key.secret()} to its weather service where this one looks up {@link #FORECASTS}.
 */
public final class WeatherAgent implements Agent {

    /** Whose key the agent's auth methods yield; {@code turn.credential(PROVIDER)} reads it. */
    static final String PROVIDER = "weather";

    private static final Map<String, List<String>> FORECASTS = Map.of(
            "paris", List.of("Paris: light rain in the morning, ", "clearing by noon, ", "14 °C."),
            "tokyo", List.of("Tokyo: sunny ", "with a light breeze, ", "19 °C."),
            "lima", List.of("Lima: overcast ", "and mild, ", "18 °C."));

    public static void main(String[] args) {
        AcpLauncher.builder()
                .name("weather-agent")
                .title("Weather Agent")
                .version("1.0.0")
                .agent(new WeatherAgent())
                .defaultConfig(config())
                .build()
                .main(args);
    }

    /** The agent's auth methods: without {@code --config}, this is its configuration. */
    static ServerConfig config() {
        return ServerConfig.builder()
                .authMethod(AuthMethodConfig.apiKeyPage("weather-key-page", "Enter a Weather API key")
                        .provider(PROVIDER)
                        .keyPattern("wx-[A-Za-z0-9]{16,}")
                        .build())
                .authMethod(AuthMethodConfig.envVar("weather-key-env", "Weather API key from the environment")
                        .provider(PROVIDER)
                        .variable("WEATHER_API_KEY", "Weather API key")
                        .build())
                .build();
    }

    @Override
    public StopReason prompt(PromptTurn turn) throws InterruptedException {
        // Sessions open only once a key is usable, so a turn always has one.
        Credential key = turn.credential(PROVIDER).orElseThrow();
        String city = city(turn.text());
        List<String> forecast = FORECASTS.get(city);
        if (forecast == null) {
            turn.sendText("Ask me \"weather in CITY\"; I know " + String.join(", ", FORECASTS.keySet().stream().sorted().toList())
                    + ". (Signed in with " + key.source() + ".)");
            return StopReason.END_TURN;
        }
        for (String part : forecast) {
            if (turn.isCancelled()) {
                return StopReason.CANCELLED;
            }
            turn.sendText(part); // one agent_message_chunk each
            Thread.sleep(20);
        }
        return StopReason.END_TURN;
    }

    private static String city(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        int in = lower.lastIndexOf(" in ");
        return (in >= 0 ? lower.substring(in + 4) : lower).replaceAll("[^a-z]", "");
    }
}
