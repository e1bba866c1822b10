package dev.berth.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class or method that needs the Docker engine (and the stand-in images it builds): JUnit
 * tag {@value #TAG}. The fast tests run without every such tag ({@code ./mvnw -B test
 * -DexcludedGroups=docker,ssh,fx,slow}); a plain {@code ./mvnw -B verify} runs everything.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(NeedsDocker.TAG)
public @interface NeedsDocker {
    String TAG = "docker";
}
