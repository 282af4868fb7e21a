package io.ticketing.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisClusterIntegrationTest {

    @TempDir
    Path root;

    private RedisCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void formsAClusterThatRoutesKeysBySlotAndRefusesAScriptAcrossSlots() {
        List<Integer> ports = RedisCluster.freePorts(3);
        cluster = new RedisCluster(root.resolve("cluster"), ports, root);

        cluster.start();

        assertThat(cluster.nodes()).containsExactly("127.0.0.1:" + ports.get(0), "127.0.0.1:" + ports.get(1),
                "127.0.0.1:" + ports.get(2));
        for (int port : ports) {
            assertThat(RedisCommands.call(port, "CLUSTER", "INFO")).contains("cluster_state:ok",
                    "cluster_slots_assigned:16384", "cluster_known_nodes:3");
        }
        // "{a}" lives in slot 15495, on the third node: the first sends the client there
        assertThatThrownBy(() -> RedisCommands.call(ports.getFirst(), "SET", "show:{a}:seats", "1"))
                .hasMessageStartingWith("MOVED 15495");
        assertThat(RedisCommands.call(ports.get(2), "SET", "show:{a}:seats", "1")).isEqualTo("OK");
        assertThat(RedisCommands.callFollowingMoves(ports.getFirst(), "GET", "show:{a}:seats")).isEqualTo("1");
        assertThat(RedisCommands.call(ports.get(2), "EVAL", "return redis.call('GET', KEYS[1]) .. #KEYS", "2",
                "show:{a}:seats", "show:{a}:counts")).isEqualTo("12");
        assertThatThrownBy(() -> RedisCommands.call(ports.get(2), "EVAL", "return 1", "2", "show:{a}:seats",
                "holds:expiring")).hasMessageStartingWith("CROSSSLOT");
    }

    @Test
    void comesBackFormedAfterARestartAndEmptyAfterARestartWithoutItsData() {
        List<Integer> ports = RedisCluster.freePorts(3);
        cluster = new RedisCluster(root.resolve("cluster"), ports, root);
        cluster.start();
        RedisCommands.call(ports.get(2), "SET", "show:{a}:seats", "1");

        cluster.stop();
        cluster.start();
        assertThat(RedisCommands.call(ports.get(2), "GET", "show:{a}:seats")).isEqualTo("1");

        cluster.restartEmpty();
        assertThat(RedisCommands.call(ports.get(2), "GET", "show:{a}:seats")).isNull();
        assertThat(RedisCommands.call(ports.getFirst(), "CLUSTER", "INFO")).contains("cluster_state:ok",
                "cluster_known_nodes:3");
    }
}
