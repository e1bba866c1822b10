package dev.berth.engine.check;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.HostResources;

/**
 * Reads what a host offers a multi-host placement (issue 17), in one command over SSH.
 */
public final class HostResourcesReader {

    /** @param dataRoot the answers' data root: its nearest existing folder's file system is measured */
    public HostResources read(Target target, String dataRoot) throws TargetException {
        throw new UnsupportedOperationException("issue 17: h5 fills the reader");
    }
}
