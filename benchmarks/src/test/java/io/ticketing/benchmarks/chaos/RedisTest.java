package io.ticketing.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RedisTest {

    @Test
    void encodesACommandAsAnArrayOfBulkStrings() {
        assertThat(new String(Redis.encode("HGETALL", "show:{1}:seats"), StandardCharsets.UTF_8))
                .isEqualTo("*2\r\n$7\r\nHGETALL\r\n$14\r\nshow:{1}:seats\r\n");
    }

    @Test
    void readsEveryKindOfReply() throws IOException {
        assertThat(read("+PONG\r\n")).isEqualTo("PONG");
        assertThat(read(":-1\r\n")).isEqualTo(-1L);
        assertThat(read("$-1\r\n")).isNull();
        assertThat(read("$9\r\nHELD:h\r\n1\r\n")).isEqualTo("HELD:h\r\n1");
        assertThat(read("*3\r\n$2\r\nA1\r\n$4\r\nSOLD\r\n:7\r\n")).isEqualTo(List.of("A1", "SOLD", 7L));
        assertThat(read("*0\r\n")).isEqualTo(List.of());
    }

    @Test
    void anErrorReplyOrAClosedConnectionFails() {
        assertThatThrownBy(() -> read("-ERR unknown command\r\n")).hasMessageContaining("ERR unknown command");
        assertThatThrownBy(() -> read("*2\r\n$2\r\nA1\r\n")).isInstanceOf(IOException.class);
    }

    private static Object read(String reply) throws IOException {
        return Redis.read(new ByteArrayInputStream(reply.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void encodesMultiByteTextByItsLengthInBytes() {
        byte[] encoded = Redis.encode("SET", "ü");
        assertThat(new String(Arrays.copyOfRange(encoded, encoded.length - 8, encoded.length), StandardCharsets.UTF_8))
                .isEqualTo("$2\r\nü\r\n");
    }
}
