package dev.berth.answers;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A password a person chose: long enough, one line. A null value is valid; pair with {@code @NotNull} where the value is required. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Password.Check.class)
public @interface Password {
    String message() default "must be 12 to 128 characters on one line (any characters, including dollar signs, hashes and quotes)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Password, String> {
        @Override
        public boolean isValid(String v, ConstraintValidatorContext context) {
            return v == null || TextRules.password(v);
        }
    }
}
