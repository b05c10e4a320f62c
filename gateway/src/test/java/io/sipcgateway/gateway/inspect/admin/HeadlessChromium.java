package io.sipcgateway.gateway.inspect.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium}, run headless once per call: {@code --dump-dom} for the DOM after the page's scripts
 * ran, {@code --screenshot} for a PNG. Virtual time lets timers and fetches settle without a real-time sleep; it
 * never runs out while a request is open, so those pages are opened paused ({@code ?live=0}).
 * Missing chromium is a test failure with the install hint, never a skip: CI installs it (.ci/install-deps).
 */
final class HeadlessChromium {
    static final String APT_HINT = "install Debian's chromium: apt-get install -y chromium (see .ci/install-deps)";
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final long TIMEOUT_SECONDS = 90;
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions");

    private final Path binary;
    private final Path work;
    private int runs;

    private HeadlessChromium(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /** The installed chromium ({@code -Dchromium.binary=} overrides), with its profile and logs under {@code work}. */
    static HeadlessChromium find(Path work) {
        String configured = System.getProperty("chromium.binary");
        List<String> candidates = configured != null ? List.of(configured) : CANDIDATES;
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return new HeadlessChromium(path, work);
            }
        }
        throw new IllegalStateException("chromium not found at " + candidates + ": " + APT_HINT);
    }

    /** A browser kept running, for a page that must be watched over time (a live stream). */
    DevToolsPage devTools() throws Exception {
        List<String> flags = new ArrayList<>(FLAGS);
        flags.add("--window-size=1400,900");
        return DevToolsPage.open(binary, flags, work.resolve("profile-" + ++runs));
    }

    /** The serialized DOM of {@code url} once the page settled (a page with an open stream never does). */
    String dumpDom(String url) throws IOException, InterruptedException {
        return run(url, List.of("--dump-dom"));
    }

    /** Saves a {@code width}x{@code height} screenshot of {@code url} to {@code png}. */
    void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        run(url, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars"));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new AssertionError("chromium wrote no screenshot to " + png + "; its log: " + log());
        }
    }

    private String run(String url, List<String> mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(FLAGS);
        command.addAll(List.of("--user-data-dir=" + work.resolve("profile-" + ++runs), "--virtual-time-budget=5000"));
        command.addAll(mode);
        command.add(url);
        Path out = work.resolve("chromium-stdout.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(work.resolve("chromium-stderr.txt").toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + "s; its log: " + log());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + process.exitValue() + "; its log: " + log());
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private String log() throws IOException {
        String log = Files.readString(work.resolve("chromium-stderr.txt"), StandardCharsets.UTF_8);
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }
}
