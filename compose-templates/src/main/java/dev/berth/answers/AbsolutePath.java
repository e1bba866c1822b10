package dev.berth.answers;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An absolute path on the target that can be written safely into Compose and .env files. A null value is valid; pair with {@code @NotNull} where the value is required. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AbsolutePath.Check.class)
public @interface AbsolutePath {
    String message() default "must be an absolute path such as /srv/media, without '..', quotes ('), backslashes, '\\$\\{', ':' or control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<AbsolutePath, String> {
        @Override
        public boolean isValid(String v, ConstraintValidatorContext context) {
            return v == null || TextRules.absolutePath(v);
        }
    }
}
