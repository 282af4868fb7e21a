package io.ticketing.gateway.web;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from, for limits per client: the connection's peer, or, where the deployment trusts
 * its proxy's {@code X-Forwarded-For} ({@code server.forward-headers-strategy=native}, as behind the Kubernetes
 * Ingress), the client the proxy names.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
