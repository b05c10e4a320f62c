package io.sipcgateway.gateway.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetionUriTest {
    @Test
    void buildsTheCapturedFormWithAStableFourDigitPartition() {
        String uri = FetionUri.of("916000001");
        assertTrue(uri.matches("sip:916000001@fetion\\.com\\.cn;p=[1-9][0-9]{3}"), uri);
        assertEquals(uri, FetionUri.of("916000001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:916000001@fetion.com.cn;p=1234", "sip:916000001", "SIP:916000001@Fetion.COM.cn",
        " sip:916000001@fetion.com.cn "})
    void readsTheSidOfEveryFormClientsSend(String uri) {
        assertEquals(Optional.of("916000001"), FetionUri.tryParseSid(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:alice@example.test", "tel:13800000001", "sip:@fetion.com.cn", "sip:PG5709625@"
        + "fetion.com.cn;p=1414", "sip:916000001@example.test", ""})
    void refusesUrisThatAreNoFetionUser(String uri) {
        assertEquals(Optional.empty(), FetionUri.tryParseSid(uri));
    }

    @Test
    void readsMobileNumbersOfTelUris() {
        assertEquals(Optional.of("13800000001"), FetionUri.tryParseMobile("tel:13800000001"));
        assertEquals(Optional.empty(), FetionUri.tryParseMobile("tel:+8613800000001"));
        assertEquals(Optional.empty(), FetionUri.tryParseMobile("sip:13800000001"));
    }
}
