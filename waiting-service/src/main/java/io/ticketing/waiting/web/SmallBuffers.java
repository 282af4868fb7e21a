package io.ticketing.waiting.web;

import org.apache.coyote.http11.Http11NioProtocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's buffers cut to this service's requests and answers, which are small (a customer's place, a room's state)
 * and many of which wait: a long poll keeps its connection's buffers and its request's for up to 30 s. At Tomcat's
 * defaults that is 16 KB a connection and 72 KB a request (its processor's, kept for its next request too), and the
 * 1,000 long polls an instance holds at most ({@code max-long-polls}) kept about 1,400 processors and 1,500
 * connections, 123 MB of buffers, in a small arena benchmark: half of a 256 MB heap. Here a connection reads and writes
 * through 2 KB buffers (8 KB each by default), an answer is buffered in 2 KB before it is sent (8 KB of bytes and 8 K
 * chars by default; a larger answer, as metrics or the API description, goes out in several writes), its headers in 4
 * KB ({@code server.tomcat.max-http-response-header-size} in application.yml, 8 KB by default), a chunked request's
 * trailing headers in 1 KB (8 KB): 4 KB a connection, 37 KB a request. A request's own headers keep Tomcat's 8 KB, and
 * its characters (16 KB, for a reader of its body) cannot be set.
 */
@Configuration(proxyBeanMethods = false)
class SmallBuffers {

    /** Bytes of a connection's read and write buffers, and of an answer's buffer. */
    static final int BYTES = 2048;
    /**
     * The most bytes of trailing headers a chunked request may have: every request keeps a buffer this size for them
     * (8 KB by default), and the gateway sends none.
     */
    static final int TRAILER_BYTES = 1024;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallTomcatBuffers() {
        return factory -> {
            factory.setProtocol(SmallAnswerBuffers.class.getName());
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.appReadBufSize", Integer.toString(BYTES));
                connector.setProperty("socket.appWriteBufSize", Integer.toString(BYTES));
                connector.setProperty("maxTrailerSize", Integer.toString(TRAILER_BYTES));
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
