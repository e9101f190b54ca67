package dev.acp4j.jsonrpc;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The methods a connection serves: method name to params type and handler. */
public final class MethodTable {

    /** How a route runs. */
    enum Mode { HANDLER_THREAD, READ_LOOP }

    record Route(String method, Class<?> paramsType, Mode mode, Object handler, boolean notification) {
    }

    private final Map<String, Route> requests = new ConcurrentHashMap<>();
    private final Map<String, Route> notifications = new ConcurrentHashMap<>();

    /**
     * A request answered by a handler that runs on a handler thread.
     *
     * @param <P> the params type
     * @param <R> the result type
     * @param method the method name
     * @param paramsType the params type
     * @param handler answers the request
     * @return this table
     */
    public <P, R> MethodTable request(String method, Class<P> paramsType, RequestHandler<P, R> handler) {
        return add(requests, new Route(method, paramsType, Mode.HANDLER_THREAD, handler, false));
    }

    /**
     * A request started on the read loop and answered when the returned stage completes.
     *
     * @param <P> the params type
     * @param <R> the result type
     * @param method the method name
     * @param paramsType the params type
     * @param handler starts the request
     * @return this table
     */
    public <P, R> MethodTable requestAsync(String method, Class<P> paramsType,
                                           AsyncRequestHandler<P, R> handler) {
        return add(requests, new Route(method, paramsType, Mode.READ_LOOP, handler, false));
    }

    /**
     * A notification, handled on the read loop in arrival order.
     *
     * @param <P> the params type
     * @param method the method name
     * @param paramsType the params type
     * @param handler handles the notification
     * @return this table
     */
    public <P> MethodTable notification(String method, Class<P> paramsType, NotificationHandler<P> handler) {
        return add(notifications, new Route(method, paramsType, Mode.READ_LOOP, handler, true));
    }

    Route requestRoute(String method) {
        return requests.get(method);
    }

    Route notificationRoute(String method) {
        return notifications.get(method);
    }

    private MethodTable add(Map<String, Route> table, Route route) {
        Objects.requireNonNull(route.method(), "method");
        Objects.requireNonNull(route.paramsType(), "paramsType");
        Objects.requireNonNull(route.handler(), "handler");
        if (table.putIfAbsent(route.method(), route) != null) {
            throw new IllegalArgumentException("method registered twice: " + route.method());
        }
        return this;
    }
}
