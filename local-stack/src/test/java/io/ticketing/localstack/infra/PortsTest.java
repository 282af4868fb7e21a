package io.ticketing.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void freePortsAreDistinctAndFree() {
        var ports = Ports.freePorts(5);

        assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> assertThat(Ports.isListening(port)).isFalse());
    }

    @Test
    void neverHandsOutAPortTwiceWhateverTheSystemOffersNext() {
        // components started in parallel each take a free port and close the probe before their server binds it
        var handedOut = new java.util.HashSet<Integer>();
        for (int i = 0; i < 2_000; i++) {
            assertThat(handedOut.add(Ports.freePort())).as("call %d", i).isTrue();
        }
    }

    @Test
    void requireFreeNamesTheBusyPort() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            assertThat(Ports.isListening(busy.getLocalPort())).isTrue();
            assertThatThrownBy(() -> Ports.requireFree(busy.getLocalPort(), "Redis"))
                    .hasMessageContaining(Integer.toString(busy.getLocalPort()))
                    .hasMessageContaining("Redis");
        }
    }

    @Test
    void elasticsearchVersionIsFilteredIntoTheJar() {
        assertThat(ElasticsearchDistribution.bundled().version()).matches("\\d+\\.\\d+\\.\\d+");
    }
}
