package io.sipcgateway.gateway.legacy;

import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link CoreBridge} test double: every forwarded request is answered {@code 200 OK} at once, and every call is
 * recorded, in order, for assertions and bounded waits.
 */
public final class RecordingCoreBridge implements CoreBridge {
    /** One call the sessions made. */
    public sealed interface Call {
        String sid();
    }

    public record SignedInCall(String sid, SignedInUser user) implements Call {
    }

    public record SignedOutCall(String sid, String reason) implements Call {
    }

    public record ForwardedCall(String sid, SipcRequest request) implements Call {
    }

    public record AnsweredCall(String sid, SipcResponse response) implements Call {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Call> arrivals = new LinkedBlockingQueue<>();

    @Override
    public void signedIn(SignedInUser user) {
        record(new SignedInCall(user.sid(), user));
    }

    @Override
    public void signedOut(SignedInUser user, String reason) {
        record(new SignedOutCall(user.sid(), reason));
    }

    @Override
    public void forward(SignedInUser user, SipcRequest request, Consumer<SipcResponse> reply) {
        record(new ForwardedCall(user.sid(), request));
        reply.accept(request.reply(SipcStatus.OK));
    }

    @Override
    public void legacyAnswered(SignedInUser user, SipcResponse response) {
        record(new AnsweredCall(user.sid(), response));
    }

    private void record(Call call) {
        calls.add(call);
        arrivals.add(call);
    }

    /** Every call so far, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Every call of {@code type} so far. */
    public <T extends Call> List<T> calls(Class<T> type) {
        return calls.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The first call of {@code type} matching {@code match}, recorded so far or within {@code timeout}. */
    public <T extends Call> Optional<T> await(Class<T> type, Predicate<T> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Optional<T> found = calls(type).stream().filter(match).findFirst();
                long left = deadline - System.nanoTime();
                if (found.isPresent() || left <= 0) {
                    return found;
                }
                arrivals.poll(left, TimeUnit.NANOSECONDS); // a wake-up only: every call is in calls
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
