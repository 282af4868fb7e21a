package io.ticketing.waiting.web;

import org.apache.coyote.http11.Http11NioProtocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's buffers cut to this service's requests and answers, which are small (a place is about 400 bytes of JSON)
 * and many of which wait: a long poll keeps its connection's buffers and its request's for up to 30 s. At Tomcat's
 * defaults that is about 110 KB a long poll, and 1,000 of them (an instance's {@code max-long-polls}) filled half of a
 * 256 MB heap in the arena benchmark. Here a connection reads and writes through 2 KB buffers (8 KB each by
 * default), and an answer is buffered in 2 KB before it is sent (8 KB of bytes and 8 K chars by default); a larger
 * answer (metrics, the API description) goes out in several writes. Response headers stay within
 * {@code server.tomcat.max-http-response-header-size} (application.yml); request headers keep Tomcat's 8 KB.
 */
@Configuration(proxyBeanMethods = false)
class SmallBuffers {

    /** Bytes of a connection's read and write buffers, and of an answer's buffer. */
    static final int BYTES = 2048;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallTomcatBuffers() {
        return factory -> {
            factory.setProtocol(SmallAnswerBuffers.class.getName());
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.appReadBufSize", Integer.toString(BYTES));
                connector.setProperty("socket.appWriteBufSize", Integer.toString(BYTES));
            });
        };
    }

    /** HTTP/1.1 over NIO, Tomcat's default, with answers buffered in {@link #BYTES} (the connector asks for it). */
    public static final class SmallAnswerBuffers extends Http11NioProtocol {

        @Override
        public int getDesiredBufferSize() {
            return BYTES;
        }
    }
}
