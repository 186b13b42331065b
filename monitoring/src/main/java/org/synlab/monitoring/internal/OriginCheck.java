package org.synlab.monitoring.internal;

import io.vertx.core.Handler;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;

/**
 * Refuses requests that a page from another site makes to the dashboard. Bound to 127.0.0.1, the
 * dashboard is still reachable from any page the user's browser opens, and its routes start and
 * stop runs; a browser always sends {@code Origin} on such cross-site POSTs and WebSocket
 * handshakes, so a request whose origin is not the dashboard's own host and port is refused.
 */
final class OriginCheck implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        HostAndPort authority = ctx.request().authority();
        if (origin == null || (authority != null && sameHost(origin, authority.host(), authority.port()))) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("requests from " + origin + " are not accepted\n");
    }

    /** Compares host and port, so an HTTP/2 request (no Host header, an :authority instead) is judged the same way. */
    static boolean sameHost(String origin, String host, int port) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
            int requestPort = port < 0 ? defaultPort : port;
            String originHost = uri.getHost().replace("[", "").replace("]", "");
            return originHost.equalsIgnoreCase(host.replace("[", "").replace("]", "")) && originPort == requestPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
