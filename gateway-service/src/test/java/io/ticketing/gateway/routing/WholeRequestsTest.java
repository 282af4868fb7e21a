package io.ticketing.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/** A request to a service leaves in one write when its body is small, as Reactor Netty writes it: head, then body. */
class WholeRequestsTest {

    private static final String BODY = "{\"seatIds\":[\"A1\",\"A2\"]}";

    private final EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestEncoder(), new WholeRequests());

    @Test
    void aSmallBodyLeavesWithItsHeadInOneFlush() {
        ChannelFuture head = channel.writeAndFlush(request(BODY.length()));

        assertThat(head.isSuccess()).as("the head's write is reported done, so that the body is sent").isTrue();
        assertThat(channel.outboundMessages()).as("nothing sent before the body").isEmpty();

        ChannelFuture body = channel.writeAndFlush(Unpooled.copiedBuffer(BODY, StandardCharsets.UTF_8));
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);

        assertThat(body.isSuccess()).isTrue();
        assertThat(sent()).startsWith("POST /api/v1/shows/s1/holds HTTP/1.1\r\n").endsWith("\r\n\r\n" + BODY);
    }

    @Test
    void aBodyInPiecesIsSentWhenItsLastByteHasCome() {
        channel.writeAndFlush(request(BODY.length()));
        channel.writeAndFlush(Unpooled.copiedBuffer(BODY.substring(0, 5), StandardCharsets.UTF_8));

        assertThat(channel.outboundMessages()).isEmpty();

        channel.writeAndFlush(Unpooled.copiedBuffer(BODY.substring(5), StandardCharsets.UTF_8));

        assertThat(sent()).endsWith("\r\n\r\n" + BODY);
    }

    @Test
    void aBodyShorterThanItsLengthIsSentWhenItEnds() {
        channel.writeAndFlush(request(100));
        channel.writeAndFlush(Unpooled.copiedBuffer(BODY, StandardCharsets.UTF_8));
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);

        assertThat(sent()).endsWith("\r\n\r\n" + BODY);
    }

    @Test
    void requestsWithoutASmallKnownBodyPassAsTheyCome() {
        channel.writeAndFlush(request(WholeRequests.MAX_BODY + 1));
        assertThat(sent()).startsWith("POST ");
        channel.writeAndFlush(new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[WholeRequests.MAX_BODY + 1])));
        assertThat(sent()).hasSize(WholeRequests.MAX_BODY + 1);

        HttpRequest chunked = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/shows/s1/holds");
        chunked.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        channel.writeAndFlush(chunked);
        assertThat(sent()).startsWith("POST ");
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(sent()).isEqualTo("0\r\n\r\n");

        HttpRequest get = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/v1/shows/s1/seats");
        channel.writeAndFlush(get);
        assertThat(sent()).startsWith("GET ");
    }

    @Test
    void aConnectionClosedWithAHalfSentRequestLetsGoOfItAndFailsItsWrites() {
        channel.writeAndFlush(request(BODY.length()));
        ByteBuf part = Unpooled.copiedBuffer(BODY.substring(0, 5), StandardCharsets.UTF_8);
        ChannelFuture write = channel.writeAndFlush(part);

        channel.close();

        assertThat(write.isSuccess()).isFalse();
        assertThat(part.refCnt()).isZero();
        assertThat(channel.outboundMessages()).isEmpty();
    }

    @Test
    void aHeadThatFailsToGoOutClosesTheConnectionAndFailsTheBody() {
        var refusingHeads = new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof HttpRequest) {
                    ReferenceCountUtil.release(msg);
                    promise.setFailure(new IOException("Broken pipe"));
                    return;
                }
                ctx.write(msg, promise);
            }
        };
        EmbeddedChannel broken = new EmbeddedChannel(new HttpRequestEncoder(), refusingHeads, new WholeRequests());
        broken.writeAndFlush(request(BODY.length()));
        ByteBuf body = Unpooled.copiedBuffer(BODY, StandardCharsets.UTF_8);

        ChannelFuture write = broken.writeAndFlush(body);

        assertThat(broken.isOpen()).isFalse();
        assertThat(write.isSuccess()).isFalse();
        assertThat(body.refCnt()).isZero();
    }

    private static HttpRequest request(int contentLength) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/shows/s1/holds");
        request.headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        return request;
    }

    /** What the channel sent, as text; one flush of one write gives one buffer here, since the encoder merges. */
    private String sent() {
        StringBuilder text = new StringBuilder();
        Object message;
        while ((message = channel.readOutbound()) != null) {
            ByteBuf buffer = (ByteBuf) message;
            text.append(buffer.toString(StandardCharsets.UTF_8));
            buffer.release();
        }
        return text.toString();
    }
}
