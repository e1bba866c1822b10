package dev.berth.engine;

import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.Target;
import dev.berth.testsupport.NeedsSsh;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests against the real OpenSSH server of {@link TestSshd}: one server per test class. */
@NeedsSsh
public abstract class SshdTestBase {
    protected static TestSshd sshd;

    @TempDir
    protected Path tmp;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = TestSshd.start();
    }

    /** New connections as the test user with its ed25519 key, for scenarios that connect more than once. */
    protected Supplier<Target> testUser() {
        return () -> {
            try {
                return SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
            sshd = null;
        }
    }
}
