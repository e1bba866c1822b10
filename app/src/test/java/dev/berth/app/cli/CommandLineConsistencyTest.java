package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.berth.testsupport.Examples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What every command says the same way: which machine (--target, --accept-host-key) and answers
 * that cannot be used.
 */
class CommandLineConsistencyTest {
    @TempDir
    Path tmp;

    @Test
    void everyCommandThatTakesATargetTakesItFromTheOneMixin() {
        List<String> withTarget = new ArrayList<>();
        for (var sub : BerthCommand.commandLine().getSubcommands().entrySet()) {
            CommandLine.Model.CommandSpec spec = sub.getValue().getCommandSpec();
            if (!sub.getKey().equals(sub.getValue().getCommandName())) {
                continue; // an alias (two-factor-link) of a command already looked at
            }
            if (spec.findOption("--target") == null && spec.findOption("--accept-host-key") == null) {
                continue;
            }
            withTarget.add(sub.getKey());
            CommandLine.Model.CommandSpec mixin = spec.mixins().values().stream()
                    .filter(m -> m.userObject() instanceof TargetOption).findFirst().orElse(null);
            assertNotNull(mixin, sub.getKey() + " declares --target itself instead of mixing in TargetOption");
            assertSame(mixin.findOption("--target").userObject(), spec.findOption("--target").userObject(), sub.getKey());
            assertNotNull(mixin.findOption("--accept-host-key"), sub.getKey());
        }
        assertEquals(List.of("backup", "backups", "check", "deploy", "diff", "logs", "remove", "restore", "start", "status", "stop",
                "two-factor-code", "update", "wire"), withTarget.stream().sorted().toList());
    }

    @Test
    void withoutTargetDeployDiffStatusAndWireGoWhereTheAnswersSayAndCheckChecksThisComputer() {
        String answers = Examples.file("remote-ssh").toString();
        Map<String, TargetSpec> opened = new TreeMap<>();
        for (String command : List.of("check", "deploy", "diff", "status", "two-factor-code", "update", "wire", "stop", "start", "remove")) {
            CommandLine cli = new CommandLine(switch (command) {
                case "check" -> new CheckCommand(recording(command, opened));
                case "deploy" -> new DeployCommand(recording(command, opened));
                case "diff" -> new DiffCommand(recording(command, opened));
                case "wire" -> new WireCommand(recording(command, opened));
                case "two-factor-code" -> new TwoFactorCodeCommand(recording(command, opened));
                case "stop" -> new StopCommand(recording(command, opened));
                case "start" -> new StartCommand(recording(command, opened));
                case "remove" -> new RemoveCommand(recording(command, opened));
                case "update" -> new UpdateCommand(recording(command, opened), dev.berth.engine.update.UpdateFinder::registries,
                        dev.berth.engine.deploy.DeployOptions.DEFAULT);
                default -> new StatusCommand(recording(command, opened));
            });
            cli.setOut(new PrintWriter(new StringWriter(), true));
            cli.setErr(new PrintWriter(new StringWriter(), true));
            // (check refuses --accept-host-key without an ssh:// --target: it would be for this computer.)
            cli.execute(command.equals("check") ? new String[] {"--answers", answers}
                    : new String[] {"--answers", answers, "--accept-host-key", "SHA256:abc"});
        }
        TargetSpec nas = new TargetSpec.Ssh("media", "nas.local", 22, "SHA256:abc");
        assertEquals(Map.of("check", new TargetSpec.Local(), "deploy", nas, "diff", nas, "status", nas, "two-factor-code", nas,
                "update", nas, "wire", nas, "stop", nas, "start", nas, "remove", nas), opened);
    }

    /** Notes which target a command asked for, then fails to connect, so nothing runs. */
    private static TargetOpener recording(String command, Map<String, TargetSpec> opened) {
        return (spec, question) -> {
            opened.put(command, spec);
            throw new dev.berth.engine.target.TargetException(dev.berth.engine.target.TargetException.Reason.UNREACHABLE, "not here");
        };
    }

    @Test
    void everyCommandPrintsAnswersToFixTheSameWay() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"),
                Files.readString(Examples.file("minimal-jellyfin")) + "colour: blue\n");
        Map<String, String> printed = new TreeMap<>();
        for (List<String> args : List.of(
                List.of("render", "--answers", bad.toString(), "--out", tmp.resolve("stack").toString()),
                List.of("check", "--answers", bad.toString()),
                List.of("deploy", "--answers", bad.toString(), "--yes"),
                List.of("diff", "--answers", bad.toString()),
                List.of("status", "--answers", bad.toString()),
                List.of("wire", "--answers", bad.toString()),
                List.of("stop", "--answers", bad.toString()),
                List.of("remove", "--answers", bad.toString(), "--purge-config"))) {
            StringWriter err = new StringWriter();
            CommandLine cli = BerthCommand.commandLine();
            cli.setOut(new PrintWriter(new StringWriter(), true));
            cli.setErr(new PrintWriter(err, true));
            assertEquals(BerthCommand.INVALID_ANSWERS, cli.execute(args.toArray(String[]::new)), args + ": " + err);
            printed.put(args.getFirst(), err.toString());
        }
        String expected = printed.get("render");
        assertEquals(Map.of("check", expected, "deploy", expected, "diff", expected, "render", expected, "status", expected,
                "wire", expected, "stop", expected, "remove", expected), printed);
        List<String> lines = expected.lines().toList();
        assertEquals("The answers in " + bad + " cannot be used yet. Nothing was changed.", lines.getFirst());
        assertEquals("Fix these in the answers file and run the command again.", lines.getLast());
        assertEquals(3, lines.size(), expected);
        assertEquals("  - colour:", lines.get(1).substring(0, "  - colour:".length()), "the field first: " + expected);
    }
}
