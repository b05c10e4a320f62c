package io.sipcgateway.gateway.core.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.FakeTicker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Publications and subscriptions on a fake Caffeine ticker: expiry callbacks, entity-tags, NOTIFY pacing. */
class PresenceRegistriesTest {
    private static final Aor ALICE = new Aor("alice", "example.test");

    private final FakeTicker ticker = new FakeTicker();
    private final List<Aor> changed = new ArrayList<>();
    private final List<String> ended = new ArrayList<>();
    private final PublicationRegistry publications =
            new PublicationRegistry(100, RegistryTiming.manual(ticker), changed::add);
    private final SubscriptionRegistry subscriptions = new SubscriptionRegistry(100, RegistryTiming.manual(ticker),
            (s, reason) -> ended.add(s.key().remoteTag() + ":" + reason));

    @Test
    void anExpiredPublicationReportsItsPresentityAndLeavesNoState() {
        publications.put(publication("e1", "open", 0, 60));
        ticker.advance(Duration.ofSeconds(61));
        publications.cleanUp();
        assertEquals(List.of(ALICE), changed);
        assertEquals(Optional.empty(), publications.current(ALICE));
    }

    @Test
    void anEntityTagIsTakenOnceAndNotAfterExpiry() {
        publications.put(publication("e1", "open", 0, 60));
        assertTrue(publications.take(ALICE, "e1").isPresent());
        assertTrue(publications.take(ALICE, "e1").isEmpty());
        assertTrue(publications.take(new Aor("bob", "example.test"), "e1").isEmpty());
        assertEquals(List.of(), changed, "explicit removal is not an eviction");
        publications.put(publication("e2", "open", 0, 60));
        ticker.advance(Duration.ofSeconds(61));
        assertTrue(publications.take(ALICE, "e2").isEmpty());
        assertEquals(List.of(ALICE), changed, "the expiry is still reported");
    }

    @Test
    void watchersSeeTheLastModifiedLiveDocument() {
        publications.put(publication("e1", "older", 0, 600));
        ticker.advance(Duration.ofSeconds(1));
        publications.put(publication("e2", "newer", 0, 600));
        assertEquals("newer", note(publications.current(ALICE).orElseThrow()));
    }

    @Test
    void anExpiredSubscriptionEndsWithReasonTimeout() {
        subscriptions.put(subscription("w1", 30));
        ticker.advance(Duration.ofSeconds(31));
        subscriptions.cleanUp();
        assertEquals(List.of("w1:timeout"), ended);
        assertEquals(List.of(), subscriptions.watchersOf(ALICE));
    }

    @Test
    void aSubscriptionPushedOutBySizeEndsWithReasonDeactivated() {
        SubscriptionRegistry one = new SubscriptionRegistry(1, RegistryTiming.manual(ticker),
                (s, reason) -> ended.add(reason));
        one.put(subscription("w1", 600));
        one.put(subscription("w2", 600));
        one.cleanUp();
        assertEquals(List.of("deactivated"), ended);
    }

    @Test
    void oneNotifyInFlightAndChangesMeanwhileCoalesceIntoOne() {
        SubscriptionKey key = subscription("w1", 600).key();
        subscriptions.put(subscription("w1", 600));
        assertEquals(1, subscriptions.beginNotify(key).orElseThrow().cseq());
        assertTrue(subscriptions.beginNotify(key).isEmpty(), "second change waits");
        assertTrue(subscriptions.beginNotify(key).isEmpty(), "third change waits too");
        assertEquals(2, subscriptions.endNotify(key).orElseThrow().cseq(), "one NOTIFY for both");
        assertTrue(subscriptions.endNotify(key).isEmpty(), "nothing left pending");
        assertEquals(3, subscriptions.beginNotify(key).orElseThrow().cseq());
    }

    @Test
    void aRefreshMovesTheDeadline() {
        SubscriptionKey key = subscription("w1", 60).key();
        subscriptions.put(subscription("w1", 60));
        ticker.advance(Duration.ofSeconds(50));
        subscriptions.refresh(key, ticker.read() + Duration.ofSeconds(60).toNanos(), "sip:w1@10.0.0.9");
        ticker.advance(Duration.ofSeconds(50));
        subscriptions.cleanUp();
        assertEquals("sip:w1@10.0.0.9", subscriptions.get(key).orElseThrow().remoteTarget());
        assertEquals(List.of(), ended);
    }

    private Publication publication(String etag, String note, long modifiedOffset, long seconds) {
        byte[] body = ("<presence><tuple><note>" + note + "</note></tuple></presence>")
                .getBytes(StandardCharsets.UTF_8);
        return new Publication(ALICE, etag, new PresenceDocument(body, PresenceDocument.PIDF),
                ticker.read() + modifiedOffset, ticker.read() + Duration.ofSeconds(seconds).toNanos());
    }

    private Subscription subscription(String watcherTag, long seconds) {
        return new Subscription(new SubscriptionKey("call-" + watcherTag, "ours", watcherTag), ALICE,
                "<sip:alice@example.test>", "<sip:" + watcherTag + "@example.test>", "sip:" + watcherTag
                + "@10.0.0.2", List.of(), ticker.read() + Duration.ofSeconds(seconds).toNanos(), 0, false, false);
    }

    private static String note(PresenceDocument document) {
        String xml = new String(document.body(), StandardCharsets.UTF_8);
        return xml.substring(xml.indexOf("<note>") + 6, xml.indexOf("</note>"));
    }
}
