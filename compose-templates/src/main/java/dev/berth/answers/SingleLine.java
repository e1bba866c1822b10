package dev.berth.answers;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Text with no line breaks or control characters. A null value is valid; pair with {@code @NotNull} where the value is required. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SingleLine.Check.class)
public @interface SingleLine {
    String message() default "must be on one line, without control characters or characters that are not valid Unicode text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<SingleLine, String> {
        @Override
        public boolean isValid(String v, ConstraintValidatorContext context) {
            return v == null || TextRules.singleLine(v);
        }
    }
}
