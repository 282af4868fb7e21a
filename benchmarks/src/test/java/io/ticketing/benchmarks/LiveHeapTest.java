package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LiveHeapTest {

    @Test
    void readsTheLiveBytesLessTheFillersOfDeadSpaceAndTomcatsProcessorsAndConnections() {
        List<String> histogram = List.of("12345:", " num     #instances         #bytes  class name (module)",
                "-------------------------------------------------------",
                "   1:        141035       29598784  [B (java.base@25.0.3)",
                "   2:          1246        8936416  [Ljdk.internal.vm.FillerElement; (java.base@25.0.3)",
                "   3:          2104        8539824  [C (java.base@25.0.3)",
                "  26:          1502         264352  org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper",
                "  39:          1499         155896  org.apache.coyote.http11.Http11Processor",
                "Total        147386       47495424");

        assertThat(LiveHeap.read(histogram)).contains(new LiveHeap(38_559_008, 1_499, 1_502));
    }

    @Test
    void knowsNothingFromAnAnswerWithoutATotal() {
        assertThat(LiveHeap.read(List.of("12345:", "java.lang.IllegalArgumentException: Unknown diagnostic command")))
                .isEmpty();
    }
}
