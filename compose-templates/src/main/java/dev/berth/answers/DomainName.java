package dev.berth.answers;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An RFC 1123 domain with at least two labels, under which each app gets a sub-domain. A null value is valid; pair with {@code @NotNull} where the value is required. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DomainName.Check.class)
public @interface DomainName {
    String message() default "is not a domain name: use letters, digits and '-' in dot-separated parts, e.g. media.example.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<DomainName, String> {
        @Override
        public boolean isValid(String v, ConstraintValidatorContext context) {
            return v == null || TextRules.domainName(v);
        }
    }
}
