package io.sipcgateway.gateway.load;

import io.sipcgateway.gateway.client.LegacyClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One load run. Sessions sign in as the generated accounts {@code firstAccount .. firstAccount + sessions - 1}
 * (see {@code AccountGenerator}); the gateway must hold those accounts.
 *
 * @param host the gateway's SIP-C host
 * @param port the gateway's SIP-C port
 * @param sessions how many legacy sessions to open
 * @param firstAccount index of the first generated account to use
 * @param ramp new sessions per second
 * @param v2Share fraction of sessions that speak SIP-C/2.0, the rest SIP-C/4.0
 * @param rate messages per second, sent open-loop once all sessions are up; 0 sends none
 * @param inFlight if positive, send closed-loop instead: keep this many messages unanswered, each answer
 *     sending the next, to find the most the gateway carries ({@code rate} is then ignored)
 * @param duration how long messages are sent
 * @param warmup the first part of {@code duration} whose latencies are not recorded (JIT, connection set-up)
 * @param hold how long to stay signed in after the messages (idle sessions, e.g. to measure memory)
 * @param subscribe subscribe each session to its buddies' presence after login
 * @param presence set each session's presence (400, online) after login
 * @param answerTimeout the bound on every answer
 * @param loginThreads how many logins run at once (a login blocks its thread for two round trips)
 * @param ioThreads the event loop threads shared by all sessions
 * @param sipPeer a standard SIP user on the core (e.g. a sipp UAS) that receives a share of the messages
 */
public record LoadConfig(String host, int port, int sessions, int firstAccount, double ramp, double v2Share,
        double rate, int inFlight, Duration duration, Duration warmup, Duration hold, boolean subscribe, boolean presence,
        Duration answerTimeout, int loginThreads, int ioThreads, Optional<SipPeer> sipPeer) {
    /** Messages still unanswered beyond this are not sent but counted as errors: memory stays bounded. */
    public static final int MAX_IN_FLIGHT = 50_000;

    public LoadConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
        Objects.requireNonNull(sipPeer, "sipPeer");
        check(port > 0 && port < 65_536, "port must be 1..65535: " + port);
        check(sessions >= 2 && sessions <= 200_000, "sessions must be 2..200000 (messages need a pair): " + sessions);
        check(firstAccount >= 0, "first account must be >= 0: " + firstAccount);
        check(ramp > 0 && ramp <= 100_000, "ramp must be > 0 and <= 100000 per second: " + ramp);
        check(v2Share >= 0 && v2Share <= 1, "v2 share must be 0..1: " + v2Share);
        check(rate >= 0 && rate <= 1_000_000, "rate must be 0..1000000 per second: " + rate);
        check(inFlight >= 0 && inFlight <= MAX_IN_FLIGHT, "in-flight must be 0.." + MAX_IN_FLIGHT + ": " + inFlight);
        check(!duration.isNegative() && duration.toSeconds() <= 86_400, "duration must be 0..86400 s");
        check(!warmup.isNegative() && warmup.compareTo(duration) <= 0, "warm-up must be 0..duration");
        check(!hold.isNegative() && hold.toSeconds() <= 86_400, "hold must be 0..86400 s");
        check(!answerTimeout.isNegative() && !answerTimeout.isZero(), "answer timeout must be positive");
        check(loginThreads >= 1 && loginThreads <= 1024, "login threads must be 1..1024: " + loginThreads);
        check(ioThreads >= 1 && ioThreads <= 64, "io threads must be 1..64: " + ioThreads);
    }

    /**
     * A standard SIP user on the core that gets {@code share} of the messages instead of the sender's buddy.
     *
     * @param uri its address of record, {@code sip:user@domain}
     * @param share 0..1, spread evenly over the messages
     */
    public record SipPeer(String uri, double share) {
        public SipPeer {
            Objects.requireNonNull(uri, "uri");
            check(LegacyClient.isSipUri(uri),
                    "the SIP peer must be a sip:user@domain URI: " + uri);
            check(share >= 0 && share <= 1, "the SIP peer share must be 0..1: " + share);
        }

        /** Whether message {@code k} goes to the peer: {@code share} of any run of messages, evenly spread. */
        boolean takes(long k) {
            return inShare(k, share);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Session {@code i} speaks v2 when it falls in the v2 share, spread evenly rather than v2 first. */
    boolean isV2(int i) {
        return inShare(i, v2Share);
    }

    /** Whether item {@code i} falls in {@code share} of a run, spread evenly (a quarter: items 3, 7, 11, ...). */
    private static boolean inShare(long i, double share) {
        return Math.floor((i + 1) * share) > Math.floor(i * share);
    }
}
