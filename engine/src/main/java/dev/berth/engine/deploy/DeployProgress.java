package dev.berth.engine.deploy;

import dev.berth.engine.check.CheckResult;
import dev.berth.engine.health.ServiceHealth;

/**
 * Everything a deploy reports while it runs, in one stream for the Deploy screen and the CLI:
 * jobs starting, finishing, failing and being undone; the preflight checks; bytes of each image
 * layer; each service's health as it changes; each app as it is wired. Called on the deploy's thread: a screen hands it to
 * its own thread.
 */
public sealed interface DeployProgress {
    record Step(DeploymentEvent event) implements DeployProgress {
    }

    record Checked(CheckResult result) implements DeployProgress {
    }

    record Pull(PullProgress progress) implements DeployProgress {
    }

    record Health(ServiceHealth health) implements DeployProgress {
    }

    /** An app being wired, then wired with its links (no secret in it). */
    record Wiring(dev.berth.engine.wire.WiringProgress progress) implements DeployProgress {
    }
}
