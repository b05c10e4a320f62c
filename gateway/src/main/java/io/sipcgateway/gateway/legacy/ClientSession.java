package io.sipcgateway.gateway.legacy;

import io.sipcgateway.gateway.inspect.TranslationRecorder;
import io.sipcgateway.gateway.legacy.auth.LoginCredentials;
import io.sipcgateway.gateway.legacy.auth.LoginResponses;
import io.sipcgateway.gateway.legacy.auth.V4KeepAliveAnswer;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStatus;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the login ({@link LoginFlow}), then the signed-in session. The gateway itself answers the
 * keep-alive and re-register {@code R} (section 1.4), logout ({@code R X: 0}), and the directory {@code S}
 * operations ({@link DirectoryServices}); everything else goes to the {@link CoreBridge}. Nothing but {@code R} is
 * accepted before login, and a signed-in client may not send as someone else ({@code F} must be its sid).
 */
public final class ClientSession implements LegacySession {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private final LegacyConnection connection;
    private final SessionContext context;
    /** Only until sign-in: an idle signed-in session should not keep the login's state (issue 7). */
    private LoginFlow login;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean replaced;
    private SignedInUser user;
    private LoginCredentials credentials;
    private long bnSequence;

    public ClientSession(LegacyConnection connection, SessionContext context) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.context = Objects.requireNonNull(context, "context");
        String ip = connection.remoteAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(connection.remoteAddress());
        this.login = new LoginFlow(context.login(), ip);
        context.observer().connected();
    }

    @Override
    public void onRequest(SipcRequest request) {
        if (ended.get() || replaced) {
            // The close is under way, but requests pipelined behind a logout (or arriving after a newer login took
            // the account) are still decoded: they must not reach the core for a user who is no longer here.
            LOG.info("[{}] {} after the session of {} ended; not served", connection.id(), request.method(),
                    user == null ? "?" : user.sid());
            return;
        }
        if (user == null) {
            beforeLogin(request);
            return;
        }
        String from = request.header(SipcHeaderName.FROM).orElse(user.sid());
        if (!from.equals(user.sid())) {
            LOG.warn("[{}] {} signed in as {} sent {} with F: {}", connection.id(), connection.remoteAddress(),
                    user.sid(), request.method(), from);
            answer(request, LoginResponses.status(request, 403), "F is not the signed-in user");
            return;
        }
        if (request.method().equals(SipcMethod.R)) {
            onRegister(request);
        } else if (!request.method().equals(SipcMethod.S) || !DirectoryServices.answer(user, request,
                context.login().directory(), r -> answer(request, r, "answered from the account directory"))) {
            context.core().forward(user, request, connection::send);
        }
    }

    private void beforeLogin(SipcRequest request) {
        if (!request.method().equals(SipcMethod.R)) {
            LOG.warn("[{}] {} sent {} before login; refused", connection.id(), connection.remoteAddress(),
                    request.method());
            answer(request, LoginResponses.status(request, 403), "not signed in");
            return;
        }
        LoginFlow.Step step = login.onRegister(request);
        if (step instanceof LoginFlow.Step.SignedIn signedIn) {
            signIn(signedIn);
            record(request, withExpiry(signedIn.ok()), "login");
        } else if (step instanceof LoginFlow.Step.Refuse refuse) {
            record(request, refuse.response(), refuse.reason());
            connection.close(refuse.response(), refuse.reason());
        } else {
            answer(request, ((LoginFlow.Step.Answer) step).response(), "login step");
        }
    }

    private void signIn(LoginFlow.Step.SignedIn step) {
        user = new SignedInUser(step.account(), step.version(), connection, step.presence());
        credentials = step.credentials();
        login = null;
        LOG.info("[{}] {} signed in as {} ({})", connection.id(), connection.remoteAddress(), user.sid(),
                step.version());
        context.registry().register(user.sid(), this).ifPresent(older -> older.replacedBy(this));
        context.core().signedIn(user); // asynchronous; started before the client hears it is signed in
        context.observer().signedIn();
        connection.send(withExpiry(step.ok()));
        connection.idleLimit(context.signedInIdleSeconds());
    }

    /** Sends an answer the gateway gives itself, and records it for inspection. */
    private void answer(SipcRequest request, SipcResponse response, String reason) {
        connection.send(response);
        record(request, response, reason);
    }

    private void record(SipcRequest request, SipcResponse response, String reason) {
        if (context.recorder().enabled()) {
            context.recorder().record(TranslationRecorder.Exchange.local(System.nanoTime(), connection.id(),
                    String.valueOf(connection.remoteAddress()), Optional.ofNullable(user).map(SignedInUser::sid),
                    request, response, reason));
        }
    }

    /** Keep-alive, re-register or logout (section 1.4). */
    private void onRegister(SipcRequest request) {
        if (request.header(SipcHeaderName.EXPIRES).filter("0"::equals).isPresent()) {
            end("logout");
            SipcResponse ok = request.reply(SipcStatus.OK);
            record(request, ok, "logout");
            connection.close(ok, "logout");
            return;
        }
        boolean keepAlive = request.event().filter("KeepAlive"::equalsIgnoreCase).isPresent();
        String body = keepAlive ? V4KeepAliveAnswer.body(credentials) : "";
        answer(request, withExpiry(LoginResponses.registered(request, body)),
                keepAlive ? "keep-alive" : "re-register");
    }

    /**
     * The {@code X} of a login or keep-alive {@code 200} is this gateway's registration expiry: the idle limit that
     * expires a silent session is computed from it, so a client must be told the same value to refresh in time.
     */
    private SipcResponse withExpiry(SipcResponse registered) {
        String seconds = Long.toString(context.registrationExpiry().toSeconds());
        return registered.withHeaders(registered.headers().toBuilder().set(SipcHeaderName.EXPIRES, seconds).build());
    }

    @Override
    public void onResponse(SipcResponse response) {
        if (user != null) {
            context.core().legacyAnswered(user, response);
        }
    }

    @Override
    public void onIdle() {
        end("expired: silent longer than X");
    }

    @Override
    public void onDisconnect() {
        end("connection closed");
        context.observer().disconnected();
    }

    @Override
    public int idleLimitSeconds() {
        return (int) context.loginIdle().toSeconds();
    }

    /**
     * A newer login of the same account took over. This connection is told, as the real server did with
     * {@code BN registration deregistered} (section 5.2), and closed; the core registration now belongs to the
     * newer session, so this one does not sign out at the core.
     */
    void replacedBy(ClientSession newer) {
        replaced = true;
        SignedInUser old = user;
        if (old == null) {
            return;
        }
        SipcHeaders headers = SipcHeaders.builder()
                .add(SipcHeaderName.EVENT, "registration")
                .add(SipcHeaderName.CALL_ID, "1")
                .add(SipcHeaderName.CSEQ, (++bnSequence) + " BN")
                .build();
        SipcRequest deregistered = new SipcRequest(SipcMethod.BN, old.sid(), old.version(), headers,
                SipcBody.ofUtf8("<events><event type=\"deregistered\"/></events>"));
        connection.close(deregistered, "signed in again on " + newer.connection.id());
    }

    private void end(String reason) {
        if (user == null || !ended.compareAndSet(false, true)) {
            return;
        }
        LOG.info("[{}] {} signed out: {}", connection.id(), user.sid(), reason);
        context.observer().signedOut();
        context.registry().unregister(user.sid(), this);
        if (!replaced) {
            try {
                context.core().signedOut(user, reason);
            } catch (RuntimeException e) {
                // The client's answer (the logout 200) must not depend on the core side's cleanup.
                LOG.error("[{}] core sign-out of {} failed", connection.id(), user.sid(), e);
            }
        }
    }

    /** The signed-in user, or null before login. */
    public SignedInUser user() {
        return user;
    }

    public LegacyConnection connection() {
        return connection;
    }
}
