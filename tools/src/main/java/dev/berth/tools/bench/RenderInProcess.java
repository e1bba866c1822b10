package dev.berth.tools.bench;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.catalog.Catalog;
import dev.berth.plan.Planner;
import dev.berth.render.Renderer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Answers → plan → files for the largest example, in a warm JVM, with the previous secrets given
 * (the re-run case and the wizard's live preview; a first run also hashes passwords).
 */
final class RenderInProcess implements Benchmark {
    private final Answers answers;
    private final Map<String, String> secrets;

    RenderInProcess(Path answersFile) throws Exception {
        this.answers = AnswersFile.read(answersFile);
        this.secrets = new Planner(Catalog.builtIn()).plan(answers, Map.of()).secrets();
    }

    @Override
    public String name() {
        return "render largest example in-process (warm)";
    }

    @Override
    public String goal() {
        return "<= 50 ms";
    }

    @Override
    public int warmups() {
        return 30;
    }

    @Override
    public int runs() {
        return 50;
    }

    @Override
    public long sample() {
        long start = System.nanoTime();
        new Renderer().render(new Planner(Catalog.builtIn()).plan(answers, secrets));
        return System.nanoTime() - start;
    }
}
