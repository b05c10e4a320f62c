package io.sipcgateway.gateway.legacy;

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
    private final LoginFlow login;
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
    }

    @Override
    public void onRequest(SipcRequest request) {
        if (user == null) {
            beforeLogin(request);
            return;
        }
        String from = request.header(SipcHeaderName.FROM).orElse(user.sid());
        if (!from.equals(user.sid())) {
            LOG.warn("[{}] {} signed in as {} sent {} with F: {}", connection.id(), connection.remoteAddress(),
                    user.sid(), request.method(), from);
            connection.send(LoginResponses.status(request, 403));
            return;
        }
        if (request.method().equals(SipcMethod.R)) {
            onRegister(request);
        } else if (!request.method().equals(SipcMethod.S) || !DirectoryServices.answer(user, request,
                context.login().directory(), connection::send)) {
            context.core().forward(user, request, connection::send);
        }
    }

    private void beforeLogin(SipcRequest request) {
        if (!request.method().equals(SipcMethod.R)) {
            LOG.warn("[{}] {} sent {} before login; refused", connection.id(), connection.remoteAddress(),
                    request.method());
            connection.send(LoginResponses.status(request, 403));
            return;
        }
        LoginFlow.Step step = login.onRegister(request);
        if (step instanceof LoginFlow.Step.SignedIn signedIn) {
            signIn(signedIn);
        } else if (step instanceof LoginFlow.Step.Refuse refuse) {
            connection.close(refuse.response(), refuse.reason());
        } else {
            connection.send(((LoginFlow.Step.Answer) step).response());
        }
    }

    private void signIn(LoginFlow.Step.SignedIn step) {
        user = new SignedInUser(step.account(), step.version(), connection, step.presence());
        credentials = step.credentials();
        LOG.info("[{}] {} signed in as {} ({})", connection.id(), connection.remoteAddress(), user.sid(),
                step.version());
        context.registry().register(user.sid(), this).ifPresent(older -> older.replacedBy(this));
        connection.send(step.ok());
        connection.idleLimit(context.signedInIdleSeconds());
        context.core().signedIn(user);
    }

    /** Keep-alive, re-register or logout (section 1.4). */
    private void onRegister(SipcRequest request) {
        if (request.header(SipcHeaderName.EXPIRES).filter("0"::equals).isPresent()) {
            end("logout");
            connection.close(request.reply(SipcStatus.OK), "logout");
            return;
        }
        boolean keepAlive = request.event().filter("KeepAlive"::equalsIgnoreCase).isPresent();
        String body = keepAlive ? V4KeepAliveAnswer.body(credentials) : "";
        connection.send(LoginResponses.registered(request, body));
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
        context.registry().unregister(user.sid(), this);
        if (!replaced) {
            context.core().signedOut(user, reason);
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
