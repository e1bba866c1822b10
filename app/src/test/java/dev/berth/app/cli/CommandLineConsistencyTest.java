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
        assertEquals(List.of("check", "deploy", "diff", "status"), withTarget.stream().sorted().toList());
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
                List.of("status", "--answers", bad.toString()))) {
            StringWriter err = new StringWriter();
            CommandLine cli = BerthCommand.commandLine();
            cli.setOut(new PrintWriter(new StringWriter(), true));
            cli.setErr(new PrintWriter(err, true));
            assertEquals(BerthCommand.INVALID_ANSWERS, cli.execute(args.toArray(String[]::new)), args + ": " + err);
            printed.put(args.getFirst(), err.toString());
        }
        String expected = printed.get("render");
        assertEquals(Map.of("check", expected, "deploy", expected, "diff", expected, "render", expected, "status", expected), printed);
        List<String> lines = expected.lines().toList();
        assertEquals("The answers in " + bad + " cannot be used yet. Nothing was changed.", lines.getFirst());
        assertEquals("Fix these in the answers file and run the command again.", lines.getLast());
        assertEquals(3, lines.size(), expected);
        assertEquals("  - colour:", lines.get(1).substring(0, "  - colour:".length()), "the field first: " + expected);
    }
}
