package dev.acp4j.jsonrpc;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;

/** Signals that the work for a request should stop. Listeners run once, on cancellation. */
public final class CancellationToken {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }

    /** Runs {@code listener} when cancelled (at once if it already is). */
    public void onCancel(Runnable listener) {
        listeners.add(listener);
        if (cancelled && listeners.remove(listener)) {
            listener.run();
        }
    }

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
