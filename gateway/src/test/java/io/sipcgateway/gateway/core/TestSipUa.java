package io.sipcgateway.gateway.core;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.SIPETagHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small jain-sip user agent for tests against a core, {@link KamailioCore} or the embedded one: one SipStack per
 * UA, UDP (or TCP) on a free port of 127.0.0.1, every request sent to the core as outbound proxy. REGISTER, PUBLISH,
 * SUBSCRIBE, MESSAGE and OPTIONS wait for their final response (bounded); incoming NOTIFY and MESSAGE requests are
 * queued and answered (200, or what {@link #answerMessagesWith} says). The only dialog state is a subscription's,
 * for refresh and unsubscribe; no authentication: enough to drive the core, not a model for the gateway.
 */
public final class TestSipUa implements SipListener, AutoCloseable {

    /** Bound on waiting for a final response; the core answers in milliseconds on loopback. */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(TestSipUa.class);
    private static final String HOST = KamailioCore.HOST;
    // RFC 3261 section 17.1.2.2: a non-INVITE client transaction gives up after Timer F = 64 * T1.
    private static final int TIMER_F_IN_T1 = 64;

    private final String user;
    private final String domain;
    private final String transport;
    private final SipStack stack;
    private final SipProvider provider;
    private final int localPort;
    private final AddressFactory addressFactory;
    private final HeaderFactory headerFactory;
    private final MessageFactory messageFactory;
    private final AtomicLong cseq = new AtomicLong();
    private final Map<String, String> registerCallIds = new ConcurrentHashMap<>();
    private final UaTransactions transactions;
    private final BlockingQueue<Request> notifies = new LinkedBlockingQueue<>();
    private final BlockingQueue<Request> messages = new LinkedBlockingQueue<>();
    private volatile int messageAnswer = Response.OK;

    private TestSipUa(String user, String domain, String proxyHost, int proxyPort, String transport)
            throws SipException {
        this.user = user;
        this.domain = domain;
        this.transport = transport.toLowerCase(Locale.ROOT);
        Slf4jStackLogger.install();
        Properties properties = UaStackProperties.of(user, proxyHost, proxyPort, this.transport);
        // Not SipFactory.createSipStack(): the factory keeps every stack it made, by name, for the JVM's lifetime.
        this.stack = new SipStackImpl(properties);
        try {
            ListeningPoint listeningPoint = FreePorts.listen(stack, HOST, this.transport);
            this.localPort = listeningPoint.getPort();
            this.provider = stack.createSipProvider(listeningPoint);
            this.transactions = new UaTransactions(provider, user);
            this.provider.addSipListener(this);
            SipFactory factory = SipFactory.getInstance();
            this.addressFactory = factory.createAddressFactory();
            this.headerFactory = factory.createHeaderFactory();
            this.messageFactory = factory.createMessageFactory();
            stack.start();
        } catch (SipException | RuntimeException e) {
            stack.stop();
            throw e;
        } catch (InvalidArgumentException | TooManyListenersException e) {
            stack.stop();
            throw new SipException("cannot set up the jain-sip UA of " + user, e);
        }
    }

    /** A UA for {@code sip:user@core-domain} using {@code core} as outbound proxy, over UDP. */
    static TestSipUa start(String user, KamailioCore core) throws SipException {
        return new TestSipUa(user, core.domain(), core.host(), core.port(), ListeningPoint.UDP);
    }

    /** A UA for {@code sip:user@domain} using the core at {@code host:port} as outbound proxy, over udp or tcp. */
    public static TestSipUa start(String user, String domain, String host, int port, String transport)
            throws SipException {
        return new TestSipUa(user, domain, host, port, transport);
    }

    /** This UA's address of record, {@code sip:user@domain}. */
    public String aor() {
        return "sip:" + user + "@" + domain;
    }

    /** Where this UA receives requests: {@code sip:user@127.0.0.1:port}, plus {@code ;transport=tcp} over TCP. */
    public String contactUri() {
        return "sip:" + user + "@" + HOST + ":" + localPort
                + (ListeningPoint.UDP.equals(transport) ? "" : ";transport=" + transport);
    }

    /** Binds {@link #contactUri()} to {@code aor} (RFC 3261 section 10.2). */
    public SipOutcome register(String aor, int expires) throws ParseException, SipException {
        return register(aor, contactUri(), expires, List.of());
    }

    /**
     * REGISTER with any contact and extra headers, e.g. as a gateway that registers someone else's AoR with a
     * {@code Path}. One Call-ID per AoR and increasing CSeqs, as RFC 3261 section 10.2 asks of a UA.
     */
    public SipOutcome register(String aor, String contact, int expires, List<Header> extraHeaders)
            throws ParseException, SipException {
        Request request = newRequest(Request.REGISTER, "sip:" + domain, aor, aor, registerCallId(aor));
        request.addHeader(headerFactory.createContactHeader(addressFactory.createAddress(contact)));
        request.addHeader(expiresHeader(expires));
        for (Header header : extraHeaders) {
            request.addHeader(header);
        }
        return transactions.send(request, RESPONSE_TIMEOUT, 0);
    }

    /** Removes this UA's contact from {@code aor}: REGISTER with Expires 0 (RFC 3261 section 10.2.2). */
    public SipOutcome unregister(String aor) throws ParseException, SipException {
        return register(aor, 0);
    }

    /** Removes every contact of {@code aor}: {@code Contact: *} with Expires 0 (RFC 3261 section 10.2.2). */
    public SipOutcome unregisterAll(String aor) throws ParseException, SipException {
        Request request = newRequest(Request.REGISTER, "sip:" + domain, aor, aor, registerCallId(aor));
        request.addHeader(headerFactory.createContactHeader());
        request.addHeader(expiresHeader(0));
        return transactions.send(request, RESPONSE_TIMEOUT, 0);
    }

    /** REGISTER without Contact: the 200 lists the current bindings of {@code aor} (RFC 3261 section 10.2.3). */
    public SipOutcome fetchBindings(String aor) throws ParseException, SipException {
        return transactions.send(newRequest(Request.REGISTER, "sip:" + domain, aor, aor, registerCallId(aor)),
                RESPONSE_TIMEOUT, 0);
    }

    /** PUBLISHes a PIDF document for this UA's AoR (RFC 3903 section 4.2) and returns the SIP-ETag of the 200. */
    public String publish(String pidfXml) throws ParseException, SipException {
        Request request = newRequest(Request.PUBLISH, aor(), aor(), aor(), newCallId());
        request.addHeader(headerFactory.createEventHeader("presence"));
        request.addHeader(expiresHeader(600));
        request.setContent(pidfXml.getBytes(StandardCharsets.UTF_8), contentType("application", "pidf+xml"));
        SipOutcome outcome = transactions.send(request, RESPONSE_TIMEOUT, 0);
        if (outcome.status() != Response.OK) {
            throw new IllegalStateException("PUBLISH answered " + outcome.status() + ": " + outcome.response());
        }
        SIPETagHeader etag = (SIPETagHeader) outcome.response().getHeader(SIPETagHeader.NAME);
        if (etag == null || etag.getETag() == null || etag.getETag().isEmpty()) {
            throw new IllegalStateException("200 to PUBLISH without SIP-ETag (RFC 3903): "
                    + outcome.response());
        }
        return etag.getETag();
    }

    /**
     * Any PUBLISH for this UA's AoR (RFC 3903 section 4): initial ({@code ifMatch} null), refresh ({@code body} null),
     * modify, or remove ({@code expires} 0); whatever the core answers.
     */
    public SipOutcome publish(byte[] body, int expires, String ifMatch) throws ParseException, SipException {
        Request request = newRequest(Request.PUBLISH, aor(), aor(), aor(), newCallId());
        request.addHeader(headerFactory.createEventHeader("presence"));
        request.addHeader(expiresHeader(expires));
        if (ifMatch != null) {
            request.addHeader(headerFactory.createSIPIfMatchHeader(ifMatch));
        }
        if (body != null) {
            request.setContent(body, contentType("application", "pidf+xml"));
        }
        return transactions.send(request, RESPONSE_TIMEOUT, 0);
    }

    /** The SIP-ETag of a 200 to PUBLISH, or null. */
    public static String etag(SipOutcome outcome) {
        SIPETagHeader etag = outcome.response() == null ? null
                : (SIPETagHeader) outcome.response().getHeader(SIPETagHeader.NAME);
        return etag == null ? null : etag.getETag();
    }

    /** SUBSCRIBEs to the presence of {@code presentity} (RFC 3856); NOTIFYs land in {@link #awaitNotify}. */
    public SipOutcome subscribe(String presentity) throws ParseException, SipException {
        return subscribe(presentity, 600).outcome();
    }

    /**
     * SUBSCRIBEs for {@code expires} seconds and keeps the dialog (RFC 6665 section 4.1.2) for {@link #resubscribe}.
     * NOTIFYs land in {@link #awaitNotify}; {@link UaSubscription#inDialog()} picks this subscription's.
     */
    public UaSubscription subscribe(String presentity, int expires) throws ParseException, SipException {
        String callId = newCallId();
        String localTag = newTag();
        Request request = newRequest(Request.SUBSCRIBE, presentity, aor(), presentity, callId);
        ((FromHeader) request.getHeader(FromHeader.NAME)).setTag(localTag);
        request.addHeader(headerFactory.createContactHeader(addressFactory.createAddress(contactUri())));
        request.addHeader(headerFactory.createEventHeader("presence"));
        request.addHeader(headerFactory.createAcceptHeader("application", "pidf+xml"));
        request.addHeader(expiresHeader(expires));
        SipOutcome outcome = transactions.send(request, RESPONSE_TIMEOUT, 0);
        Response response = outcome.response();
        String remoteTag = response == null ? null : ((ToHeader) response.getHeader(ToHeader.NAME)).getTag();
        ContactHeader contact = response == null ? null : (ContactHeader) response.getHeader(ContactHeader.NAME);
        return new UaSubscription(presentity, callId, localTag, remoteTag,
                contact == null ? presentity : contact.getAddress().getURI().toString(), outcome);
    }

    /** In-dialog SUBSCRIBE: refresh (RFC 6665 section 4.1.2.2) or, with 0, unsubscribe (section 4.1.2.3). */
    public SipOutcome resubscribe(UaSubscription subscription, int expires) throws ParseException, SipException {
        Request request = newRequest(Request.SUBSCRIBE, subscription.remoteTarget(), aor(), subscription.presentity(),
                subscription.callId());
        ((FromHeader) request.getHeader(FromHeader.NAME)).setTag(subscription.localTag());
        ((ToHeader) request.getHeader(ToHeader.NAME)).setTag(subscription.remoteTag());
        request.addHeader(headerFactory.createContactHeader(addressFactory.createAddress(contactUri())));
        request.addHeader(headerFactory.createEventHeader("presence"));
        request.addHeader(expiresHeader(expires));
        return transactions.send(request, RESPONSE_TIMEOUT, 0);
    }

    /** Sends a text/plain;charset=UTF-8 MESSAGE (RFC 3428) and returns the final status code. */
    public int sendMessage(String to, String text) throws ParseException, SipException {
        return message(to, text, 0).status();
    }

    /**
     * Like {@link #sendMessage(String, String)}, but jain-sip itself gives up after about {@code transactionTimeout}
     * (T1 = timeout / 64, RFC 3261 section 17.1.2.2) and then reports 408. For a core that is down: the transaction
     * must end before the core comes back, or its retransmissions would deliver the MESSAGE later.
     */
    public int sendMessage(String to, String text, Duration transactionTimeout) throws ParseException, SipException {
        int t1 = (int) Math.max(1, transactionTimeout.toMillis() / TIMER_F_IN_T1);
        return message(to, text, t1).status();
    }

    private SipOutcome message(String to, String text, int t1Millis) throws ParseException, SipException {
        Request request = newRequest(Request.MESSAGE, to, aor(), to, newCallId());
        ContentTypeHeader type = contentType("text", "plain");
        type.setParameter("charset", "UTF-8");
        request.setContent(text.getBytes(StandardCharsets.UTF_8), type);
        Duration wait = t1Millis > 0
                ? RESPONSE_TIMEOUT.plusMillis((long) TIMER_F_IN_T1 * t1Millis)
                : RESPONSE_TIMEOUT;
        return transactions.send(request, wait, t1Millis);
    }

    /** OPTIONS to {@code target}, e.g. the core's own URI as a health check (RFC 3261 section 11). */
    public SipOutcome options(String target) throws ParseException, SipException {
        Request request = newRequest(Request.OPTIONS, target, aor(), target, newCallId());
        request.addHeader(headerFactory.createAcceptHeader("application", "sdp"));
        return transactions.send(request, RESPONSE_TIMEOUT, 0);
    }

    /** The next NOTIFY matching {@code condition}, skipping others; null if none arrives within {@code timeout}. */
    public Request awaitNotify(Predicate<Request> condition, Duration timeout) throws InterruptedException {
        return awaitMatching(notifies, condition, timeout);
    }

    /** The next MESSAGE received, or null if none arrives within {@code timeout}. */
    public Request pollMessage(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The status later MESSAGEs are answered with (200 until set); 0 leaves them unanswered. */
    public void answerMessagesWith(int status) {
        this.messageAnswer = status;
    }

    /** A request from this UA (new CSeq and From tag, no Contact), to adjust and {@link #send(Request)}. */
    public Request newRequest(String method, String requestUri, String to, String callId) throws ParseException {
        return newRequest(method, requestUri, aor(), to, callId);
    }

    /** Sends {@code request} in a client transaction and waits (bounded) for its final response. */
    public SipOutcome send(Request request) throws SipException {
        return transactions.send(request, RESPONSE_TIMEOUT, 0);
    }

    /** The UDP port this UA listens on. */
    public int localPort() {
        return localPort;
    }

    public HeaderFactory headers() {
        return headerFactory;
    }

    /**
     * Stops the stack. {@code stop()} closes the listening point and cancels the stack's timers and threads, but
     * leaves the non-daemon event scanner thread blocked for ever (RestComm/jain-sip#198): one harmless event wakes
     * it so that it sees it was stopped.
     */
    @Override
    public void close() {
        EventScanner scanner = ((SipStackImpl) stack).getEventScanner();
        stack.stop();
        if (scanner != null) {
            scanner.addEvent(new EventWrapper(new DialogTerminatedEvent(provider, null), null));
        }
        provider.removeSipListener(this);
        transactions.cancelAll();
    }

    /**
     * Closes UAs in parallel: jain-sip's {@code SIPTransactionStack.stopStack()} sleeps a fixed second after stopping
     * its timer, so closing them one by one costs a second each.
     */
    public static void closeAll(TestSipUa... uas) {
        CompletableFuture.allOf(Arrays.stream(uas)
                        .filter(Objects::nonNull)
                        .map(ua -> CompletableFuture.runAsync(ua::close))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    // ---- SipListener ------------------------------------------------------------------------------------------------

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        ServerTransaction transaction = event.getServerTransaction();
        try {
            if (transaction == null) {
                transaction = provider.getNewServerTransaction(request);
            }
        } catch (TransactionAlreadyExistsException retransmission) {
            // The first copy created the transaction; the stack re-sends our response to retransmissions.
            return;
        } catch (SipException e) {
            LOG.warn("[{}] cannot create a server transaction for {}", user, method, e);
            return;
        }
        // Queue before answering: once the sender has its 200, the request is visible to the test.
        int status;
        switch (method) {
            case Request.NOTIFY -> {
                notifies.add(request);
                status = Response.OK;
            }
            case Request.MESSAGE -> {
                messages.add(request);
                status = messageAnswer;
            }
            case Request.OPTIONS -> status = Response.OK;
            default -> status = Response.NOT_IMPLEMENTED;
        }
        if (status == 0) {
            return;
        }
        try {
            Response response = messageFactory.createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(newTag());
            }
            transaction.sendResponse(response);
        } catch (ParseException | SipException | InvalidArgumentException e) {
            LOG.warn("[{}] cannot answer {}", user, method, e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        transactions.onResponse(event);
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        transactions.onTimeout(event);
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.warn("[{}] I/O error towards {}:{}/{}", user, event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        transactions.onTerminated(event);
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // no dialogs
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private Request newRequest(String method, String requestUri, String from, String to, String callId)
            throws ParseException {
        try {
            URI uri = addressFactory.createURI(requestUri);
            Address fromAddress = addressFactory.createAddress(from);
            Address toAddress = addressFactory.createAddress(to);
            CallIdHeader callIdHeader = headerFactory.createCallIdHeader(callId);
            CSeqHeader cseqHeader = headerFactory.createCSeqHeader(cseq.incrementAndGet(), method);
            FromHeader fromHeader = headerFactory.createFromHeader(fromAddress, newTag());
            ToHeader toHeader = headerFactory.createToHeader(toAddress, null);
            // Branch null: the stack generates an RFC 3261 "z9hG4bK" branch. rport (RFC 3581) costs nothing.
            ViaHeader via = headerFactory.createViaHeader(HOST, localPort, transport, null);
            via.setRPort();
            MaxForwardsHeader maxForwards = headerFactory.createMaxForwardsHeader(70);
            return messageFactory.createRequest(uri, method, callIdHeader, cseqHeader, fromHeader, toHeader,
                    List.of(via), maxForwards);
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("bad constant header value", e);
        }
    }

    private Header expiresHeader(int seconds) {
        try {
            return headerFactory.createExpiresHeader(seconds);
        } catch (InvalidArgumentException e) {
            throw new IllegalArgumentException("expires " + seconds, e);
        }
    }

    private ContentTypeHeader contentType(String type, String subType) throws ParseException {
        return headerFactory.createContentTypeHeader(type, subType);
    }

    private String registerCallId(String aor) {
        return registerCallIds.computeIfAbsent(aor, ignored -> newCallId());
    }

    public String newCallId() {
        return provider.getNewCallId().getCallId();
    }

    private static String newTag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Request awaitMatching(BlockingQueue<Request> queue, Predicate<Request> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Request request = queue.poll(left, TimeUnit.NANOSECONDS);
            if (request != null && condition.test(request)) {
                return request;
            }
        }
        return null;
    }

    /** The contact bindings listed in a 200 to REGISTER (RFC 3261 section 10.3 step 8). */
    public static List<ContactHeader> contacts(Response response) {
        List<ContactHeader> contacts = new ArrayList<>();
        for (ListIterator<?> it = response.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            contacts.add((ContactHeader) it.next());
        }
        return contacts;
    }
}
