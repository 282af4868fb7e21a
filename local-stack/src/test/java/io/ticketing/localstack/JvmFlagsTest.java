package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class JvmFlagsTest {

    @Test
    void extraJvmFlagsAreSplitAtSpacesAndAnotherCollectorReplacesTheSerialOne() {
        List<String> heap = JvmFlags.extra(" -Xmx512m  -Xlog:gc ");
        List<String> g1 = JvmFlags.extra("-XX:+UseG1GC -XX:MaxGCPauseMillis=50");

        assertThat(heap).containsExactly("-Xmx512m", "-Xlog:gc");
        assertThat(JvmFlags.defaults(ServiceProcesses.JVM_FLAGS, heap)).isEqualTo(ServiceProcesses.JVM_FLAGS)
                .contains("-XX:+UseSerialGC");
        assertThat(JvmFlags.defaults(ServiceProcesses.JVM_FLAGS, g1)).as("the JVM refuses two collectors")
                .doesNotContain("-XX:+UseSerialGC").contains("-Xmx256m", "-XX:TieredStopAtLevel=1");
        assertThat(JvmFlags.extra("  ")).isEmpty();
    }

    @Test
    void theKafkaBrokersExtraFlagsComeAfterItsOwnSoThatC2OverridesItsC1() {
        var broker = new KafkaBrokerProcess(Path.of("kafka"), 19092, 19093, Path.of("kafka.log"),
                JvmFlags.extra("-XX:TieredStopAtLevel=4 -XX:+UseParallelGC"));

        List<String> command = broker.command();

        assertThat(command).contains("-XX:TieredStopAtLevel=1", "-Xmx384m").doesNotContain("-XX:+UseSerialGC");
        assertThat(command.indexOf("-XX:TieredStopAtLevel=4")).as("the later flag wins")
                .isGreaterThan(command.indexOf("-XX:TieredStopAtLevel=1"))
                .isLessThan(command.indexOf(KafkaBrokerProcess.COMMAND));
        assertThat(command).contains("-XX:+UseParallelGC");
    }
}
