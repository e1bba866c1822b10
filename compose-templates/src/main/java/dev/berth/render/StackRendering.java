package dev.berth.render;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.plan.AutheliaPasswords;
import dev.berth.plan.ImagePins;
import dev.berth.plan.Planner;
import dev.berth.plan.PreviousPorts;
import dev.berth.plan.StackPlan;
import dev.berth.secrets.Argon2idHasher;
import dev.berth.secrets.SecretGenerator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one path from answers to a stack's files, for {@code berth render} and the deployer's
 * preview (and so the wizard's Review page): validate once, start hashing the Authelia passwords
 * that need a new hash (~0.4 s each, so they run while the rest is done), plan with the previous
 * stack's secrets and published ports, render. Not for use by two threads at once.
 */
public final class StackRendering {
    private final Supplier<Catalog> catalog;
    private final SecretGenerator generator;
    private final Argon2idHasher hasher;
    private Planner planner;

    public StackRendering(Catalog catalog) {
        this(() -> catalog, new SecretGenerator());
    }

    public StackRendering(Catalog catalog, SecretGenerator generator) {
        this(() -> catalog, generator);
    }

    /**
     * @param catalog asked for once the answers are to be validated: {@code berth render} loads it
     *                (and the validator) on other threads while the hashing already runs
     */
    public StackRendering(Supplier<Catalog> catalog, SecretGenerator generator) {
        this.catalog = catalog;
        this.generator = generator;
        this.hasher = new Argon2idHasher(generator);
    }

    /**
     * @param previousSecrets the secrets of the stack in the folder (empty for a new one); every
     *                        one still needed is kept byte for byte
     * @param previousPorts   the host ports that stack publishes; each service keeps its own
     * @throws dev.berth.answers.InvalidAnswersException with every problem, before anything is planned
     */
    public PlannedStack render(Answers answers, Map<String, String> previousSecrets, PreviousPorts previousPorts) {
        return render(answers, previousSecrets, previousPorts, ComposeDialect.V1_COMPATIBLE);
    }

    /** As {@link #render(Answers, Map, PreviousPorts)}, with compose.yaml for a target whose Compose is {@code dialect}. */
    public PlannedStack render(Answers answers, Map<String, String> previousSecrets, PreviousPorts previousPorts,
                               ComposeDialect dialect) {
        return render(answers, previousSecrets, previousPorts, dialect, ImagePins.NONE);
    }

    /** As {@link #render(Answers, Map, PreviousPorts, ComposeDialect)}, running the images the stack's {@code pins} hold. */
    public PlannedStack render(Answers answers, Map<String, String> previousSecrets, PreviousPorts previousPorts,
                               ComposeDialect dialect, ImagePins pins) {
        // Hashing needs only the answers (any answers: a refused one's hash is never used), so it
        // starts first and overlaps a cold start's loading of the catalog and the validator.
        AutheliaPasswords.hashAhead(answers, previousSecrets, hasher);
        return planAndRender(planner().validate(answers), previousSecrets, previousPorts, dialect, pins);
    }

    /**
     * Validates the answers, for a caller that needs them valid before it can read the previous
     * stack (the deployer reads the folder the answers name); rendering them does not validate again.
     *
     * @throws dev.berth.answers.InvalidAnswersException with every problem
     */
    public Checked check(Answers answers) {
        Planner.Valid valid = planner().validate(answers);
        return new Checked(valid, valid.answers());
    }

    /** The planner this rendering plans with (its generator and hasher), e.g. to plan a stack's previous answers. */
    public Planner planner() {
        if (planner == null) {
            planner = new Planner(catalog.get(), generator, hasher);
        }
        return planner;
    }

    private PlannedStack planAndRender(Planner.Valid answers, Map<String, String> previousSecrets, PreviousPorts previousPorts,
                                       ComposeDialect dialect, ImagePins pins) {
        StackPlan plan = answers.plan(previousSecrets, previousPorts, pins);
        return new PlannedStack(plan, new Renderer().render(plan, dialect));
    }

    /** As {@link #planAndRender}, with berth.yaml holding the answers as the person wrote them. */
    private PlannedStack planAndRender(Planner.Valid answers, Answers written, Map<String, String> previousSecrets,
                                       PreviousPorts previousPorts, ComposeDialect dialect, ImagePins pins) {
        PlannedStack planned = planAndRender(answers, previousSecrets, previousPorts, dialect, pins);
        if (written.equals(answers.answers())) {
            return planned;
        }
        Map<String, RenderedFile> files = new java.util.LinkedHashMap<>(planned.rendered().files());
        files.put(Renderer.ANSWERS_FILE, Renderer.answersFile(written));
        return new PlannedStack(planned.plan(), new RenderedStack(files));
    }

    /** Answers this rendering validated. */
    public final class Checked {
        private final Planner.Valid valid;
        private final Answers written;

        private Checked(Planner.Valid valid, Answers written) {
            this.valid = valid;
            this.written = written;
        }

        /** The answers planned: with a backup scheduler the target resolved, when one did. */
        public Answers answers() {
            return valid.answers();
        }

        /**
         * These answers planned with the backup started by {@code resolved} (what {@code auto}
         * became on the target), while berth.yaml keeps the scheduler as the person wrote it.
         */
        public Checked withBackupScheduler(dev.berth.answers.BackupAnswers.Scheduler resolved) {
            return new Checked(valid.withBackupScheduler(resolved), written);
        }

        /** The planner these answers are planned with: {@link StackRendering#planner()}. */
        public Planner planner() {
            return StackRendering.this.planner();
        }

        /** As {@link StackRendering#render}, for these answers. */
        public PlannedStack render(Map<String, String> previousSecrets, PreviousPorts previousPorts) {
            return render(previousSecrets, previousPorts, ComposeDialect.V1_COMPATIBLE);
        }

        /** As {@link StackRendering#render(Answers, Map, PreviousPorts, ComposeDialect)}, for these answers. */
        public PlannedStack render(Map<String, String> previousSecrets, PreviousPorts previousPorts, ComposeDialect dialect) {
            return render(previousSecrets, previousPorts, dialect, ImagePins.NONE);
        }

        /** As {@link #render(Map, PreviousPorts, ComposeDialect)}, running the images {@code pins} hold (see {@link ImagePins}). */
        public PlannedStack render(Map<String, String> previousSecrets, PreviousPorts previousPorts, ComposeDialect dialect,
                                   ImagePins pins) {
            AutheliaPasswords.hashAhead(valid.answers(), previousSecrets, hasher);
            return planAndRender(valid, written, previousSecrets, previousPorts, dialect, pins);
        }
    }
}
