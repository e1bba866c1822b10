package dev.berth.tools.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./berth render} as a person runs it from a clone: a whole new JVM with the launcher's
 * options, cold. Either into a fresh folder each time (a first render, which also hashes the
 * Authelia passwords) or again into the same one (a re-render, which keeps them).
 */
final class RenderProcess implements Benchmark {
    private final Path root;
    private final Path answersFile;
    private final boolean fresh;
    private final Path work;
    private int run;

    RenderProcess(Path root, Path answersFile, boolean fresh) throws Exception {
        this.root = root;
        this.answersFile = answersFile;
        this.fresh = fresh;
        this.work = Files.createTempDirectory("berth-bench-");
        if (!fresh) {
            berth(work.resolve("stack"));
        }
    }

    @Override
    public String name() {
        return fresh ? "./berth render largest example, new folder (cold)" : "./berth render largest example, again (cold)";
    }

    @Override
    public String goal() {
        return "<= 1000 ms";
    }

    @Override
    public int warmups() {
        return 1;
    }

    @Override
    public int runs() {
        return 7;
    }

    @Override
    public long sample() throws Exception {
        Path out = fresh ? work.resolve("stack-" + run++) : work.resolve("stack");
        long start = System.nanoTime();
        berth(out);
        return System.nanoTime() - start;
    }

    private void berth(Path out) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("berth").toString(),
                "render", "--answers", answersFile.toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("./berth render exited with " + code);
        }
    }
}
