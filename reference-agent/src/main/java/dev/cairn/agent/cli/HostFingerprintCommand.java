package dev.cairn.agent.cli;

import dev.cairn.agent.AgentExit;
import dev.cairn.agent.host.HostBinding;
import dev.cairn.agent.host.HostFingerprint;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn-agent host-fingerprint}: prints this machine's host fingerprint and its sources. */
@Command(
        name = "host-fingerprint",
        mixinStandardHelpOptions = true,
        description = "Prints this machine's host fingerprint (spec/agent.md, \"Host binding\") and its sources.")
final class HostFingerprintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--host-root",
            paramLabel = "DIR",
            defaultValue = "/",
            description = "Directory the identifier files are read under (default: ${DEFAULT-VALUE}).")
    Path hostRoot;

    @Override
    public Integer call() {
        HostFingerprint fingerprint = HostBinding.at(hostRoot).current();
        spec.commandLine().getOut().println(fingerprint + " " + fingerprint.sourceNames());
        return AgentExit.OK.code();
    }
}
