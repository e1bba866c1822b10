package dev.berth.engine.deploy;

import dev.berth.answers.RuleId;

/** What a deploy finds wrong with valid answers for the way it was asked to run. */
public enum DeployRule implements RuleId {
    /** Answers with {@code hosts:} given to a deploy on one target: only the cluster deploy places a stack across hosts. */
    HOSTS_NEED_CLUSTER_DEPLOY
}
