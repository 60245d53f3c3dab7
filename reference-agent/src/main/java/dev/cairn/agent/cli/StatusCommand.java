package dev.cairn.agent.cli;

import dev.cairn.agent.AgentExit;
import dev.cairn.agent.host.HostBinding;
import dev.cairn.agent.state.AgentState;
import dev.cairn.agent.state.CheckedActive;
import dev.cairn.agent.state.CheckedState;
import dev.cairn.agent.state.Enrollment;
import dev.cairn.agent.state.StateCheck;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn-agent status}: runs the start-up checks on a state directory without taking it over
 * (it may be read next to a running agent) and prints the state, or fails with the check's exit code.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Checks the state directory as start-up does (spec/agent.md, \"Start-up checks\") and"
                + " prints it; exits with the code of the first check that fails.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR", required = true, description = "The agent's state directory.")
    Path stateDir;

    @Option(
            names = "--host-root",
            paramLabel = "DIR",
            defaultValue = "/",
            description = "Directory the host identifier files are read under (default: ${DEFAULT-VALUE}).")
    Path hostRoot;

    @Override
    public Integer call() {
        StateCheck check = StateCheck.builder()
                .clock(Clock.systemUTC())
                .hostBinding(HostBinding.at(hostRoot))
                .build();
        // Status reads the key only to check that the certificate certifies it.
        CheckedState checked = check.check(stateDir, InsecureSecretKeyAccess.get());
        AgentState state = checked.generation().state();
        Enrollment enrollment = state.enrollment();
        PrintWriter out = spec.commandLine().getOut();
        out.println("phase: " + state.phase().wireName());
        out.println("generation: " + checked.generation().number());
        state.nodeId().ifPresent(id -> out.println("node: " + id.uri()));
        out.println("cluster: " + enrollment.cluster().orElse("(from the join token)"));
        out.println("server: " + enrollment.serverUrl());
        out.println("ca_fingerprint: " + enrollment.caPin());
        out.println("join_request: " + enrollment.joinRequestLabel());
        out.println("host: " + enrollment.host() + " " + enrollment.host().sourceNames());
        if (checked instanceof CheckedActive active) {
            out.println("not_after: " + active.notAfter());
            out.println("renew_at: " + active.renewAt());
        }
        return AgentExit.OK.code();
    }
}
