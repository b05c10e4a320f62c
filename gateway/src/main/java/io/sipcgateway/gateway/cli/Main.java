package io.sipcgateway.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sipc-gateway} command. Each function is a subcommand: {@code translate} today; {@code run},
 * {@code client} and {@code hash-password} are added beside it by registering them in {@link #commandLine()}.
 */
@Command(name = "sipc-gateway", mixinStandardHelpOptions = true, version = "sipc-gateway 0.1.0",
        description = "Bridges legacy Fetion SIP-C clients to a SIP/SIMPLE core.",
        subcommands = {TranslateCommand.class, InspectCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree; tests call {@code execute} on it with their own output streams. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        // No subcommand given: say what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
