package io.sipcgateway.gateway.inspect;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real tools for the integration tests (sngrep, tshark), installed from Debian by {@code .ci/install-deps}. A missing
 * tool fails the test with the install command; it is never skipped.
 */
public final class ExternalTools {

    /** What a finished command printed. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private ExternalTools() {
    }

    /** The executable {@code name} on the PATH (or in /usr/bin, /usr/sbin); fails the test if it is missing. */
    public static Path require(String name, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        List<String> dirs = new ArrayList<>(List.of(path.split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/sbin"));
        for (String dir : dirs) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail(name + " is not installed; this test needs the real tool: apt-get install -y " + debianPackage
                + " (CI installs it with .ci/install-deps)");
    }

    /** Runs a command to completion, output in temporary files (no pipe fills up); kills it after {@code timeout}. */
    public static Result run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool-", ".out");
        Path err = Files.createTempFile("tool-", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs a command that must succeed and returns its standard output. */
    public static String output(Duration timeout, String... command) throws IOException, InterruptedException {
        Result result = run(timeout, List.of(command));
        if (result.exitCode() != 0) {
            fail(String.join(" ", command) + " exited " + result.exitCode() + ": " + result.stderr());
        }
        return result.stdout();
    }
}
