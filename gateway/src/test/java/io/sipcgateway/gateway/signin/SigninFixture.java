package io.sipcgateway.gateway.signin;

import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.legacy.LoginGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;

/**
 * A running {@link SigninServer} on loopback (every port 0) for the demo accounts, advertising a stand-in SIP-C
 * listener (a bound, idle server socket), with its own {@link LoginGuard} so lockouts never leak between tests.
 */
final class SigninFixture implements AutoCloseable {
    static final String LOOPBACK = "127.0.0.1";
    /** The demo accounts ({@code AccountDirectory.demo()}). */
    static final String ALICE_SID = "916000001";
    static final String ALICE_USER_ID = "300000001";
    static final String ALICE_MOBILE = "13800000001";
    static final String ALICE_PASSWORD = "alicepw";
    static final String BOB_SID = "916000002";
    static final String BOB_MOBILE = "13800000002";
    static final String BOB_PASSWORD = "bobpw";

    final LoginGuard guard;
    final HostAndPort sipc;
    final SigninServer server;
    private final ServerSocket sipcStandIn;

    private SigninFixture(LoginGuard guard, ServerSocket sipcStandIn, HostAndPort sipc, SigninServer server) {
        this.guard = guard;
        this.sipcStandIn = sipcStandIn;
        this.sipc = sipc;
        this.server = server;
    }

    static SigninFixture start() throws IOException, GeneralSecurityException {
        return start(SigninTls.selfSigned());
    }

    static SigninFixture start(SigninTls tls) throws IOException, GeneralSecurityException {
        return start(tls, LOOPBACK);
    }

    /** Advertises the stand-in SIP-C listener's port on {@code advertisedHost}. */
    static SigninFixture start(SigninTls tls, String advertisedHost) throws IOException, GeneralSecurityException {
        LoginGuard guard = LoginGuard.withDefaults();
        ServerSocket sipcStandIn = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
        try {
            HostAndPort any = new HostAndPort(LOOPBACK, 0);
            HostAndPort sipc = new HostAndPort(advertisedHost, sipcStandIn.getLocalPort());
            SigninServer server = SigninServer.start(any, any, sipc, AccountDirectory.demo(), guard, tls);
            return new SigninFixture(guard, sipcStandIn, sipc, server);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            sipcStandIn.close();
            throw e;
        }
    }

    HostAndPort http() {
        return server.httpAddress();
    }

    HostAndPort https() {
        return server.httpsAddress();
    }

    @Override
    public void close() throws IOException {
        server.close();
        sipcStandIn.close();
    }
}
