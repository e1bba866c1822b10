package dev.berth.tools.bench;

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

    /** Takes one sample and returns its duration in nanoseconds (or what {@link #format} reads). */
    long sample() throws Exception;

    /** A sample as the table prints it; a duration in milliseconds unless the figure is something else. */
    default String format(long value) {
        return Benchmarks.ms(value);
    }
}
