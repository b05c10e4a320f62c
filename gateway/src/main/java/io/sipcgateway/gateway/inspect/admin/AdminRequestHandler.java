package io.sipcgateway.gateway.inspect.admin;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.sipcgateway.gateway.inspect.metrics.GatewayMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one admin connection's requests: the page's files, {@code /events} (then the connection belongs to an
 * {@link SseSubscriber}), {@code /api/events}, {@code /metrics} and {@code /health}. All routes are GET; a known
 * path with another method is a 405, anything else a 404.
 */
final class AdminRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminRequestHandler.class);
    private static final Set<String> API_PATHS = Set.of("/events", "/api/events", "/metrics", "/health");
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final AdminContext admin;
    private SseSubscriber subscriber;

    AdminRequestHandler(AdminContext admin) {
        this.admin = admin;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            badRequest(ctx, request.decoderResult().cause());
            return;
        }
        if (subscriber != null) {
            return; // a client that pipelines after /events gets nothing: the stream never ends on its own
        }
        if (!admin.hostAllowed(request.headers().get(HttpHeaderNames.HOST))) {
            // A loopback listener must not answer pages of another site whose name now resolves to 127.0.0.1
            // (DNS rebinding): the browser would send that site's name in Host.
            send(ctx, request, text(HttpResponseStatus.FORBIDDEN, "Host not allowed\n"));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        Optional<StaticAssets.Asset> asset = admin.assets().get(path);
        if (asset.isEmpty() && !API_PATHS.contains(path)) {
            send(ctx, request, text(HttpResponseStatus.NOT_FOUND, "Not Found\n"));
            return;
        }
        if (!request.method().equals(HttpMethod.GET)) {
            FullHttpResponse response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "Method Not Allowed\n");
            response.headers().set(HttpHeaderNames.ALLOW, "GET");
            send(ctx, request, response);
            return;
        }
        if (asset.isPresent()) {
            FullHttpResponse response = full(HttpResponseStatus.OK, asset.get().contentType(), asset.get().bytes());
            response.headers().set("Content-Security-Policy", PAGE_POLICY);
            send(ctx, request, response);
            return;
        }
        try {
            route(ctx, request, path, uri.parameters());
        } catch (IllegalArgumentException e) {
            send(ctx, request, text(HttpResponseStatus.BAD_REQUEST, e.getMessage() + "\n"));
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request, String path,
            Map<String, List<String>> query) {
        switch (path) {
            case "/events" -> startStream(ctx, request, query);
            case "/api/events" -> {
                EventFilter filter = EventFilter.parse(query);
                int limit = admin.clamp(number(query, "limit", admin.limits().backlog()));
                send(ctx, request, full(HttpResponseStatus.OK, "application/json",
                        AdminJson.ofList(admin.recent(filter, number(query, "after", -1L), limit))));
            }
            case "/metrics" -> send(ctx, request, full(HttpResponseStatus.OK, GatewayMetrics.CONTENT_TYPE,
                    admin.scrape()));
            case "/health" -> {
                HealthReport report = admin.health();
                send(ctx, request, full(report.healthy() ? HttpResponseStatus.OK
                        : HttpResponseStatus.SERVICE_UNAVAILABLE, "application/json", AdminJson.of(report)));
            }
            default -> throw new IllegalStateException("unrouted API path " + path);
        }
    }

    private void startStream(ChannelHandlerContext ctx, FullHttpRequest request, Map<String, List<String>> query) {
        EventFilter filter = EventFilter.parse(query);
        int backlog = admin.clamp(number(query, "backlog", admin.limits().backlog()));
        // EventSource sends Last-Event-ID when it reconnects: resume after it instead of repeating the backlog.
        String lastEventId = request.headers().get("Last-Event-ID");
        long after = Math.max(number(query, "after", -1L),
                lastEventId == null ? -1 : parseLong("Last-Event-ID", lastEventId));
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set("X-Content-Type-Options", "nosniff");
        HttpUtil.setTransferEncodingChunked(head, true);
        ctx.write(head);
        subscriber = admin.openStream(ctx.channel(), filter);
        subscriber.start(admin.recentForStream(), after, backlog);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (subscriber != null && ctx.channel().isWritable()) {
            subscriber.drain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close(); // neither side wrote for a while: an abandoned keep-alive connection
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("admin connection {}: closing after {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private static void badRequest(ChannelHandlerContext ctx, Throwable cause) {
        HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : cause instanceof TooLongFrameException ? HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE
                : HttpResponseStatus.BAD_REQUEST;
        // The decoder discards the rest of this connection's input, so answer and close.
        ctx.writeAndFlush(text(status, status.reasonPhrase() + "\n")).addListener(ChannelFutureListener.CLOSE);
    }

    private static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse text(HttpResponseStatus status, String body) {
        return full(status, "text/plain; charset=utf-8", body);
    }

    private static FullHttpResponse full(HttpResponseStatus status, String contentType, String body) {
        return full(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static FullHttpResponse full(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set("X-Content-Type-Options", "nosniff");
        return response;
    }

    private static int number(Map<String, List<String>> query, String name, int fallback) {
        long value = number(query, name, (long) fallback);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value)); // callers clamp further
    }

    private static long number(Map<String, List<String>> query, String name, long fallback) {
        List<String> values = query.getOrDefault(name, List.of());
        return values.isEmpty() || values.get(0).isBlank() ? fallback : parseLong(name, values.get(0));
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
        }
    }
}
