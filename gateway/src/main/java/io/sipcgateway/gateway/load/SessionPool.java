package io.sipcgateway.gateway.load;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.sipcgateway.gateway.accounts.AccountGenerator;
import io.sipcgateway.gateway.client.ClientConfig;
import io.sipcgateway.gateway.client.ClientFailure;
import io.sipcgateway.gateway.client.ClientLogin;
import io.sipcgateway.gateway.client.ClientResult;
import io.sipcgateway.gateway.client.LegacyClient;
import io.sipcgateway.gateway.client.SignedIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The sessions of a run: opened at the ramp on a bounded pool of login threads (a login blocks for two round trips;
 * the ramp, not the pool, sets the pace as long as the gateway keeps up), all on the one shared event loop.
 */
final class SessionPool implements AutoCloseable {
    private final LoadConfig config;
    private final LoadStats stats;
    private final EventLoopGroup group;
    private final ClientConfig clientConfig;
    private final AtomicReferenceArray<LegacyClient> clients;
    private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

    SessionPool(LoadConfig config, LoadStats stats, EventLoopGroup group, ClientConfig clientConfig) {
        this.config = config;
        this.stats = stats;
        this.group = group;
        this.clientConfig = clientConfig;
        this.clients = new AtomicReferenceArray<>(config.sessions());
    }

    /** Opens every session at the ramp; returns when each login has ended, or a bounded time after the ramp. */
    void open() throws InterruptedException {
        int n = config.sessions();
        ThreadPoolExecutor logins = new ThreadPoolExecutor(config.loginThreads(), config.loginThreads(), 1,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(n), new DefaultThreadFactory("load-login", true));
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sleepUntil(start + (long) (i * 1e9 / config.ramp()));
            int index = i;
            logins.execute(() -> openOne(index));
        }
        logins.shutdown();
        // Every queued login may still take its two answer timeouts: wait for the slowest plausible backlog.
        long bound = config.answerTimeout().toMillis() * 2 * (1 + logins.getQueue().size() / config.loginThreads())
                + 10_000;
        if (!logins.awaitTermination(bound, TimeUnit.MILLISECONDS)) {
            logins.shutdownNow();
            stats.error("login: not finished in " + bound + " ms");
        }
    }

    private void openOne(int i) {
        long t0 = System.nanoTime();
        firstStart.accumulateAndGet(t0, Math::min);
        int account = config.firstAccount() + i;
        try {
            ClientResult<LegacyClient> connected = LegacyClient.connect(config.host(), config.port(), clientConfig,
                    group);
            if (connected instanceof ClientResult.Failed<LegacyClient> failed) {
                stats.error("connect: " + describe(failed.failure()));
                return;
            }
            LegacyClient client = connected.orElseThrow();
            String sid = AccountGenerator.sid(account);
            String password = AccountGenerator.password(account);
            ClientLogin login = config.isV2(i) ? ClientLogin.v2(sid, password, ClientLogin.V2Algorithm.SHA1_SESS)
                    : ClientLogin.v4(sid, AccountGenerator.userId(account), password);
            ClientResult<SignedIn> in = client.login(login);
            if (in instanceof ClientResult.Failed<SignedIn> failed) {
                stats.error("login: " + describe(failed.failure()));
                client.close();
                return;
            }
            stats.login.recordNanos(System.nanoTime() - t0);
            if ((config.presence() && !ok(client.setPresence(400), "presence"))
                    || (config.subscribe() && !ok(client.subscribe(), "subscribe"))) {
                client.close();
                return;
            }
            clients.set(i, client);
            stats.signedIn.incrementAndGet();
        } finally {
            lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
            stats.loginsDone.incrementAndGet();
        }
    }

    private boolean ok(ClientResult<?> result, String what) {
        if (result instanceof ClientResult.Failed<?> failed) {
            stats.error(what + ": " + describe(failed.failure()));
            return false;
        }
        return true;
    }

    /** The status for a refusal, else the kind of failure: errors group by it. */
    static String describe(ClientFailure failure) {
        return failure.kind() == ClientFailure.Kind.REJECTED ? Integer.toString(failure.code())
                : failure.kind().name().toLowerCase(Locale.ROOT);
    }

    /** Seconds from the first connection to the last login answer. */
    double loginSeconds() {
        long first = firstStart.get();
        long last = lastEnd.get();
        return last > first ? (last - first) / 1e9 : 0;
    }

    /** The signed-in sessions, in session order. */
    List<Session> signedIn() {
        List<Session> list = new ArrayList<>();
        for (int i = 0; i < clients.length(); i++) {
            LegacyClient client = clients.get(i);
            if (client != null) {
                list.add(new Session(AccountGenerator.sid(config.firstAccount() + i), client));
            }
        }
        return list;
    }

    /** Closes every connection without a logout (the gateway sees a disconnect), each close bounded. */
    @Override
    public void close() {
        for (int i = 0; i < clients.length(); i++) {
            LegacyClient client = clients.getAndSet(i, null);
            if (client != null) {
                client.close();
            }
        }
    }

    static void sleepUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** A signed-in session and its sid. */
    record Session(String sid, LegacyClient client) {
    }
}
