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
 * A mail server for Authelia's {@code notifier.smtp.address}: a host name or an IPv4 address.
 * Authelia 4.39's configuration schema has no room for an IPv6 address there. A null value is
 * valid; pair with {@code @NotNull} where the value is required.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MailHost.Check.class)
public @interface MailHost {
    String message() default "is not a host name or IPv4 address (e.g. smtp.example.com); Authelia's mail settings take no IPv6 address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<MailHost, String> {
        @Override
        public boolean isValid(String v, ConstraintValidatorContext context) {
            return v == null || TextRules.hostName(v) && v.indexOf(':') < 0;
        }
    }
}
