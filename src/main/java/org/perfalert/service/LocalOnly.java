package org.perfalert.service;

import io.vertx.core.net.SocketAddress;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Keeps paths of the service's HTTP server (health) for clients on this machine: when http.bind opens the server to
 * the network for the acknowledge page, a request for them from elsewhere is answered 404, before any handler sees it.
 */
final class LocalOnly {
    private LocalOnly() { }

    static void guard(CamelContext camel, int port, String prefix) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(camel, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) router = VertxPlatformHttpRouter.lookup(camel);
        if (router == null) throw new IllegalStateException("the HTTP server on port " + port + " has no router to guard " + prefix);
        router.route(prefix + "*").order(Integer.MIN_VALUE).handler(ctx -> {
            if (loopback(ctx.request().remoteAddress())) ctx.next();
            else ctx.response().setStatusCode(404).end();
        });
    }

    static boolean loopback(SocketAddress a) {
        if (a == null || a.hostAddress() == null) return false;
        try {
            return InetAddress.getByName(a.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
