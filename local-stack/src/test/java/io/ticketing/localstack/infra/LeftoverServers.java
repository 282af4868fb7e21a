package io.ticketing.localstack.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Run in a child JVM by the integration test, which then kills that JVM with SIGKILL: PostgreSQL, Redis
 * and Elasticsearch survive it, exactly like after a crashed or {@code kill -9}-ed local stack.
 * Arguments: root directory, PostgreSQL port, Redis port, Elasticsearch HTTP port, transport port.
 */
public final class LeftoverServers {

    private LeftoverServers() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args[0]);
        List<EmbeddedServer> servers = List.of(
                new PostgresServer(root.resolve("postgres"), Integer.parseInt(args[1])),
                new RedisServer(root.resolve("redis"), Integer.parseInt(args[2])),
                new ElasticsearchServer(root.resolve("elasticsearch"), Integer.parseInt(args[3]), Integer.parseInt(args[4])));
        CompletableFuture.allOf(servers.stream()
                .map(server -> CompletableFuture.runAsync(server::start))
                .toArray(CompletableFuture[]::new)).join();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
