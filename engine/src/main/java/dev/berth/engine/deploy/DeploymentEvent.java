package dev.berth.engine.deploy;

/**
 * Progress of a deployment, as the Deploy screen and the CLI show it. Messages are the
 * exceptions' own, which by the targets' rule never contain a secret's value.
 */
public sealed interface DeploymentEvent {
    Job job();

    /** @param index 0-based position of the job, of {@code total} */
    record Started(Job job, int index, int total) implements DeploymentEvent {
    }

    record Finished(Job job) implements DeploymentEvent {
    }

    record Failed(Job job, String message) implements DeploymentEvent {
    }

    /** The job was undone during a rollback. */
    record Undone(Job job) implements DeploymentEvent {
    }

    /** Undoing the job failed too; the rollback went on with the jobs before it. */
    record UndoFailed(Job job, String message) implements DeploymentEvent {
    }
}
