package io.sipcgateway.gateway.cli;

import io.sipcgateway.gateway.accounts.PasswordHashes;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hash-password}: prints the hashes the legacy logins need for an account, as YAML lines to paste into the
 * accounts file, so no plain password has to be stored there.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Print the v2/v4 password hashes of an account as YAML lines for the accounts file.")
public final class HashPasswordCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--sid", required = true, paramLabel = "N", description = "The account's Fetion number.")
    private String sid;

    @Option(names = "--password", paramLabel = "P",
            description = "The password; when absent it is read from the console without echo, or from stdin.")
    private String password;

    @Override
    public Integer call() throws Exception {
        String secret = password;
        if (secret == null) {
            Console console = System.console();
            secret = console != null ? new String(console.readPassword("password: "))
                    : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (secret == null || secret.isEmpty()) {
            spec.commandLine().getErr().println("hash-password: no password given");
            return 2;
        }
        try {
            spec.commandLine().getOut().print(PasswordHashes.of(sid, secret).toYaml());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("hash-password: " + e.getMessage());
            return 2;
        }
        return 0;
    }
}
