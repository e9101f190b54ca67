package dev.acp4j.auth.oauth;

import java.time.Duration;

/** Waits between device-grant polls; tests substitute one that does not really sleep. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for {@code duration}.
     *
     * @param duration how long
     * @throws InterruptedException when the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** {@return a sleeper that really sleeps} */
    static Sleeper real() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
