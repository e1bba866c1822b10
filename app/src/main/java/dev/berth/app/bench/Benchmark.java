package dev.berth.app.bench;

/** One figure the benchmark table prints: a name, its goal, and a way to take one sample. */
interface Benchmark {
    String name();

    /** The target in words, e.g. "≤ 50 ms". */
    String goal();

    /** Runs once untimed before sampling (JIT warm-up, caches), when the figure is a warm one. */
    default int warmups() {
        return 0;
    }

    int runs();

    /** Takes one sample and returns its duration in nanoseconds. */
    long sample() throws Exception;
}
