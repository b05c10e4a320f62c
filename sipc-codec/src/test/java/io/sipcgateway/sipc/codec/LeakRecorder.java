package io.sipcgateway.sipc.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Turns Netty's leak reports into test failures. Registered as a JUnit launcher-session listener so that it installs
 * its detector factory before any buffer class loads; the Surefire argLine sets the paranoid level, so every buffer
 * is tracked. Netty logs leaks and goes on; a test suite must not.
 */
public final class LeakRecorder implements LauncherSessionListener {
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    /** Collects garbage, lets the detectors poll their queues, and fails if any buffer was leaked. */
    public static void assertNoLeaks() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            System.runFinalization();
            ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(8); // allocation is when detectors report
            probe.release();
        }
        if (!LEAKS.isEmpty()) {
            List<String> copy = List.copyOf(LEAKS);
            LEAKS.clear();
            throw new AssertionError(copy.size() + " buffer leak(s):\n" + String.join("\n", copy));
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return new ResourceLeakDetector<T>(resource, samplingInterval) {
                @Override
                protected void reportTracedLeak(String resourceType, String records) {
                    LEAKS.add(resourceType + " leaked: " + records);
                    super.reportTracedLeak(resourceType, records);
                }

                @Override
                protected void reportUntracedLeak(String resourceType) {
                    LEAKS.add(resourceType + " leaked (untraced)");
                    super.reportUntracedLeak(resourceType);
                }
            };
        }
    }
}
