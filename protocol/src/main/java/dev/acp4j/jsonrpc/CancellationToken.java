package dev.acp4j.jsonrpc;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;

/** Signals that the work for a request should stop. Listeners run once, on cancellation. */
public final class CancellationToken {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    /** @return whether {@link #cancel()} has been called */
    public boolean isCancelled() {
        return cancelled;
    }

    /** @throws CancellationException when cancelled */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }

    /**
     * Runs {@code listener} when cancelled (at once if it already is).
     *
     * @param listener run once, on the cancelling thread
     */
    public void onCancel(Runnable listener) {
        listeners.add(listener);
        if (cancelled && listeners.remove(listener)) {
            listener.run();
        }
    }

    /** Cancels, running each listener once; later calls do nothing. */
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable listener : listeners) {
            if (listeners.remove(listener)) {
                listener.run();
            }
        }
    }
}
