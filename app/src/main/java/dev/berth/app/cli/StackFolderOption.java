package dev.berth.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which deployed stack a command works on ({@code status}, {@code wire}, {@code two-factor-code}): its folder, or an answers file naming it. */
final class StackFolderOption {
    @Option(names = "--dir", paramLabel = "DIR",
            description = "The stack folder on the target (default: the one in --answers, else /opt/berth).")
    String dir;

    @Option(names = "--answers", paramLabel = "FILE", description = "An answers file naming the stack folder and target.")
    Path answersFile;
}
