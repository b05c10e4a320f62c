package io.sipcgateway.gateway.inspect;

import io.sipcgateway.gateway.inspect.hep.HepSink;
import io.sipcgateway.gateway.inspect.json.JsonLinesSink;
import io.sipcgateway.gateway.inspect.pcap.PcapSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The inspection command-line options, parsed, and the sinks they ask for. The CLI fills this record and the gateway
 * passes {@link #openSinks()} and {@link #inspectorConfig()} to {@link Inspector#create}.
 *
 * @param log {@code --inspect-log FILE|-}: JSON Lines to a size-rotated file or standard output
 * @param logMaxBytes rotate the log file beyond this size
 * @param logMaxFiles files kept, the current one included
 * @param hep {@code --hep HOST:PORT}: HEP3 over UDP to sngrep or Homer
 * @param hepCaptureId the HEP capture agent id (chunk 0x000c)
 * @param pcap {@code --pcap FILE}
 * @param pcapMaxBytes stop writing the pcap beyond this size
 * @param redactBodies {@code --inspect-redact-bodies}
 * @param off {@code --no-inspect}: record no pairs at all (no sink, no live view); the metrics still count every
 *     message. For operators who must not keep message text, and the baseline of the inspection-cost benchmark.
 */
public record InspectOptions(Optional<String> log, long logMaxBytes, int logMaxFiles, Optional<String> hep,
        long hepCaptureId, Optional<Path> pcap, long pcapMaxBytes, boolean redactBodies, boolean off) {
    /** No sink, the default limits. */
    public static final InspectOptions NONE = new InspectOptions(Optional.empty(), JsonLinesSink.DEFAULT_MAX_BYTES,
            JsonLinesSink.DEFAULT_MAX_FILES, Optional.empty(), HepSink.DEFAULT_CAPTURE_ID, Optional.empty(),
            PcapSink.DEFAULT_MAX_BYTES, false, false);

    public InspectOptions {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(hep, "hep");
        Objects.requireNonNull(pcap, "pcap");
        if (logMaxBytes < 1 || logMaxFiles < 1 || pcapMaxBytes < 1) {
            throw new IllegalArgumentException("inspection size limits must be positive");
        }
        if (off && (log.isPresent() || hep.isPresent() || pcap.isPresent())) {
            throw new IllegalArgumentException("--no-inspect cannot be combined with --inspect-log, --hep or --pcap");
        }
    }

    public InspectOptions withLog(String target) {
        return new InspectOptions(Optional.of(target), logMaxBytes, logMaxFiles, hep, hepCaptureId, pcap, pcapMaxBytes,
                redactBodies, off);
    }

    public InspectOptions withHep(String hostPort) {
        return new InspectOptions(log, logMaxBytes, logMaxFiles, Optional.of(hostPort), hepCaptureId, pcap,
                pcapMaxBytes, redactBodies, off);
    }

    public InspectOptions withPcap(Path file) {
        return new InspectOptions(log, logMaxBytes, logMaxFiles, hep, hepCaptureId, Optional.of(file), pcapMaxBytes,
                redactBodies, off);
    }

    public InspectOptions withRedactBodies(boolean value) {
        return new InspectOptions(log, logMaxBytes, logMaxFiles, hep, hepCaptureId, pcap, pcapMaxBytes, value, off);
    }

    /** {@code --no-inspect}. */
    public InspectOptions withOff(boolean value) {
        return new InspectOptions(log, logMaxBytes, logMaxFiles, hep, hepCaptureId, pcap, pcapMaxBytes, redactBodies,
                value);
    }

    /** True if any sink is asked for. */
    public boolean anySink() {
        return log.isPresent() || hep.isPresent() || pcap.isPresent();
    }

    public InspectorConfig inspectorConfig() {
        return InspectorConfig.DEFAULT.withRedactBodies(redactBodies);
    }

    /**
     * Opens every sink asked for; if one fails, those already open are closed.
     *
     * @throws IOException if a file cannot be created or the HEP socket cannot be opened
     * @throws IllegalArgumentException if the HEP address is malformed or does not resolve
     */
    public List<InspectionSink> openSinks() throws IOException {
        List<InspectionSink> sinks = new ArrayList<>(3);
        try {
            if (log.isPresent()) {
                sinks.add(JsonLinesSink.open(log.get(), logMaxBytes, logMaxFiles));
            }
            if (hep.isPresent()) {
                sinks.add(HepSink.open(hep.get(), hepCaptureId));
            }
            if (pcap.isPresent()) {
                sinks.add(PcapSink.open(pcap.get(), pcapMaxBytes));
            }
            return List.copyOf(sinks);
        } catch (IOException | RuntimeException e) {
            for (InspectionSink sink : sinks) {
                try {
                    sink.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }
}
