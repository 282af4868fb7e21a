package io.ticketing.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.testsupport.ServiceSmokeTests;
import io.ticketing.testsupport.StatusColumns;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.waiting.line.Entry;
import io.ticketing.waiting.room.Room;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaitingApplicationIntegrationTest extends ServiceSmokeTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "waiting", Component.POSTGRES, Component.KAFKA);
    }

    @Override
    protected Map<String, Class<? extends Enum<?>>> statusColumns() {
        return Map.of("waitlist_entry.status", Entry.Status.class, "waiting_room.status", Room.Status.class,
                "waitlist_entry.line_state", StatusColumns.type("io.ticketing.waiting.line.EntryRepository$LineState"));
    }

    /**
     * A long poll keeps its connection's buffers and its request's while it waits: 1 to 4 KB each here, not Tomcat's
     * 8 KB (an answer larger than that, as the API description, is still served whole: see the snapshot test).
     */
    @Test
    void keepsTheBuffersOfItsManyWaitingRequestsSmall(@Autowired WebServerApplicationContext context) {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        assertThat(connector.getProtocolHandler().getDesiredBufferSize()).isEqualTo(2048);
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("2048");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("2048");
        assertThat(connector.getProperty("maxHttpResponseHeaderSize")).hasToString("4096");
        assertThat(connector.getProperty("maxTrailerSize")).hasToString("1024");
    }
}
