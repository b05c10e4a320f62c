package io.sipcgateway.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.HostAndPort;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway's core plumbing against a real Kamailio: requests out, requests in, and a core that goes away. */
class CoreSenderIT {
    @RegisterExtension
    static final KamailioCore CORE = KamailioCore.builder("sender").build();

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final BlockingQueue<Request> RECEIVED = new LinkedBlockingQueue<>();

    private static CoreStack stack;
    private static CoreSender sender;
    private static CoreSipListener listener;
    private static int callIds;

    @BeforeAll
    static void startGatewayStack() throws Exception {
        listener = new CoreSipListener();
        HostAndPort listen = new HostAndPort(KamailioCore.HOST, KamailioCore.findFreeUdpAndTcpPort());
        stack = CoreStack.start(listen, new CoreTarget.Remote(new HostAndPort(CORE.host(), CORE.port()),
                CoreTarget.Transport.UDP), listener);
        sender = new CoreSender(stack, TIMEOUT);
        listener.bind(sender, CoreSenderIT::answerOk);
    }

    private static void answerOk(Request request, ServerTransaction transaction) {
        RECEIVED.add(request);
        try {
            transaction.sendResponse(stack.messageFactory().createResponse(Response.OK, request));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopGatewayStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void optionsCompletesWithTheCoresFinalResponse() throws Exception {
        Response response = sender.send(request(Request.OPTIONS, "sip:" + CORE.domain(), "gw")).get(5,
                TimeUnit.SECONDS);
        assertEquals(200, response.getStatusCode());
        // The entry is removed by a completion callback on the stack's thread, just after get() may return.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (sender.pendingCount() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, sender.pendingCount(), "a completed transaction leaves nothing pending");
    }

    @Test
    void messageForARegisteredGatewayUserComesBackThroughTheListener() throws Exception {
        String carol = registerAtThisStack("carol");

        try (TestSipUa dave = TestSipUa.start("dave", CORE)) {
            assertEquals(200, dave.register(dave.aor(), 60).status());
            assertEquals(200, dave.sendMessage(carol, "你好, carol"));
        }
        Request received = RECEIVED.poll(5, TimeUnit.SECONDS);
        assertNotNull(received, "the core relays carol's MESSAGE to the gateway's contact");
        assertEquals(Request.MESSAGE, received.getMethod());
        assertEquals("你好, carol", new String(received.getRawContent(), StandardCharsets.UTF_8));
    }

    @Test
    void aStoppedCoreGivesABoundedFailureAndARestartedOneServesAgain() throws Exception {
        CORE.stop();
        try {
            long start = System.nanoTime();
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> sender.send(request(Request.MESSAGE, "sip:nobody@" + CORE.domain(), "gw"))
                            .get(10, TimeUnit.SECONDS));
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(failure.getCause() instanceof TimeoutException
                    || failure.getCause() instanceof CoreSender.CoreUnreachableException, failure.toString());
            assertTrue(elapsedMs < TIMEOUT.toMillis() + 1500, "failed after " + elapsedMs + " ms");
        } finally {
            CORE.start();
        }
        assertEquals(200, sender.send(request(Request.OPTIONS, "sip:" + CORE.domain(), "gw"))
                .get(5, TimeUnit.SECONDS).getStatusCode());
    }

    @Test
    void sendsWaitOnTheUsersSenderLaneNotTheCallerAndAFullLaneFailsAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (CoreSender small = new CoreSender(stack, Duration.ofSeconds(5), 2, 3)) {
            listener.bind(small, CoreSenderIT::answerOk); // the stack's answers go to the sender under test
            CountDownLatch busy = new CountDownLatch(1);
            // Block the lane of the user "gw" (the From of every request below): its sends must wait there.
            String lane = CoreSender.laneKey(request(Request.OPTIONS, "sip:" + CORE.domain(), "gw"));
            assertTrue(small.execute(lane, () -> {
                busy.countDown();
                awaitQuietly(release);
            }));
            assertTrue(busy.await(5, TimeUnit.SECONDS), "the sender thread took the blocking task");
            List<CompletableFuture<Response>> queued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queued.add(small.send(request(Request.OPTIONS, "sip:" + CORE.domain(), "gw")));
            }
            assertEquals(3, small.queued());
            queued.forEach(f -> assertFalse(f.isDone(), "a queued send is neither sent nor failed yet"));

            CompletableFuture<Response> overflow = small.send(request(Request.OPTIONS, "sip:" + CORE.domain(), "gw"));
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> overflow.get(100, TimeUnit.MILLISECONDS), "a full queue fails at once");
            assertTrue(refused.getCause() instanceof CoreSender.CoreOverloadedException, refused.toString());

            release.countDown();
            for (CompletableFuture<Response> f : queued) {
                assertEquals(200, f.get(5, TimeUnit.SECONDS).getStatusCode());
            }
        } finally {
            release.countDown();
            listener.bind(sender, CoreSenderIT::answerOk);
        }
    }

    @Test
    void pastTheOutstandingBoundARequestFailsAtOnceAndTheBoundFreesAsAnswersCome() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (CoreSender bounded = new CoreSender(stack, Duration.ofSeconds(5), 2, 100, 2)) {
            listener.bind(bounded, CoreSenderIT::answerOk);
            String lane = CoreSender.laneKey(request(Request.OPTIONS, "sip:" + CORE.domain(), "gw"));
            CountDownLatch busy = new CountDownLatch(1);
            assertTrue(bounded.execute(lane, () -> {
                busy.countDown();
                awaitQuietly(release);
            }));
            assertTrue(busy.await(5, TimeUnit.SECONDS));
            CompletableFuture<Response> first = bounded.send(request(Request.OPTIONS, "sip:" + CORE.domain(), "gw"));
            CompletableFuture<Response> second = bounded.send(request(Request.OPTIONS, "sip:" + CORE.domain(), "gw"));
            assertEquals(2, bounded.outstanding());

            CompletableFuture<Response> third = bounded.send(request(Request.OPTIONS, "sip:" + CORE.domain(), "gw"));
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> third.get(100, TimeUnit.MILLISECONDS), "past the bound a request fails at once");
            assertTrue(refused.getCause() instanceof CoreSender.CoreOverloadedException, refused.toString());
            assertEquals(2, bounded.outstanding(), "a refused request does not count");

            release.countDown();
            assertEquals(200, first.get(5, TimeUnit.SECONDS).getStatusCode());
            assertEquals(200, second.get(5, TimeUnit.SECONDS).getStatusCode());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (bounded.outstanding() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, bounded.outstanding());
            assertEquals(200, bounded.send(request(Request.OPTIONS, "sip:" + CORE.domain(), "gw"))
                    .get(5, TimeUnit.SECONDS).getStatusCode(), "answers freed the bound");
        } finally {
            release.countDown();
            listener.bind(sender, CoreSenderIT::answerOk);
        }
    }

    @Test
    void aLateAnswerFindsItsTransactionEndedAndIsDroppedAndCountedByTheValve() throws Exception {
        String slow = registerAtThisStack("slowpoke");

        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try (CoreSender impatient = new CoreSender(stack, Duration.ofMillis(500), 2, 10)) {
            // The core relays the MESSAGE back to this stack, which answers it 2 s later: after the sender gave up.
            listener.bind(impatient, (request, transaction) -> later.schedule(() -> answerOk(request, transaction),
                    2, TimeUnit.SECONDS));
            long unmatchedBefore = stack.unmatchedResponses();
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> impatient.send(request(Request.MESSAGE, slow, "gw")).get(5, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof TimeoutException, failure.toString());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (stack.unmatchedResponses() == unmatchedBefore && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(unmatchedBefore + 1, stack.unmatchedResponses(),
                    "the timed-out transaction was ended, so its late 200 matched none and the valve dropped it");
            assertEquals(0, impatient.strayResponses(), "the late 200 never reached the listener");
        } finally {
            later.shutdownNow();
            listener.bind(sender, CoreSenderIT::answerOk);
        }
    }

    /** Registers {@code user} at the core with this stack as its contact; returns the AOR. */
    private static String registerAtThisStack(String user) throws Exception {
        Request register = request(Request.REGISTER, "sip:" + CORE.domain(), user);
        register.addHeader(stack.headerFactory().createContactHeader(stack.addressFactory().createAddress(
                "sip:" + user + "@" + stack.address())));
        register.addHeader(stack.headerFactory().createExpiresHeader(60));
        assertEquals(200, sender.send(register).get(5, TimeUnit.SECONDS).getStatusCode());
        return "sip:" + user + "@" + CORE.domain();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Request request(String method, String requestUri, String user) throws Exception {
        var af = stack.addressFactory();
        var hf = stack.headerFactory();
        SipURI uri = (SipURI) af.createURI(requestUri);
        Address from = af.createAddress("sip:" + user + "@" + CORE.domain());
        FromHeader fromHeader = hf.createFromHeader(from, "t" + (++callIds));
        ToHeader to = hf.createToHeader(Request.REGISTER.equals(method) ? from : af.createAddress(requestUri), null);
        CallIdHeader callId = hf.createCallIdHeader("core-sender-it-" + callIds + "@" + stack.address().host());
        CSeqHeader cseq = hf.createCSeqHeader(1L, method);
        MaxForwardsHeader maxForwards = hf.createMaxForwardsHeader(70);
        ViaHeader via = hf.createViaHeader(stack.address().host(), stack.address().port(), "udp", null);
        Request request = stack.messageFactory().createRequest(uri, method, callId, cseq, fromHeader, to,
                List.of(via), maxForwards);
        if (Request.MESSAGE.equals(method)) {
            request.setContent("hello", hf.createContentTypeHeader("text", "plain"));
        }
        return request;
    }
}
