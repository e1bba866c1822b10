package dev.berth.engine.install;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One command of a guided install, exactly as it runs.
 *
 * @param purpose       what it is for, in words
 * @param argv          the program and its arguments, with sudo in front where the user is not root
 * @param readsPassword whether it reads the sudo password as the first line of its input
 */
public record InstallStep(String purpose, List<String> argv, boolean readsPassword) {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,~-]+");

    public InstallStep {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("an install step needs a program");
        }
    }

    /** The command as a person would type it into a shell: words quoted only where a shell would need it. */
    public String shown() {
        return argv.stream().map(w -> PLAIN.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }
}
