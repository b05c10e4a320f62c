package io.sipcgateway.gateway.client;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import io.sipcgateway.gateway.accounts.FetionUri;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcVersion;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A legacy Fetion client on one TCP connection, sending what real clients sent (reference samples): the two-step
 * login of SIP-C/2.0 or SIP-C/4.0 ({@link ClientLogin}), a keep-alive timer, presence, subscription, messages and
 * logout. Every operation blocks for at most {@link ClientConfig#answerTimeout()} and returns a
 * {@link ClientResult}: the gateway's 2xx answer, or why not. Incoming {@code M}, {@code IN}, {@code I}, {@code O}
 * and {@code B} are answered {@code 200 OK} at once, {@code BN} never; everything received is queued in
 * {@link #received()}. Thread-safe; one login per connection.
 */
public final class LegacyClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyClient.class);

    private final ClientChannel channel;
    private final ClientConfig config;
    private final ClientLogins logins;
    private volatile Session session;
    private volatile List<Contact> contacts = List.of();
    private ScheduledFuture<?> keepAliveTimer;

    private LegacyClient(ClientChannel channel, ClientConfig config) {
        this.channel = channel;
        this.config = config;
        this.logins = new ClientLogins(channel, config.answerTimeout(), new SecureRandom());
    }

    /** The signed-in state: the login and the numbering of further requests. */
    private record Session(SignedIn login, CallIds ids) {
    }

    public static ClientResult<LegacyClient> connect(String host, int port) {
        return connect(host, port, ClientConfig.DEFAULT);
    }

    /** Opens the TCP connection; {@link ClientFailure.Kind#CONNECT} if it cannot be made. */
    public static ClientResult<LegacyClient> connect(String host, int port, ClientConfig config) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(config, "config");
        return ClientChannel.connect(host, port, config).map(channel -> new LegacyClient(channel, config));
    }

    /**
     * Opens the TCP connection on a shared {@code group}, which {@link #close()} leaves running: thousands of
     * clients (the load tool) then need only the group's few threads instead of one each.
     */
    public static ClientResult<LegacyClient> connect(String host, int port, ClientConfig config,
            EventLoopGroup group) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(group, "group");
        return ClientChannel.connect(host, port, config, group, false)
                .map(channel -> new LegacyClient(channel, config));
    }

    /**
     * Logs in with the two {@code R} of sections 7.1/7.2, then starts the keep-alive timer. A refusal is
     * {@link ClientFailure.Kind#REJECTED} with the gateway's answer: {@code 401} after R #2 (wrong password),
     * {@code 404} (no such user), {@code 403} (locked out).
     */
    public synchronized ClientResult<SignedIn> login(ClientLogin login) {
        if (session != null) {
            return failed(ClientFailure.Kind.INVALID, "already signed in as " + session.login().sid());
        }
        CallIds ids = new CallIds(login.version());
        ClientResult<SignedIn> result = logins.login(login, ids);
        if (result instanceof ClientResult.Ok<SignedIn> ok) {
            session = new Session(ok.value(), ids);
            contacts = ok.value().contacts();
            startKeepAlive(ok.value().expires());
        }
        return result;
    }

    /** One keep-alive now (section 1.4): v4 {@code R N: KeepAlive}, v2 a bare {@code R}. */
    public ClientResult<SipcResponse> keepAlive() {
        return withSession(s -> ClientRequests.keepAlive(s.ids().version(), sid(s), s.ids().next(SipcMethod.R)));
    }

    /** {@code SetPresenceV4} or {@code SetPresence} with a presence code of section 5.3 (400 online, 100 away...). */
    public ClientResult<SipcResponse> setPresence(int code) {
        return withSession(s -> ClientRequests.setPresence(s.ids().version(), sid(s), s.ids().next(SipcMethod.S),
                code));
    }

    /**
     * Subscribes to the buddies' presence: v4 {@code SUB N: PresenceV4} (sample 08); v2 fetches the contact list
     * if it has not yet, then {@code SUB N: presence} listing every buddy (sample 49).
     */
    public ClientResult<SipcResponse> subscribe() {
        Session s = session;
        if (s == null) {
            return notSignedIn();
        }
        if (!isV2(s)) {
            return exchange2xx(ClientRequests.subscribeV4(sid(s), s.ids().next(SipcMethod.SUB)));
        }
        if (contacts.isEmpty()) {
            ClientResult<List<Contact>> fetched = fetchContactList();
            if (fetched instanceof ClientResult.Failed<List<Contact>> failed) {
                return ClientResult.failed(failed.failure());
            }
        }
        List<String> uris = contacts.stream().map(Contact::uri).toList();
        return exchange2xx(ClientRequests.subscribeV2(sid(s), s.ids().next(SipcMethod.SUB), uris,
                s.login().ownUri()));
    }

    /** v2 {@code S N: GetContactList} (sample 47); the buddies are kept for {@link #subscribe} and messages. */
    public ClientResult<List<Contact>> fetchContactList() {
        Session s = session;
        if (s == null) {
            return notSignedIn();
        }
        if (!isV2(s)) {
            return failed(ClientFailure.Kind.INVALID, "GetContactList is SIP-C/2.0; v4 has the list from the login");
        }
        ClientResult<List<Contact>> result = exchange2xx(ClientRequests.getContactListV2(sid(s),
                s.ids().next(SipcMethod.S))).flatMap(ok -> ContactLists.fromV2ContactList(ok.body()));
        if (result instanceof ClientResult.Ok<List<Contact>> ok) {
            contacts = ok.value();
        }
        return result;
    }

    /**
     * Sends {@code text} as {@code M N: CatMsg} (sample 21). {@code T} is the buddy's URI from the contact list, or
     * {@code sip:<sid>@fetion.com.cn;p=<n>} as the gateway forms it for a sid not on the list.
     */
    public ClientResult<SipcResponse> sendMessage(String toSid, String text) {
        Objects.requireNonNull(text, "text");
        if (toSid == null || !ClientLogin.isNumber(toSid)) {
            return failed(ClientFailure.Kind.INVALID, "a sid is a decimal number, not '" + toSid + "'");
        }
        String uri = uriOf(toSid);
        return withSession(s -> ClientRequests.catMessage(s.ids().version(), sid(s), s.ids().next(SipcMethod.M), uri,
                text));
    }

    /**
     * Sends {@code text} like {@link #sendMessage} without waiting: the future completes with the final answer,
     * whatever its status, or fails when the connection closes. The caller bounds the wait (the load tool sends
     * open-loop, so it must not block on each answer). {@code to} is a sid, or a {@code sip:} URI of a user on the
     * core (a standard SIP user, which the gateway addresses as is, reference section 11).
     */
    public CompletableFuture<SipcResponse> sendMessageAsync(String to, String text) {
        Objects.requireNonNull(text, "text");
        Session s = session;
        boolean sipUri = to != null && isSipUri(to);
        if (s == null || to == null || !(sipUri || ClientLogin.isNumber(to))) {
            return CompletableFuture.failedFuture(new IllegalStateException(s == null ? "not signed in"
                    : "not a sid or a sip: URI: '" + to + "'"));
        }
        String uri = sipUri ? to : uriOf(to);
        return channel.send(ClientRequests.catMessage(s.ids().version(), sid(s), s.ids().next(SipcMethod.M), uri,
                text), false);
    }

    /**
     * Logs out with {@code R X: 0} (samples 38, 75) and waits, bounded by {@link ClientConfig#closeTimeout()}, for
     * the gateway to close the connection. The keep-alive timer stops first.
     */
    public ClientResult<SipcResponse> logout() {
        stopKeepAlive();
        ClientResult<SipcResponse> result = withSession(s -> ClientRequests.logout(s.ids().version(), sid(s),
                s.ids().next(SipcMethod.R)));
        if (result.isOk() && !channel.awaitClosed(config.closeTimeout())) {
            LOG.warn("the gateway kept the connection open {} after the logout", config.closeTimeout());
        }
        return result;
    }

    /** A request of the signed-in user with {@code F}, {@code I}, {@code Q} set, then {@code extra}. */
    public SipcRequest newRequest(SipcMethod method, SipcHeaders extra, SipcBody body) {
        Session s = session;
        if (s == null) {
            throw new IllegalStateException("not signed in: F, I and Q need a login");
        }
        return ClientRequests.request(method, s.ids().version(), sid(s), s.ids().next(method), extra, body);
    }

    /** Sends any request and returns its final answer, whatever the status. */
    public ClientResult<SipcResponse> exchange(SipcRequest request) {
        return channel.exchange(request, config.answerTimeout());
    }

    /** Writes raw bytes (a malformed frame, for tests); true if they were written. */
    public boolean sendRaw(byte[] bytes) {
        return channel.sendRaw(bytes.clone());
    }

    /** Everything received, in order: messages, unreadable frames, the close; the oldest drop past 10,000. */
    public BlockingQueue<ClientEvent> received() {
        return channel.received();
    }

    /** Takes received events until one matches, waiting at most {@code timeout}; the others are dropped. */
    public Optional<ClientEvent> awaitReceived(Predicate<ClientEvent> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                ClientEvent event = channel.received().poll(left, TimeUnit.NANOSECONDS);
                if (event != null && match.test(event)) {
                    return Optional.of(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** The next received request with {@code method}, waiting at most {@code timeout}. */
    public Optional<SipcRequest> awaitRequest(SipcMethod method, Duration timeout) {
        return awaitReceived(e -> e instanceof ClientEvent.Message m && m.message() instanceof SipcRequest r
                && r.method().equals(method), timeout)
                .map(e -> (SipcRequest) ((ClientEvent.Message) e).message());
    }

    /** True once the connection is closed (by either side), waiting at most {@code timeout}. */
    public boolean awaitClosed(Duration timeout) {
        return channel.awaitClosed(timeout);
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    public Optional<SignedIn> signedIn() {
        Session s = session;
        return s == null ? Optional.empty() : Optional.of(s.login());
    }

    /** The buddies known so far: from the v4 login, or the v2 contact list once fetched. */
    public List<Contact> contacts() {
        return contacts;
    }

    /** Stops the timer, closes the connection and its own event loop (not a shared one), waits bounded. No logout. */
    @Override
    public void close() {
        stopKeepAlive();
        channel.close();
    }

    private synchronized void startKeepAlive(int expires) {
        Duration interval = config.keepAliveInterval();
        if (interval.isZero()) {
            return;
        }
        if (expires > 0 && interval.compareTo(Duration.ofMillis(expires * 500L)) > 0) {
            interval = Duration.ofMillis(expires * 500L); // refresh well inside X, however short the gateway set it
        }
        keepAliveTimer = channel.every(interval, () -> {
            Session s = session;
            SipcRequest request = ClientRequests.keepAlive(s.ids().version(), sid(s), s.ids().next(SipcMethod.R));
            channel.send(request, true)
                    .orTimeout(config.answerTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((answer, failure) -> {
                        if (failure != null || !answer.status().isSuccess()) {
                            LOG.warn("keep-alive of {} failed: {}", sid(s),
                                    failure != null ? failure.toString() : answer.status());
                        }
                    });
        });
    }

    private synchronized void stopKeepAlive() {
        if (keepAliveTimer != null) {
            keepAliveTimer.cancel(false);
            keepAliveTimer = null;
        }
    }

    private ClientResult<SipcResponse> withSession(Function<Session, SipcRequest> build) {
        Session s = session;
        return s == null ? notSignedIn() : exchange2xx(build.apply(s));
    }

    /** The final answer if it is a success; any other status is {@link ClientFailure.Kind#REJECTED}. */
    private ClientResult<SipcResponse> exchange2xx(SipcRequest request) {
        return exchange(request).flatMap(answer -> answer.status().isSuccess() ? ClientResult.ok(answer)
                : ClientResult.failed(ClientFailure.rejected(answer, request.method() + " "
                        + request.event().map(n -> n + " ").orElse("") + "refused: " + answer.status())));
    }

    /** A {@code sip:user@host} address, which the gateway hands to the core as is (reference section 11). */
    public static boolean isSipUri(String value) {
        return value.regionMatches(true, 0, "sip:", 0, 4) && value.indexOf('@') > 4;
    }

    private String uriOf(String toSid) {
        return contacts.stream().filter(c -> c.sid().filter(toSid::equals).isPresent()).map(Contact::uri)
                .findFirst().orElseGet(() -> FetionUri.of(toSid));
    }

    private static String sid(Session s) {
        return s.login().sid();
    }

    private static boolean isV2(Session s) {
        return s.login().version().equals(SipcVersion.V2);
    }

    private static <T> ClientResult<T> notSignedIn() {
        return failed(ClientFailure.Kind.INVALID, "not signed in");
    }

    private static <T> ClientResult<T> failed(ClientFailure.Kind kind, String message) {
        return ClientResult.failed(ClientFailure.of(kind, message));
    }
}
