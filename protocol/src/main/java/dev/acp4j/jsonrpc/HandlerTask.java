package dev.acp4j.jsonrpc;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one blocking request handler on a handler thread. Cancelled before it starts, it never
 * runs and answers at once; cancelled while running, its thread is interrupted (and only
 * while it still runs this handler, never a thread that has moved on to other work).
 */
final class HandlerTask implements Runnable {

    private final MethodTable.Route route;
    private final Object params;
    private final RequestContext context;
    private final CompletableFuture<Object> result = new CompletableFuture<>();
    private Thread runner;
    private boolean claimed;

    private HandlerTask(MethodTable.Route route, Object params, RequestContext context) {
        this.route = route;
        this.params = params;
        this.context = context;
    }

    static CompletableFuture<Object> submit(Executor executor, MethodTable.Route route, Object params,
                                            RequestContext context) {
        HandlerTask task = new HandlerTask(route, params, context);
        context.cancellation().onCancel(task::cancel);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.result.completeExceptionally(new CancellationException("shutting down"));
        }
        return task.result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run() {
        synchronized (this) {
            if (claimed) {
                return;
            }
            claimed = true;
            runner = Thread.currentThread();
        }
        try {
            result.complete(((RequestHandler<Object, Object>) route.handler()).handle(params, context));
        } catch (Throwable failure) {
            result.completeExceptionally(failure);
        } finally {
            synchronized (this) {
                runner = null;
            }
            Thread.interrupted();
        }
    }

    private synchronized void cancel() {
        if (!claimed) {
            claimed = true;
            result.completeExceptionally(new CancellationException("cancelled before it started"));
        } else if (runner != null) {
            runner.interrupt();
        }
    }
}
