package io.sipcgateway.gateway.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kamailio running the project's {@code kamailio/kamailio.cfg} on 127.0.0.1, for integration tests. Picks a
 * free UDP+TCP port, prepares a db_text directory in a temp dir, runs {@code kamailio -DD -E} with its output in
 * {@code target/kamailio-<name>-<port>.log}, and waits for a 200 to an OPTIONS. Can be stopped and started again on
 * the same port. Use it as {@code @RegisterExtension static final KamailioCore CORE = ...} (started before all
 * tests, closed after all) or with try-with-resources. Needs the Debian packages {@code kamailio} and
 * {@code kamailio-presence-modules} (see {@code .ci/install-deps}).
 */
public final class KamailioCore implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String DEFAULT_DOMAIN = "example.test";

    static final Path KAMAILIO = Path.of("/usr/sbin/kamailio");

    private static final Logger LOG = LoggerFactory.getLogger(KamailioCore.class);
    private static final String APT_HINT =
            "install the Debian packages: apt-get install -y kamailio kamailio-presence-modules (see .ci/install-deps)";
    // Cold start to the first 200 is 20-40 ms here (reference doc section 2); 10 s only bounds a broken start.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    // SIGTERM to exit takes milliseconds with little state, seconds with tens of thousands of contacts
    // (reference doc section 9 item 13).
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(200);
    private static final int PORT_ATTEMPTS = 50;

    private final String name;
    private final String domain;
    private final List<String> defines;
    private final int shmMegabytes;
    private final int pkgMegabytes;
    private final Path logDir;

    private Path workDir;
    private Path logFile;
    private int port;
    private int starts;
    private Process process;
    private List<ProcessHandle> children = List.of();
    private Thread shutdownHook;
    private String unexpectedExit;

    private KamailioCore(Builder builder) {
        this.name = builder.name;
        this.domain = builder.domain;
        this.defines = List.copyOf(builder.defines);
        this.shmMegabytes = builder.shmMegabytes;
        this.pkgMegabytes = builder.pkgMegabytes;
        this.logDir = Path.of(System.getProperty("kamailio.logDir", "target"));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Starts Kamailio and returns once it answers an OPTIONS with 200. The first start picks the port and creates the
     * db_text directory; later starts reuse both, like a restarted server with a persistent DB (usrloc and published
     * state are memory-only and come back empty; subscriptions are reloaded from db_text).
     */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("kamailio " + name + " is already running on port " + port);
        }
        checkInstalled();
        boolean first = workDir == null;
        try {
            if (first) {
                prepareWorkDir();
                startOnFreePort();
            } else {
                launch();
                awaitReady();
            }
        } catch (IOException e) {
            cleanUpFailedStart(first);
            throw new UncheckedIOException("cannot start kamailio " + name + "; log: " + logFile, e);
        } catch (RuntimeException e) {
            cleanUpFailedStart(first);
            throw e;
        }
        LOG.info("kamailio {} ready on {}:{} (udp+tcp), domain {}, log {}", name, HOST, port, domain, logFile);
    }

    /**
     * Stops Kamailio: SIGTERM to the main process, which stops its children; after 15 s SIGKILL to the main process
     * and to every child it had. Returns when all of them are gone. Records it if Kamailio had died on its own.
     */
    public synchronized void stop() {
        terminate(true);
    }

    private void terminate(boolean expectAlive) {
        if (process == null) {
            return;
        }
        Process main = process;
        process = null;
        if (expectAlive && !main.isAlive()) {
            unexpectedExit = "kamailio " + name + " exited by itself with code " + main.exitValue()
                    + " before stop(); see " + logFile;
            LOG.error(unexpectedExit);
        }
        // Children must be collected before the main process exits: after that they are re-parented to init and
        // are no longer its descendants.
        List<ProcessHandle> forked = new ArrayList<>(children);
        main.descendants().forEach(forked::add);
        main.destroy();
        boolean exited = ProcessWaits.waitFor(main, STOP_TIMEOUT);
        if (!exited) {
            LOG.warn("kamailio {} did not exit {} after SIGTERM; sending SIGKILL", name, STOP_TIMEOUT);
            main.destroyForcibly();
            ProcessWaits.waitFor(main, Duration.ofSeconds(5));
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        for (ProcessHandle child : forked) {
            ProcessWaits.awaitExit(child, Duration.between(Instant.now(), deadline));
            if (child.isAlive()) {
                LOG.warn("kamailio {} child {} outlived its parent; sending SIGKILL", name, child.pid());
                child.destroyForcibly();
            }
        }
        appendToLog("=== sipc-gateway harness: kamailio stopped" + (exited ? "" : " (SIGKILL)"));
        removeShutdownHook();
    }

    /** Stops Kamailio and deletes its temp dir; fails if Kamailio had died on its own (e.g. a crashed worker). */
    @Override
    public synchronized void close() {
        stop();
        deleteWorkDir();
        if (unexpectedExit != null) {
            throw new IllegalStateException(unexpectedExit);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Fails loudly when the server died: one crashed worker takes the whole server down (reference doc 9.2). */
    public synchronized void assertRunning() {
        if (!isRunning()) {
            throw new IllegalStateException("kamailio " + name + " is not running; log: " + logFile + "\n" + logTail());
        }
    }

    public int port() {
        return port;
    }

    public String host() {
        return HOST;
    }

    public String domain() {
        return domain;
    }

    /** The server's own SIP URI, as it puts it in Contact headers of presence responses and NOTIFYs. */
    public String selfUri() {
        return "sip:" + HOST + ":" + port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of this server's log, for failure messages. */
    public String logTail() {
        if (logFile == null || !Files.exists(logFile)) {
            return "(no log)";
        }
        try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    /**
     * Sends raw bytes over UDP to the core and returns the first datagram that comes back within {@code timeout}, or
     * {@code null} when none does. For what a SIP stack would refuse to send: malformed requests, health probes.
     */
    public String exchangeRawUdp(String message, Duration timeout) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST), 0))) {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            byte[] bytes = message.replace("${localPort}", Integer.toString(socket.getLocalPort()))
                    .getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(HOST), port));
            byte[] buffer = new byte[65535];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(reply);
            } catch (SocketTimeoutException e) {
                return null;
            }
            return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
        }
    }

    private void checkInstalled() {
        if (!Files.isExecutable(KAMAILIO)) {
            throw new IllegalStateException(KAMAILIO + " not found: " + APT_HINT);
        }
        if (!Files.isDirectory(KamailioWorkDir.DBTEXT_SCHEMA)) {
            throw new IllegalStateException(KamailioWorkDir.DBTEXT_SCHEMA + " (db_text schema of package kamailio) not found: "
                    + APT_HINT);
        }
        // The module path is /usr/lib/<multiarch>/kamailio/modules; kamailio itself would only say "could not find
        // module presence", so name the package here.
        try (DirectoryStream<Path> libs = Files.newDirectoryStream(Path.of("/usr/lib"))) {
            for (Path lib : libs) {
                if (Files.exists(lib.resolve("kamailio/modules/presence.so"))) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("presence.so not found under /usr/lib/*/kamailio/modules: " + APT_HINT);
    }

    private void prepareWorkDir() throws IOException {
        workDir = KamailioWorkDir.create(name);
        Files.createDirectories(logDir);
    }

    private void startOnFreePort() throws IOException {
        // The port is only known to be free when probed, so another process can take it before kamailio binds it.
        // Retry with a new port when the start fails while binding.
        for (int attempt = 1; ; attempt++) {
            port = findFreeUdpAndTcpPort();
            logFile = logDir.resolve("kamailio-" + name + "-" + port + ".log");
            launch();
            try {
                awaitReady();
                return;
            } catch (IllegalStateException e) {
                boolean bindFailure = logTail().contains("bind");
                stopQuietly();
                if (!bindFailure || attempt == 3) {
                    throw e;
                }
                LOG.warn("kamailio {} could not bind port {}; retrying on another port", name, port);
            }
        }
    }

    /**
     * A port free for UDP and TCP on 127.0.0.1, below the kernel's ephemeral range (32768-60999 by default): jain-sip
     * test UAs bind ephemeral ports, and one of them could otherwise take the core's port while it is stopped for a
     * restart.
     */
    static int findFreeUdpAndTcpPort() throws IOException {
        InetAddress loopback = InetAddress.getByName(HOST);
        for (int i = 0; i < PORT_ATTEMPTS; i++) {
            int candidate = ThreadLocalRandom.current().nextInt(20000, 32000);
            try (ServerSocket tcp = new ServerSocket();
                 DatagramSocket udp = new DatagramSocket(null)) {
                tcp.bind(new InetSocketAddress(loopback, candidate));
                udp.bind(new InetSocketAddress(loopback, candidate));
                return candidate;
            } catch (IOException busy) {
                // taken for TCP or UDP: try another one
            }
        }
        throw new IOException("no free UDP+TCP port on " + HOST + " after " + PORT_ATTEMPTS + " attempts");
    }

    private void launch() throws IOException {
        starts++;
        List<String> command = new ArrayList<>(List.of(
                KAMAILIO.toString(),
                "-f", workDir.resolve("kamailio.cfg").toString(),
                // -DD: no daemon, the main process stays our child; -E: log to stderr (no syslog in containers)
                "-DD", "-E",
                "-m", Integer.toString(shmMegabytes),
                "-M", Integer.toString(pkgMegabytes),
                // -w: a crash dumps core here, not into / (reference doc 9.2); -Y: runtime files (FIFOs, sockets)
                "-w", workDir.resolve("run").toString(),
                "-Y", workDir.resolve("run").toString(),
                // The config's parameters (kamailio.cfg header): bare tokens for address and port, quoted strings
                // for the rest. ProcessBuilder passes each argument as is, so the quotes reach kamailio.
                "-A", "KC_LISTEN_IP=" + HOST,
                "-A", "KC_PORT=" + port,
                "-A", "KC_DOMAIN=\"" + domain + "\"",
                "-A", "KC_SELF_URI=\"" + selfUri() + "\"",
                "-A", "KC_DB_URL=\"text://" + workDir.resolve("db") + "\""));
        for (String define : defines) {
            command.add("-A");
            command.add(define);
        }
        appendToLog("=== sipc-gateway harness: start #" + starts + ": " + String.join(" ", command));
        process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        addShutdownHook();
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kamailio " + name + " exited with code " + process.exitValue()
                        + " while starting; log " + logFile + ":\n" + logTail());
            }
            String reply = exchangeRawUdp(optionsProbe(), PROBE_TIMEOUT);
            if (reply != null && reply.startsWith("SIP/2.0 200")) {
                // Remember the forked workers now: stop() must be able to kill them even if the main process dies.
                children = process.descendants().toList();
                return;
            }
        }
        throw new IllegalStateException("kamailio " + name + " did not answer OPTIONS on " + HOST + ":" + port
                + " within " + READY_TIMEOUT + "; log " + logFile + ":\n" + logTail());
    }

    private String optionsProbe() {
        String id = UUID.randomUUID().toString();
        return "OPTIONS " + selfUri() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + HOST + ":${localPort};branch=z9hG4bK-" + id + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:harness@" + domain + ">;tag=" + id.substring(0, 8) + "\r\n"
                + "To: <" + selfUri() + ">\r\n"
                + "Call-ID: probe-" + id + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }



    /** After a failed first start nothing is kept, so a later start() begins from scratch. */
    private void cleanUpFailedStart(boolean first) {
        stopQuietly();
        if (first) {
            deleteWorkDir();
        }
    }

    /** Cleanup after a failed start: the exception of the start already reports what happened. */
    private void stopQuietly() {
        try {
            terminate(false);
        } catch (RuntimeException e) {
            LOG.warn("cleanup of kamailio {} failed", name, e);
        }
    }

    private void appendToLog(String line) {
        if (logFile == null) {
            return;
        }
        try {
            Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("cannot write {}", logFile, e);
        }
    }

    /** Kills the server if the JVM exits without close(), e.g. when Failsafe's fork is terminated. */
    private void addShutdownHook() {
        if (shutdownHook != null) {
            return;
        }
        Process main = process;
        shutdownHook = new Thread(() -> {
            main.descendants().forEach(ProcessHandle::destroyForcibly);
            main.destroyForcibly();
        }, "kamailio-" + name + "-killer");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void removeShutdownHook() {
        if (shutdownHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing to remove
        }
        shutdownHook = null;
    }

    private void deleteWorkDir() {
        if (workDir == null) {
            return;
        }
        try {
            KamailioWorkDir.delete(workDir);
        } catch (IOException e) {
            LOG.warn("cannot delete {}", workDir, e);
        }
        workDir = null;
    }

    /** Options of one server instance; defaults suit the integration tests. */
    public static final class Builder {
        private final String name;
        private String domain = DEFAULT_DOMAIN;
        private final List<String> defines = new ArrayList<>();
        private int shmMegabytes = 64;
        private int pkgMegabytes = 8;

        private Builder(String name) {
            if (!name.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("name is used in file names: letters, digits, '-' only");
            }
            this.name = name;
        }

        /** The SIP domain served (kamailio.cfg {@code KC_DOMAIN}); default {@code example.test}. */
        public Builder domain(String sipDomain) {
            this.domain = sipDomain;
            return this;
        }

        /** An extra pre-processor define, e.g. {@code WITH_MSILO} or {@code WITH_DEBUG}. */
        public Builder define(String define) {
            this.defines.add(define);
            return this;
        }

        /** Shared memory in MB ({@code -m}); 64 is enough for functional tests, not for load (reference doc 8). */
        public Builder sharedMemoryMegabytes(int megabytes) {
            this.shmMegabytes = megabytes;
            return this;
        }

        /** Private memory per process in MB ({@code -M}). */
        public Builder privateMemoryMegabytes(int megabytes) {
            this.pkgMegabytes = megabytes;
            return this;
        }

        public KamailioCore build() {
            return new KamailioCore(this);
        }
    }
}
