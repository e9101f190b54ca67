package dev.acp4j.server.session;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** ISO-8601 UTC instants with a fixed number of digits, so that they also sort as strings. */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * The clock's instant, e.g. {@code 2026-12-04T19:05:00.000Z}.
     *
     * @param clock the clock
     * @return the instant as a fixed-width ISO-8601 string
     */
    public static String now(Clock clock) {
        return FORMAT.format(clock.instant());
    }
}
