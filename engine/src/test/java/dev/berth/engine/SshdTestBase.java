package dev.berth.engine;

import dev.berth.testsupport.NeedsSsh;
import java.nio.file.Path;
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

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
            sshd = null;
        }
    }
}
