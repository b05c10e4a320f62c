package io.sipcgateway.gateway.inspect.json;

import io.sipcgateway.gateway.inspect.InspectionSink;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --inspect-log FILE}: one {@link EventJson} object per line (JSON Lines), the file rotated by size
 * ({@code FILE}, {@code FILE.1} ... {@code FILE.<maxFiles-1>}); {@code --inspect-log -} writes to standard output
 * without rotation. Lines are buffered and written out when the recorder flushes ({@link #flush()}: when it is idle, and
 * at least every few milliseconds under load), never cut in two. Write failures are logged, and the event is lost.
 */
public final class JsonLinesSink implements InspectionSink {
    public static final String STDOUT = "-";
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_FILES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesSink.class);

    private final String name;
    private final SizeRotatingFile file;
    private final PrintStream stdout;
    /** The line being written, reused: one event's JSON is serialised here, then copied to the file's buffer. */
    private final LineBuffer line = new LineBuffer();
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
        line.reset();
        try {
            EventJson.writeLine(event, line);
            if (stdout != null) {
                stdout.write(line.bytes(), 0, line.size());
            } else {
                file.write(line.bytes(), line.size());
            }
        } catch (IOException e) {
            failed("write", e);
        }
    }

    @Override
    public void flush() {
        if (stdout != null) {
            stdout.flush();
            return;
        }
        try {
            file.flush();
        } catch (IOException e) {
            failed("flush", e);
        }
    }

    private void failed(String what, IOException e) {
        if (failures++ == 0) {
            LOG.warn("inspection log {} {} failed (further failures at debug level)", name, what, e);
        } else {
            LOG.debug("inspection log {} {} failed ({} failures)", name, what, failures, e);
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

    /** A byte array output stream whose array can be read without a copy. */
    private static final class LineBuffer extends ByteArrayOutputStream {
        LineBuffer() {
            super(4096);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
