package dev.berth.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class or method that needs the OpenSSH server the tests start on 127.0.0.1 for test users
 * (sshd and root): JUnit tag {@value #TAG}. The fast tests run without every such tag ({@code
 * ./mvnw -B test -DexcludedGroups=docker,ssh,fx,slow}); a plain {@code ./mvnw -B verify} runs
 * everything.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(NeedsSsh.TAG)
public @interface NeedsSsh {
    String TAG = "ssh";
}
