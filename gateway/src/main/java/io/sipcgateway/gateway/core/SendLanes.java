package io.sipcgateway.gateway.core;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few single-thread lanes for work toward the core: the work of one key (a user) always runs on the same lane, in
 * the order submitted, while different users' work runs in parallel. jain-sip's send path blocks (socket writes,
 * its channel locks), so it must not run on Netty's event loops; one lane alone was measured to fall behind a cold
 * JVM at 1,000 messages/s (BENCHMARKS.md), as many lanes as event loops keep the parallelism of sending from them.
 * Each lane's queue is bounded: a full lane refuses work instead of growing without limit.
 */
final class SendLanes implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ThreadPoolExecutor[] lanes;

    /**
     * @param count lanes (threads), at least 1
     * @param maxQueued tasks each lane may hold waiting
     */
    SendLanes(int count, int maxQueued) {
        if (count < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("need at least one lane and one queued task: " + count + ", "
                    + maxQueued);
        }
        int id = IDS.incrementAndGet();
        lanes = new ThreadPoolExecutor[count];
        for (int i = 0; i < count; i++) {
            String name = "core-sender-" + id + "-" + i;
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(maxQueued),
                    r -> {
                        Thread t = new Thread(r, name);
                        t.setDaemon(true);
                        return t;
                    }, new ThreadPoolExecutor.AbortPolicy());
        }
    }

    /**
     * Runs {@code task} on {@code key}'s lane after everything queued there before it.
     *
     * @throws RejectedExecutionException if that lane's queue is full or the lanes are closed
     */
    void execute(String key, Runnable task) {
        lanes[Math.floorMod(key.hashCode(), lanes.length)].execute(task);
    }

    /** Tasks waiting in all lanes. */
    int queued() {
        int sum = 0;
        for (ThreadPoolExecutor lane : lanes) {
            sum += lane.getQueue().size();
        }
        return sum;
    }

    boolean isClosed() {
        return lanes[0].isShutdown();
    }

    /** Stops every lane; queued tasks are dropped. */
    @Override
    public void close() {
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdownNow();
        }
    }
}
