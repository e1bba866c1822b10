package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.HostAnswers;
import dev.berth.answers.PlacementAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.testsupport.Examples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code berth deploy} with answers that place the stack on several hosts: each host is reached as
 * its own entry says, so --target is a usage error, and a host that cannot be reached stops the
 * deploy before anything is read or changed on any host. Needs no Docker: it stops before.
 */
class ClusterDeployCommandTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int deploy(String... args) {
        CommandLine cli = new CommandLine(new DeployCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path twoHosts(int secondPort) throws Exception {
        Answers answers = Examples.answers("minimal-jellyfin").withHosts(List.of(
                new HostAnswers("nas", TargetAnswers.LOCAL, "10.77.9.1"),
                new HostAnswers("gpu", new TargetAnswers(TargetAnswers.Kind.SSH, "127.0.0.1", secondPort, "media", null), null)),
                PlacementAnswers.NONE);
        Path stackDir = tmp.resolve("stack");
        return Files.writeString(tmp.resolve("answers.yaml"), AnswersFile.write(answers).replace(answers.storage().stackDir(),
                stackDir.toString()));
    }

    @Test
    void targetIsRefusedForAStackOnSeveralHosts() throws Exception {
        int code = deploy("--answers", twoHosts(22).toString(), "--target", "local", "--yes");

        assertEquals(2, code, err::toString);
        assertTrue(err.toString().contains("hosts:"), err::toString);
        assertTrue(err.toString().contains("Leave --target out"), err::toString);
    }

    @Test
    void aHostThatCannotBeReachedStopsTheDeployBeforeAnyHostIsTouched() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path answers = twoHosts(closed);

        int code = deploy("--answers", answers.toString(), "--yes");

        assertEquals(BerthCommand.DEPLOY_FAILED, code, err::toString);
        assertTrue(err.toString().contains("127.0.0.1"), err::toString);
        assertFalse(Files.exists(tmp.resolve("stack")), "a stack folder was made on the reachable host");
    }
}
