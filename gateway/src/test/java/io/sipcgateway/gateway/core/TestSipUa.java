package io.sipcgateway.gateway.core;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SIPETagHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.sipcgateway.gateway.core.embedded.EmbeddedServerLogger;
import io.sipcgateway.gateway.core.embedded.EmbeddedStackLogger;

/**
 * A real SIP user agent for tests against a core (Kamailio or the embedded one) over loopback: register, publish,
 * subscribe and collect NOTIFYs, send and receive MESSAGEs. Every request goes to the core as outbound proxy; every
 * wait is bounded. jain-sip dialogs are off: the UA keeps the few dialog fields it needs itself.
 */
public final class TestSipUa implements SipListener, AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String user;
    private final String domain;
    private final String transport;
    private final SipStackImpl stack;
    private final SipProvider provider;
    private final MessageFactory messages = new MessageFactoryImpl();
    private final HeaderFactory headers = new HeaderFactoryImpl();
    private final AddressFactory addresses = new AddressFactoryImpl();
    private final String tag = Long.toHexString(System.nanoTime());
    private final AtomicLong cseq = new AtomicLong(1);
    private final String registerCallId;
    private final Map<ClientTransaction, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final BlockingQueue<Request> messagesReceived = new LinkedBlockingQueue<>();
    private volatile int messageAnswer = Response.OK;

    private TestSipUa(String user, String domain, String coreHost, int corePort, String transport) throws Exception {
        this.user = user;
        this.domain = domain;
        this.transport = transport.toLowerCase(Locale.ROOT);
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "test-ua-" + user + "-" + IDS.incrementAndGet());
        p.setProperty("javax.sip.OUTBOUND_PROXY", coreHost + ":" + corePort + "/" + this.transport);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", EmbeddedStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", EmbeddedServerLogger.class.getName());
        this.stack = new SipStackImpl(p);
        ListeningPoint lp = stack.createListeningPoint("127.0.0.1", freePort(this.transport), this.transport);
        this.provider = stack.createSipProvider(lp);
        provider.addSipListener(this);
        stack.start();
        this.registerCallId = provider.getNewCallId().getCallId();
    }

    /** A UA for {@code sip:user@domain} talking to the core at {@code coreHost:corePort} over udp or tcp. */
    public static TestSipUa start(String user, String domain, String coreHost, int corePort, String transport)
            throws Exception {
        return new TestSipUa(user, domain, coreHost, corePort, transport);
    }

    public String aor() {
        return "sip:" + user + "@" + domain;
    }

    /** Where this UA receives requests: {@code sip:user@127.0.0.1:port[;transport=tcp]}. */
    public String contact() {
        ListeningPoint lp = provider.getListeningPoints()[0];
        return "sip:" + user + "@" + lp.getIPAddress() + ":" + lp.getPort()
                + ("udp".equals(transport) ? "" : ";transport=" + transport);
    }

    // ----- REGISTER -----

    public Response register(int expires) throws Exception {
        return register(expires, List.of());
    }

    /** REGISTER with {@code Path} values (as an edge proxy would add) and {@code Supported: path}. */
    public Response register(int expires, List<String> path) throws Exception {
        Request request = newRequest(Request.REGISTER, addresses.createURI("sip:" + domain), aor(), registerCallId);
        request.setHeader(headers.createExpiresHeader(expires));
        for (String hop : path) {
            request.addHeader(headers.createHeader("Path", hop));
        }
        if (!path.isEmpty()) {
            request.addHeader(headers.createSupportedHeader("path"));
        }
        return send(request);
    }

    public Response unregister() throws Exception {
        return register(0);
    }

    /** REGISTER without Contact: the current bindings (RFC 3261 10.2.3). */
    public Response fetchBindings() throws Exception {
        Request request = newRequest(Request.REGISTER, addresses.createURI("sip:" + domain), aor(), registerCallId);
        request.removeHeader(ContactHeader.NAME);
        return send(request);
    }

    // ----- PUBLISH -----

    /** PUBLISH {@code pidf} (initial without {@code ifMatch}, modify with); null body refreshes or removes. */
    public Response publish(byte[] pidf, int expires, String ifMatch) throws Exception {
        Request request = newRequest(Request.PUBLISH, addresses.createURI(aor()), aor(), newCallId());
        request.removeHeader(ContactHeader.NAME);
        request.addHeader(headers.createEventHeader("presence"));
        request.setHeader(headers.createExpiresHeader(expires));
        if (ifMatch != null) {
            request.addHeader(headers.createSIPIfMatchHeader(ifMatch));
        }
        if (pidf != null) {
            request.setContent(pidf, headers.createContentTypeHeader("application", "pidf+xml"));
        }
        return send(request);
    }

    public static String etag(Response response) {
        SIPETagHeader etag = (SIPETagHeader) response.getHeader(SIPETagHeader.NAME);
        return etag == null ? null : etag.getETag();
    }

    // ----- SUBSCRIBE / NOTIFY -----

    /** SUBSCRIBE to {@code presentityAor}'s presence; NOTIFYs are collected in the returned subscription. */
    public Subscription subscribe(String presentityAor, int expires) throws Exception {
        Subscription subscription = new Subscription(presentityAor, newCallId());
        subscriptions.put(subscription.callId, subscription);
        Request request = newRequest(Request.SUBSCRIBE, addresses.createURI(presentityAor), presentityAor,
                subscription.callId);
        request.addHeader(headers.createEventHeader("presence"));
        request.addHeader(headers.createAcceptHeader("application", "pidf+xml"));
        request.setHeader(headers.createExpiresHeader(expires));
        Response response = send(request);
        subscription.established(response);
        return subscription;
    }

    /** A presence subscription as the subscriber sees it. */
    public final class Subscription {
        private final String presentity;
        private final String callId;
        private final BlockingQueue<Request> notifies = new LinkedBlockingQueue<>();
        private final List<Request> seen = new ArrayList<>();
        private volatile Response response;
        private volatile String remoteTag;
        private volatile String remoteTarget;

        private Subscription(String presentity, String callId) {
            this.presentity = presentity;
            this.callId = callId;
        }

        private void established(Response answer) {
            this.response = answer;
            this.remoteTag = ((ToHeader) answer.getHeader(ToHeader.NAME)).getTag();
            ContactHeader contact = (ContactHeader) answer.getHeader(ContactHeader.NAME);
            this.remoteTarget = contact == null ? null : contact.getAddress().getURI().toString();
        }

        public Response response() {
            return response;
        }

        /** The next NOTIFY (in arrival order) that matches, skipping others; fails after {@code timeout}. */
        public Request awaitNotify(Predicate<Request> match, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Request notify = notifies.poll(left, TimeUnit.NANOSECONDS);
                if (notify != null && match.test(notify)) {
                    return notify;
                }
            }
            throw new AssertionError("no matching NOTIFY for " + presentity + " within " + timeout);
        }

        /** In-dialog SUBSCRIBE (RFC 6665 4.1.2.2 refresh, 4.1.2.3 with 0: unsubscribe). */
        public Response refresh(int expires) throws Exception {
            Request request = newRequest(Request.SUBSCRIBE, addresses.createURI(remoteTarget), presentity, callId);
            ((ToHeader) request.getHeader(ToHeader.NAME)).setTag(remoteTag);
            request.addHeader(headers.createEventHeader("presence"));
            request.setHeader(headers.createExpiresHeader(expires));
            return send(request);
        }

        public Response unsubscribe() throws Exception {
            return refresh(0);
        }

        private void received(Request notify) {
            notifies.add(notify);
        }
    }

    // ----- MESSAGE -----

    /** MESSAGE {@code text} (UTF-8 text/plain) to {@code targetAor}; the final status the caller gets. */
    public int sendMessage(String targetAor, String text) throws Exception {
        Request request = newRequest(Request.MESSAGE, addresses.createURI(targetAor), targetAor, newCallId());
        request.removeHeader(ContactHeader.NAME);
        request.setContent(text.getBytes(StandardCharsets.UTF_8),
                headers.createContentTypeHeader("text", "plain;charset=UTF-8"));
        return send(request).getStatusCode();
    }

    /** The next MESSAGE this UA received (answered with {@link #answerMessagesWith}); null after {@code timeout}. */
    public Request awaitMessage(Duration timeout) throws InterruptedException {
        return messagesReceived.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Status for incoming MESSAGEs; 0 leaves them unanswered. */
    public void answerMessagesWith(int status) {
        this.messageAnswer = status;
    }

    public static String text(Request request) {
        return new String(request.getRawContent(), StandardCharsets.UTF_8);
    }

    // ----- generic -----

    public Response options() throws Exception {
        Request request = newRequest(Request.OPTIONS, addresses.createURI("sip:" + domain), "sip:" + domain,
                newCallId());
        return send(request);
    }

    /** A request from this UA: new CSeq, our From tag, our Contact, Max-Forwards 70; Via from the stack. */
    public Request newRequest(String method, URI requestUri, String toAor, String callId) throws Exception {
        Address from = addresses.createAddress(aor());
        Address to = addresses.createAddress(toAor);
        ListeningPoint lp = provider.getListeningPoints()[0];
        Request request = messages.createRequest(requestUri, method, headers.createCallIdHeader(callId),
                headers.createCSeqHeader(cseq.getAndIncrement(), method), headers.createFromHeader(from, tag),
                headers.createToHeader(to, null),
                List.of(headers.createViaHeader(lp.getIPAddress(), lp.getPort(), transport, null)),
                headers.createMaxForwardsHeader(70));
        request.addHeader(headers.createContactHeader(addresses.createAddress(contact())));
        return request;
    }

    public String newCallId() {
        return provider.getNewCallId().getCallId();
    }

    /** Sends statefully; the final response, or a local 408 when the transaction times out (RFC 3261 8.1.3.1). */
    public Response send(Request request) throws Exception {
        ClientTransaction ct = provider.getNewClientTransaction(request);
        CompletableFuture<Response> future = new CompletableFuture<>();
        pending.put(ct, future);
        ct.sendRequest();
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pending.remove(ct);
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            ServerTransaction st = event.getServerTransaction() != null ? event.getServerTransaction()
                    : provider.getNewServerTransaction(request);
            switch (request.getMethod()) {
                case Request.NOTIFY -> {
                    Subscription s = subscriptions.get(((CallIdHeader) request.getHeader(CallIdHeader.NAME))
                            .getCallId());
                    st.sendResponse(messages.createResponse(s == null ? 481 : 200, request));
                    if (s != null) {
                        s.received(request);
                    }
                }
                case Request.MESSAGE -> {
                    messagesReceived.add(request);
                    int status = messageAnswer;
                    if (status != 0) {
                        Response response = messages.createResponse(status, request);
                        ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(tag);
                        st.sendResponse(response);
                    }
                }
                case Request.ACK -> { }
                default -> st.sendResponse(messages.createResponse(Request.OPTIONS.equals(request.getMethod())
                        ? 200 : 405, request));
            }
        } catch (Exception e) {
            throw new IllegalStateException("test UA " + user + " could not answer " + request.getMethod(), e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        if (ct != null && event.getResponse().getStatusCode() >= 200) {
            CompletableFuture<Response> future = pending.get(ct);
            if (future != null) {
                future.complete(event.getResponse());
            }
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        CompletableFuture<Response> future = ct == null ? null : pending.get(ct);
        if (future != null) {
            try {
                future.complete(messages.createResponse(Response.REQUEST_TIMEOUT, ct.getRequest()));
            } catch (ParseException e) {
                future.completeExceptionally(e);
            }
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    /** Stops the stack; also wakes jain-sip's event scanner, which stop() leaves blocked (RestComm/jain-sip#198). */
    @Override
    public void close() {
        EventScanner scanner = stack.getEventScanner();
        stack.stop();
        if (scanner != null) {
            scanner.addEvent(new EventWrapper(new DialogTerminatedEvent(provider, null), null));
        }
    }

    /** A port free for {@code transport} on loopback just now. */
    private static int freePort(String transport) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        if ("udp".equals(transport)) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
                return socket.getLocalPort();
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 50, loopback)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return "TestSipUa[" + aor() + " " + transport + "]";
    }

    /** For assertions on a REGISTER answer: the Contact URIs it lists. */
    public static List<String> contacts(Response response) {
        List<String> contacts = new ArrayList<>();
        for (var it = response.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            URI uri = ((ContactHeader) it.next()).getAddress().getURI();
            contacts.add(uri instanceof SipURI sip ? sip.toString() : uri.toString());
        }
        return contacts;
    }
}
