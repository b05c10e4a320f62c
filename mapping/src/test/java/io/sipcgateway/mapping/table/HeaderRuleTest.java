package io.sipcgateway.mapping.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HeaderRuleTest {
    /** A fixed two-user world: alice is 916000001 (p=1234), legacy I 27 is core Call-ID m1@gw. */
    private static final HeaderRule.Context CONTEXT = new HeaderRule.Context() {
        private final Map<String, String> uris = Map.of("sip:916000001@fetion.com.cn;p=1234", "sip:alice@sipc.local");
        private final Map<String, String> calls = Map.of("27", "m1@gw");

        @Override
        public Optional<String> coreUri(String legacyUri) {
            return Optional.ofNullable(uris.get(legacyUri));
        }

        @Override
        public Optional<String> legacyUri(String coreUri) {
            return uris.entrySet().stream().filter(e -> e.getValue().equals(coreUri)).map(Map.Entry::getKey)
                    .findFirst();
        }

        @Override
        public Optional<String> sipCallId(String legacyCallId) {
            return Optional.ofNullable(calls.get(legacyCallId));
        }

        @Override
        public Optional<String> legacyCallId(String sipCallId) {
            return calls.entrySet().stream().filter(e -> e.getValue().equals(sipCallId)).map(Map.Entry::getKey)
                    .findFirst();
        }
    };

    /** A legacy value each row must carry to SIP and back unchanged. */
    private static String sample(HeaderRule rule) {
        return switch (rule) {
            case FROM, TO -> "sip:916000001@fetion.com.cn;p=1234";
            case CALL_ID -> "27";
            case CSEQ -> "2 M";
            case CONTENT_LENGTH -> "20";
            case CONTENT_TYPE -> "text/html-fragment";
            case EXPIRES -> "600";
            case SUPPORTED -> "text/html-fragment";
            case DATE -> "Thu, 16 Apr 2009 14:38:02 GMT";
            case MESSAGE_ID -> "423938116e2545249677dc98f65e6559";
        };
    }

    @ParameterizedTest
    @EnumSource(HeaderRule.class)
    void everyRowRoundTripsASampleValue(HeaderRule rule) {
        String legacy = sample(rule);
        String sip = rule.toSip(legacy, CONTEXT).orElseThrow();
        assertEquals(Optional.of(legacy), rule.toSipc(sip, CONTEXT), rule + " via " + sip);
    }

    @ParameterizedTest
    @EnumSource(HeaderRule.class)
    void everyRowIsFoundByBothItsNames(HeaderRule rule) {
        assertSame(rule, HeaderRule.forSipc(rule.sipc()).orElseThrow());
        assertSame(rule, HeaderRule.forSip(rule.sip().toUpperCase()).orElseThrow());
    }

    @Test
    void convertsTheConcreteValuesBothWays() {
        assertEquals(Optional.of("<sip:alice@sipc.local>"), HeaderRule.FROM.toSip("sip:916000001@fetion.com.cn;p=1234",
                CONTEXT));
        assertEquals(Optional.of("sip:916000001@fetion.com.cn;p=1234"),
                HeaderRule.TO.toSipc("\"Alice\" <sip:alice@sipc.local>;tag=x", CONTEXT));
        assertEquals(Optional.of("2 NOTIFY"), HeaderRule.CSEQ.toSip("2 BN", CONTEXT));
        assertEquals(Optional.of("31 BN"), HeaderRule.CSEQ.toSipc("31 NOTIFY", CONTEXT));
        assertEquals(Optional.of("2 S"), HeaderRule.CSEQ.toSipc("2 PUBLISH", CONTEXT));
        assertEquals(Optional.of("text/plain;charset=UTF-8"), HeaderRule.CONTENT_TYPE.toSip("text/plain", CONTEXT));
        assertEquals(Optional.of("text/plain"), HeaderRule.CONTENT_TYPE.toSipc("Text/Plain; charset=utf-8", CONTEXT));
        assertEquals(Optional.of("text.html-fragment"), HeaderRule.SUPPORTED.toSip("text/html-fragment", CONTEXT));
        assertEquals(Optional.empty(), HeaderRule.FROM.toSip("sip:999@fetion.com.cn", CONTEXT));
        assertEquals(Optional.empty(), HeaderRule.CSEQ.toSipc("2 PRACK", CONTEXT));
    }

    @Test
    void readsRfc3261CompactSipNames() {
        assertSame(HeaderRule.FROM, HeaderRule.forSip("f").orElseThrow());
        assertSame(HeaderRule.CALL_ID, HeaderRule.forSip("i").orElseThrow());
        assertSame(HeaderRule.CONTENT_LENGTH, HeaderRule.forSip("l").orElseThrow());
    }
}
