package dev.berth.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that takes a minute or more by design (thousands of generated stacks, or a real Compose
 * run for every case): JUnit tag {@value #TAG}. The fast tests leave it out with the other heavy
 * tags ({@code ./mvnw -B test -DexcludedGroups=docker,ssh,fx,slow}); a plain {@code ./mvnw -B
 * verify} runs it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(Slow.TAG)
@net.jqwik.api.Tag(Slow.TAG) // jqwik properties read jqwik's own tag
public @interface Slow {
    String TAG = "slow";
}
