package dev.berth.tools.bench;

import java.util.function.LongFunction;

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

    /** One sample that throws, by its run's number: runs shared by several rows hand each row the same run. */
    interface Run {
        long sample(int index) throws Exception;
    }

    /**
     * A row whose i-th sample is {@code run.sample(i)}: several rows read figures of the same runs
     * (the wizard's tour, the pairs of start-ups) without running them once per row.
     */
    static Benchmark ofRuns(String name, String goal, int runs, Run run, LongFunction<String> format) {
        return new Benchmark() {
            private int next;

            @Override
            public String name() {
                return name;
            }

            @Override
            public String goal() {
                return goal;
            }

            @Override
            public int runs() {
                return runs;
            }

            @Override
            public long sample() throws Exception {
                return run.sample(next++);
            }

            @Override
            public String format(long value) {
                return format.apply(value);
            }
        };
    }
}
