package io.sipcgateway.gateway.inspect.json;

import io.sipcgateway.gateway.inspect.InspectionSink;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --inspect-log FILE}: one {@link EventJson} object per line (JSON Lines), the file rotated by size
 * ({@code FILE}, {@code FILE.1} ... {@code FILE.<maxFiles-1>}); {@code --inspect-log -} writes to standard output
 * without rotation. Every line is flushed as written. Write failures are logged, and the event is lost.
 */
public final class JsonLinesSink implements InspectionSink {
    public static final String STDOUT = "-";
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_FILES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesSink.class);

    private final String name;
    private final SizeRotatingFile file;
    private final PrintStream stdout;
    private long failures;

    private JsonLinesSink(String name, SizeRotatingFile file, PrintStream stdout) {
        this.name = name;
        this.file = file;
        this.stdout = stdout;
    }

    /** {@code target} is a file path or {@value #STDOUT}; the rotation limits apply to files only. */
    public static JsonLinesSink open(String target, long maxBytes, int maxFiles) throws IOException {
        return STDOUT.equals(target) ? to(System.out) : file(Path.of(target), maxBytes, maxFiles);
    }

    public static JsonLinesSink file(Path path, long maxBytes, int maxFiles) throws IOException {
        return new JsonLinesSink(path.toString(), new SizeRotatingFile(path, maxBytes, maxFiles), null);
    }

    /** To a stream the sink does not own (standard output); {@link #close()} only flushes it. */
    public static JsonLinesSink to(PrintStream out) {
        return new JsonLinesSink(STDOUT, null, out);
    }

    @Override
    public void accept(TranslationEvent event) {
        byte[] line = (EventJson.toLine(event) + "\n").getBytes(StandardCharsets.UTF_8);
        if (stdout != null) {
            stdout.write(line, 0, line.length);
            stdout.flush();
            return;
        }
        try {
            file.write(line);
        } catch (IOException e) {
            if (failures++ == 0) {
                LOG.warn("inspection log {} write failed (further failures at debug level)", name, e);
            } else {
                LOG.debug("inspection log {} write failed ({} failures)", name, failures, e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        } else {
            stdout.flush();
        }
    }

    @Override
    public String toString() {
        return "jsonl(" + name + ")";
    }
}
