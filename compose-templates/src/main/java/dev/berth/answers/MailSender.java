package dev.berth.answers;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A From address as Authelia reads its {@code notifier.smtp.sender}: {@code auth@example.com} or
 * {@code Authelia <auth@example.com>} (RFC 5322; Authelia refuses to start on anything else). A
 * null value is valid; pair with {@code @NotNull} where the value is required.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MailSender.Check.class)
public @interface MailSender {
    String message() default "is not a sender address: write auth@example.com or Authelia <auth@example.com>";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<MailSender, String> {
        @Override
        public boolean isValid(String v, ConstraintValidatorContext context) {
            return v == null || TextRules.mailSender(v);
        }
    }
}
