package dev.berth.engine.check;

import dev.berth.engine.target.TargetException;
import java.util.Locale;

/**
 * The target's clock against this computer's. Two-factor codes (TOTP) are valid for 30 s
 * windows, so a server that is minutes off refuses every code; certificates and logs suffer too.
 */
public final class ClockCheck implements Check {
    static final long WARN_NANOS = 30_000_000_000L;
    static final long FAIL_NANOS = 120_000_000_000L;
    static final String FIX = "Turn on time synchronisation on the target: sudo timedatectl set-ntp true";

    @Override
    public String id() {
        return "clock";
    }

    @Override
    public String title() {
        return "Clock";
    }

    @Override
    public boolean needsPlan() {
        return false;
    }

    @Override
    public Object inputs(CheckInputs in) {
        return NO_INPUTS;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws TargetException, InterruptedException {
        TargetFacts.ClockSample sample = ctx.facts().clock();
        if (sample == null) {
            return CheckResult.of(this, Status.WARN, "Could not read the clock on " + ctx.target().description(),
                    String.join("\n", ctx.facts().notes()), "");
        }
        long offset = sample.offsetNanos();
        String how = seconds(Math.abs(offset)) + (offset >= 0 ? " ahead of" : " behind") + " this computer";
        String details = "Measured to within ±" + seconds(sample.uncertaintyNanos()) + ".";
        if (Math.abs(offset) > FAIL_NANOS) {
            return CheckResult.of(this, Status.FAIL, "The clock on " + ctx.target().description() + " is " + how
                    + ": two-factor sign-in codes will be refused", details, FIX);
        }
        if (Math.abs(offset) > WARN_NANOS) {
            return CheckResult.of(this, Status.WARN, "The clock on " + ctx.target().description() + " is " + how
                    + ": two-factor codes may be refused", details, FIX);
        }
        return CheckResult.pass(this, "The clocks agree (" + seconds(Math.abs(offset)) + " apart)", details + " The target is " + how + ".");
    }

    static String seconds(long nanos) {
        return nanos >= 1_000_000_000L ? String.format(Locale.ROOT, "%.1f s", nanos / 1e9)
                : String.format(Locale.ROOT, "%d ms", nanos / 1_000_000);
    }
}
