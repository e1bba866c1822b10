package dev.berth.wizardsteps.testing;

import dev.berth.answers.StorageAnswers;
import dev.berth.wizardsteps.core.StepContext;
import java.util.List;

/** Drafts as the pages before the one under test leave them: storage filled in and apps chosen. */
public final class Drafts {
    public static final StorageAnswers STORAGE = new StorageAnswers("/opt/berth", "/srv/media", "/opt/berth/config",
            1000, 1000, "Europe/Berlin", false);

    private Drafts() {
    }

    /** Storage done and these apps chosen, as by the Storage and Apps pages. */
    public static void upToApps(StepContext ctx, String... apps) {
        ctx.model().setStorage(STORAGE);
        ctx.model().setServices(List.of(apps));
    }
}
