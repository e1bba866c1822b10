package dev.berth.engine.install;

import java.util.List;

/** What the guided install would do on a machine: the commands, or why Berth will not and what to do instead. */
public sealed interface InstallPlan {

    /**
     * The commands, in order; nothing runs until a person has seen them and said yes.
     *
     * @param summary one line: what is installed where, e.g. "Docker 27.5.1 and Compose 2.32.4 from Docker's apt repository for Debian 12"
     */
    record Commands(String summary, String engineVersion, String composeVersion, List<InstallStep> steps)
            implements InstallPlan {
        public Commands {
            steps = List.copyOf(steps);
        }

        /** Whether a step asks for the sudo password. */
        public boolean needsPassword() {
            return steps.stream().anyMatch(InstallStep::readsPassword);
        }
    }

    /**
     * @param reason   what stands in the way, naming the machine's fact
     * @param whatToDo what the person can do instead
     */
    record Refused(String reason, String whatToDo) implements InstallPlan {
    }
}
