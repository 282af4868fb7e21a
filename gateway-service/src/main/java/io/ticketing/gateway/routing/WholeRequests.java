package io.ticketing.gateway.routing;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Sends a request with a small body to a service in one write: its head and its body together.
 *
 * <p>Spring Cloud Gateway streams a request's body to the service, and Reactor Netty writes and flushes the head
 * first and subscribes to the body only when that write is done: a hold request left as two TCP segments, and the
 * service's Tomcat, having read the head, parked the request's thread until the body came and woke it again (a
 * third of the service's CPU for a request through the gateway). Here the head of a request whose body has a known
 * length of at most {@link #MAX_BODY} bytes is held back and its write reported done, so that the body is sent;
 * the head goes out with the body's bytes once they have all come, in one flush. A request with a larger body, a
 * chunked one or one that expects {@code 100 Continue} passes as it was. One instance per connection: a connection
 * carries one request at a time.
 */
final class WholeRequests extends ChannelOutboundHandlerAdapter {

    static final String NAME = "ticketing.wholeRequests";
    /** Bodies up to this size are sent with their head; the API's bodies are far smaller. */
    static final int MAX_BODY = 16 * 1024;

    /** A write held back, and the promise its sender waits on (the head's own, once its sender was told done). */
    private record Held(Object message, ChannelPromise promise) {
    }

    private final List<Held> held = new ArrayList<>();
    private long missing;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (held.isEmpty()) {
            long length = msg instanceof HttpRequest head && !(msg instanceof HttpContent) ? smallBody(head) : 0;
            if (length > 0) {
                missing = length;
                // the head's own write, when it happens: if it fails, the connection's state is unknown
                held.add(new Held(msg, ctx.newPromise().addListener(ChannelFutureListener.CLOSE_ON_FAILURE)));
                // what lets Reactor Netty send the body: the head's write is reported done while it waits for it
                promise.trySuccess();
                return;
            }
            ctx.write(msg, promise);
            return;
        }
        held.add(new Held(msg, promise));
        missing -= bytes(msg);
        if (missing <= 0 || msg instanceof LastHttpContent) {
            send(ctx);
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (held.isEmpty()) {
            ctx.flush();
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        discard();
        ctx.close(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discard();
    }

    /** The length of the request's body if it is known and small enough to be held for; otherwise 0. */
    private static long smallBody(HttpRequest head) {
        long length = HttpUtil.getContentLength(head, 0L);
        return length <= MAX_BODY && !HttpUtil.isTransferEncodingChunked(head) && !HttpUtil.is100ContinueExpected(head)
                ? length : 0;
    }

    private static long bytes(Object msg) {
        if (msg instanceof ByteBuf buffer) {
            return buffer.readableBytes();
        }
        return msg instanceof ByteBufHolder holder ? holder.content().readableBytes() : 0;
    }

    private void send(ChannelHandlerContext ctx) {
        takeHeld().forEach(write -> ctx.write(write.message(), write.promise()));
        ctx.flush();
    }

    /** The connection closes with a request half sent: what was held is let go, its writes failed. */
    private void discard() {
        for (Held write : takeHeld()) {
            ReferenceCountUtil.release(write.message());
            write.promise().tryFailure(new IllegalStateException("The connection closed before the request was sent"));
        }
    }

    /**
     * What is held, taken out before it is written or failed: a failed write of the head closes the connection, which
     * comes back here and must find nothing held still.
     */
    private List<Held> takeHeld() {
        List<Held> taken = List.copyOf(held);
        held.clear();
        return taken;
    }
}
