package io.sipcgateway.gateway.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long loading {@code accounts.yaml} takes: a one-off cost at start, so single-shot time, file to directory.
 * {@code hashes} is the file {@link AccountDirectoryWriter} writes; {@code passwords} has {@code password:} lines,
 * so each account is also hashed three times. Accounts are {@link AccountDirectory#generate}'s: five buddies each.
 * <pre>
 * mvn -Pbench -pl gateway -am package -DskipTests
 * java -jar gateway/target/benchmarks.jar AccountDirectoryLoadBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class AccountDirectoryLoadBenchmark {
    private static final String CORE_DOMAIN = "example.test";

    @Param({"100000"})
    int accounts;

    @Param({"hashes", "passwords"})
    String credentials;

    private Path file;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        String yaml = AccountDirectoryWriter.toYaml(AccountDirectory.generate(accounts, CORE_DOMAIN), CORE_DOMAIN);
        if (credentials.equals("passwords")) {
            yaml = withPasswords(yaml);
        }
        file = Files.createTempFile("accounts-", ".yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public AccountDirectory load() {
        LoadResult result = new AccountDirectoryLoader(CORE_DOMAIN).load(file);
        if (result instanceof LoadResult.Failed failed) {
            throw new IllegalStateException(failed.describe());
        }
        return ((LoadResult.Loaded) result).directory();
    }

    /** The generator's password is {@code pw<i>} for the i-th account. */
    private static String withPasswords(String yaml) {
        StringBuilder out = new StringBuilder(yaml.length());
        int index = -1;
        for (String line : yaml.split("\n")) {
            if (line.startsWith("  - sid: ")) {
                index++;
            }
            if (line.startsWith("    md5-sess-key: ")) {
                out.append("    password: pw").append(index).append('\n');
            } else if (!line.startsWith("    sha1-password: ") && !line.startsWith("    v4-digest: ")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
