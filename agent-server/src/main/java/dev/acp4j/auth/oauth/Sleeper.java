package dev.acp4j.auth.oauth;

import java.time.Duration;

/** Waits between device-grant polls; tests substitute one that does not really sleep. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
