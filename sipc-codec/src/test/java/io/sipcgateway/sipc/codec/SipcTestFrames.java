package io.sipcgateway.sipc.codec;

/** One-off frames for edge cases; CRLF written out, since text blocks normalise line ends (STYLE 5.5). */
final class SipcTestFrames {
    static final String KEEPALIVE_V2 = "R fetion.com.cn SIP-C/2.0\r\nF: 916000001\r\nI: 3\r\nQ: 2 R\r\n\r\n";

    static final String MESSAGE_V4 = "M fetion.com.cn SIP-C/4.0\r\nF: 916000001\r\nI: 4\r\nQ: 2 M\r\n"
            + "T: sip:916000002@fetion.com.cn;p=1234\r\nC: text/plain\r\nK: SaveHistory\r\nN: CatMsg\r\nL: 6\r\n\r\n"
            + "你好";

    static final String OK_V4 = "SIP-C/4.0 200 OK\r\nI: 4\r\nQ: 2 M\r\n\r\n";

    private SipcTestFrames() {
    }
}
