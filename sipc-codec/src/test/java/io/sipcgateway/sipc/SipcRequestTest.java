package io.sipcgateway.sipc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipcRequestTest {

    @Test
    void replyEchoesCallIdAndCSeqInTheRequestsVersion() {
        SipcRequest request = new SipcRequest(SipcMethod.M, "fetion.com.cn", SipcVersion.V2,
                SipcHeaders.of("F", "756444636", "I", "17", "Q", "2 M", "T", "sip:1@fetion.com.cn;p=1"),
                SipcBody.ofUtf8("hi"));
        SipcResponse reply = request.reply(SipcStatus.SEND_SMS_OK).with(SipcHeaderName.TO, "sip:1@fetion.com.cn;p=1");
        assertEquals("SIP-C/2.0 280 Send SMS OK\r\nI: 17\r\nQ: 2 M\r\nT: sip:1@fetion.com.cn;p=1\r\n\r\n",
                new String(reply.toBytes(), StandardCharsets.UTF_8));
    }
}
