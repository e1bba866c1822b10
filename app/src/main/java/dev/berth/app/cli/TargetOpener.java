package dev.berth.app.cli;

import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;

/** Turns a {@link TargetSpec} into a connected {@link Target}; commands get one, tests can pass their own. */
@FunctionalInterface
public interface TargetOpener {
    /**
     * Asked when a server's host key is not known yet: show the fingerprint as OpenSSH prints it
     * and return whether the person trusts it. Never asked for a changed key: that is refused.
     */
    @FunctionalInterface
    interface HostKeyQuestion {
        boolean trust(String hostAndPort, String keyType, String fingerprint);
    }

    Target open(TargetSpec spec, HostKeyQuestion question) throws TargetException;

    /** Local targets here; SSH targets through {@link #openSsh}. */
    static TargetOpener standard() {
        return (spec, question) -> switch (spec) {
            case TargetSpec.Local local -> new LocalTarget();
            case TargetSpec.Ssh ssh -> openSsh(ssh, question);
        };
    }

    /**
     * FOR THE LEAD: connect {@code SshTarget} here (user, host, port; port 0 and a null user mean
     * "as ~/.ssh/config says"; {@code ssh.acceptHostKey()} is a fingerprint accepted up front, else
     * ask {@code question} for an unknown key). Until then an SSH target is refused clearly.
     */
    private static Target openSsh(TargetSpec.Ssh ssh, HostKeyQuestion question) throws TargetException {
        throw new TargetException(TargetException.Reason.OTHER,
                "Checking a server over SSH (" + ssh + ") is not available in this build yet; use --target local on the server.");
    }
}
