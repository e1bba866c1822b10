package dev.berth.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code berth render} as a whole new JVM process, cold, into a fresh folder each time. */
final class RenderProcess implements Benchmark {
    private final Path answersFile;
    private final Path work;
    private int run;

    RenderProcess(Path answersFile) throws Exception {
        this.answersFile = answersFile;
        this.work = Files.createTempDirectory("berth-bench-");
        work.toFile().deleteOnExit();
    }

    @Override
    public String name() {
        return "berth render largest example, whole process (cold)";
    }

    @Override
    public String goal() {
        return "<= 1000 ms";
    }

    @Override
    public int runs() {
        return 7;
    }

    @Override
    public long sample() throws Exception {
        Path out = work.resolve("stack-" + run++);
        ProcessBuilder pb = new ProcessBuilder(Benchmarks.javaCommand("dev.berth.app.Main",
                "render", "--answers", answersFile.toString(), "--out", out.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        int code = pb.start().waitFor();
        long elapsed = System.nanoTime() - start;
        if (code != 0) {
            throw new IllegalStateException("berth render exited with " + code);
        }
        return elapsed;
    }
}
