package dev.berth.engine.vpn;

import dev.berth.engine.RequiresDocker;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Each test gets a {@link RoutedStack} of its own on this engine, removed after it. */
@NeedsDocker
abstract class OnRoutedStack {
    @TempDir
    Path root;
    RoutedStack stack;

    @BeforeEach
    void deployRoutedStack() throws Exception {
        RequiresDocker.engine();
        stack = new RoutedStack(root);
    }

    @AfterEach
    void removeRoutedStack() {
        if (stack != null) {
            stack.close();
        }
    }
}
