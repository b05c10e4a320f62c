package io.sipcgateway.sipc.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeader;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcWire;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link SipcMessage}: canonical compact header names, CRLF line ends, {@code L} computed from the body and
 * the header order libofetion's {@code strstr} lookups need ({@link SipcWire#wireHeaders}). It never slices a body
 * ({@code L: n;p=} is read, never written: libofetion cannot reassemble slices, section 1.2). Stateless.
 */
@Sharable
public final class SipcEncoder extends MessageToByteEncoder<SipcMessage> {
    private static final short CRLF = ('\r' << 8) | '\n';
    private static final short COLON_SPACE = (':' << 8) | ' ';

    public SipcEncoder() {
        super(SipcMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, SipcMessage message, ByteBuf out) {
        writeTo(message, out);
    }

    /** Writes {@code message} to {@code out} exactly as the encoder does in a pipeline. */
    public static void writeTo(SipcMessage message, ByteBuf out) {
        SipcBody body = message.body();
        ByteBufUtil.writeUtf8(out, message.startLine().toString());
        out.writeShort(CRLF);
        List<SipcHeader> headers = SipcWire.wireHeaders(message.headers(), body.length());
        for (int i = 0; i < headers.size(); i++) {
            SipcHeader header = headers.get(i);
            out.writeCharSequence(header.name().compact(), StandardCharsets.US_ASCII);
            out.writeShort(COLON_SPACE);
            ByteBufUtil.writeUtf8(out, header.value());
            out.writeShort(CRLF);
        }
        out.writeShort(CRLF);
        out.writeBytes(body.asReadOnlyBuffer());
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, SipcMessage message, boolean preferDirect) {
        int estimate = 256 + message.headers().size() * 24 + message.body().length();
        return preferDirect ? ctx.alloc().ioBuffer(estimate) : ctx.alloc().heapBuffer(estimate);
    }
}
