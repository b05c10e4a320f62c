package io.sipcgateway.gateway.load;

import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.AccountDirectoryWriter;
import io.sipcgateway.gateway.config.GatewayConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate-accounts}: writes N synthetic accounts (sid 800000000 + i, user-id 500000000 + i, password
 * {@code pw<i>}, buddies i+1 .. i+5) as an accounts YAML for {@code run --accounts}; {@code load} signs in as them.
 */
@Command(name = "generate-accounts", mixinStandardHelpOptions = true,
        description = {"Write N synthetic accounts (sid 800000000+i, user-id 500000000+i, password pw<i>, "
                + "buddies i+1..i+5) as YAML for 'run --accounts'; the 'load' command signs in as them."})
public final class GenerateAccountsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many accounts.")
    private int count;

    @Option(names = "--domain", paramLabel = "DOMAIN", defaultValue = GatewayConfig.DEFAULT_DOMAIN,
            description = "The core's SIP domain, as given to 'run --domain'. Default: ${DEFAULT-VALUE}.")
    private String domain;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the YAML.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 1_000_000) {
            spec.commandLine().getErr().println("generate-accounts: --count must be 1..1000000");
            return 2;
        }
        long t0 = System.nanoTime();
        String yaml = AccountDirectoryWriter.toYaml(AccountDirectory.generate(count, domain), domain);
        Files.writeString(out, yaml, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "wrote %d accounts to %s in %.2f s", count,
                out, (System.nanoTime() - t0) / 1e9));
        return 0;
    }
}
