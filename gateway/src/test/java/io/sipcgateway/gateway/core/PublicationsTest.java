package io.sipcgateway.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.legacy.LegacyConnection;
import io.sipcgateway.gateway.legacy.SignedInUser;
import io.sipcgateway.mapping.CountingIdGenerator;
import io.sipcgateway.mapping.Correlation;
import io.sipcgateway.mapping.HostPort;
import io.sipcgateway.mapping.LegacyContext;
import io.sipcgateway.mapping.LegacyToCore;
import io.sipcgateway.mapping.LegacyUser;
import io.sipcgateway.mapping.Translation;
import io.sipcgateway.mapping.presence.Activity;
import io.sipcgateway.mapping.presence.Basic;
import io.sipcgateway.mapping.presence.Presence;
import io.sipcgateway.mapping.presence.SipcPresenceArgs;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcVersion;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.Optional;
import javax.sip.SipFactory;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.SIPIfMatchHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/**
 * The sign-out PUBLISH removal, built from a freshly translated PUBLISH since the accepted one is no longer kept per
 * user (issue 7).
 */
class PublicationsTest {
    private static final String ALICE = "916000001";
    private static final String DOMAIN = "sipc.local";

    private final Publications publications = new Publications(new CountingIdGenerator("127.0.0.1"), headers());
    private final UserLink link = link();

    @Test
    void removalIsTheCurrentPublishWithExpiresZeroIfMatchAndNoBody() throws Exception {
        Request first = publish(1);
        link.etag("etag-1");
        Request later = publish(2);

        Request removal = publications.removal(link, later).orElseThrow();

        assertEquals(Request.PUBLISH, removal.getMethod());
        assertEquals(link.user.account().coreAor(), removal.getRequestURI().toString(), "the user's AOR");
        assertEquals(callId(first), callId(removal), "the user's one publication dialog");
        assertEquals(2, ((CSeqHeader) removal.getHeader(CSeqHeader.NAME)).getSeqNumber());
        assertEquals(0, ((ExpiresHeader) removal.getHeader(ExpiresHeader.NAME)).getExpires());
        assertEquals("etag-1", ((SIPIfMatchHeader) removal.getHeader(SIPIfMatchHeader.NAME)).getETag());
        assertEquals("presence", removal.getHeader("Event").toString().split(":", 2)[1].strip());
        assertNull(removal.getHeader(ContentTypeHeader.NAME));
        assertTrue(removal.getRawContent() == null || removal.getRawContent().length == 0);
    }

    @Test
    void removalForgetsTheEntityTagSoItIsSentOnce() throws Exception {
        link.etag("etag-1");
        assertTrue(publications.removal(link, publish(2)).isPresent());
        assertTrue(link.etag().isEmpty());
        assertTrue(publications.removal(link, publish(3)).isEmpty());
    }

    @Test
    void noRemovalWhenTheCoreNeverAcceptedAPublication() throws Exception {
        assertTrue(publications.removal(link, publish(1)).isEmpty());
    }

    @Test
    void removalLeavesTheTranslatedPublishUntouched() throws Exception {
        link.etag("etag-1");
        Request publish = publish(2);
        publications.removal(link, publish);
        assertNull(publish.getHeader(SIPIfMatchHeader.NAME));
        assertTrue(publish.getRawContent().length > 0);
    }

    /** The PUBLISH the bridge sends for the user's SetPresence with legacy CSeq {@code cseq}. */
    private Request publish(long cseq) {
        SipcHeaders headers = SipcHeaders.builder()
                .add(SipcHeaderName.FROM, ALICE)
                .add(SipcHeaderName.CALL_ID, UserLink.PRESENCE_CALL_ID)
                .add(SipcHeaderName.CSEQ, cseq + " S")
                .add(SipcHeaderName.EVENT, "SetPresence")
                .build();
        SipcRequest set = new SipcRequest(SipcMethod.S, "fetion.com.cn", SipcVersion.V2, headers,
                SipcPresenceArgs.writeSetPresence(link.presence(), SipcVersion.V2));
        Translation.ToCore toCore = (Translation.ToCore) LegacyToCore.toCore(set, link.legacyContext());
        link.update(toCore.correlation());
        return toCore.requests().get(0);
    }

    private static String callId(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static UserLink link() {
        AccountDirectory accounts = AccountDirectory.demo(DOMAIN);
        SignedInUser user = new SignedInUser(accounts.bySid(ALICE).orElseThrow(), SipcVersion.V2, new Unconnected(),
                Presence.of(Basic.OPEN, Activity.NONE));
        LegacyContext context = new LegacyContext(new LegacyUser(ALICE, Optional.empty(), SipcVersion.V2), DOMAIN,
                new HostPort("127.0.0.1", 5070), new CountingIdGenerator("127.0.0.1"), Clock.systemUTC(),
                new AccountIdentities(accounts), Correlation.EMPTY);
        return new UserLink(user, context);
    }

    private static javax.sip.header.HeaderFactory headers() {
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            return factory.createHeaderFactory();
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Unconnected implements LegacyConnection {
        @Override
        public String id() {
            return "test";
        }

        @Override
        public SocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 1);
        }

        @Override
        public void send(SipcMessage message) {
        }

        @Override
        public void close(SipcMessage last, String reason) {
        }

        @Override
        public boolean isOpen() {
            return false;
        }

        @Override
        public void idleLimit(int seconds) {
        }
    }
}
