package io.sipcgateway.sipc.codec;

import io.netty.channel.CombinedChannelDuplexHandler;

/** {@link SipcDecoder} and {@link SipcEncoder} as one handler, like Netty's {@code HttpServerCodec}. */
public final class SipcCodec extends CombinedChannelDuplexHandler<SipcDecoder, SipcEncoder> {

    public SipcCodec() {
        this(SipcDecoderConfig.DEFAULT);
    }

    public SipcCodec(SipcDecoderConfig config) {
        super(new SipcDecoder(config), new SipcEncoder());
    }
}
