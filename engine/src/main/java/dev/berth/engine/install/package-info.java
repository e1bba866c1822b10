/**
 * The guided install of Docker's engine and Compose plugin on a target that has no usable Docker:
 * facts about the machine ({@link dev.berth.engine.install.HostFacts}), the plan of exact commands
 * or a refusal saying what to do instead ({@link dev.berth.engine.install.InstallPlanner}), and a
 * runner that runs any plan, step by step, streaming each command's output
 * ({@link dev.berth.engine.install.InstallRunner}). The plan is data, shown before anything runs.
 */
package dev.berth.engine.install;
