package dev.berth.answers;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An IP network in CIDR form. A null value is valid; pair with {@code @NotNull} where the value is required. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Cidr.Check.class)
public @interface Cidr {
    String message() default "must be an IPv4 or IPv6 network in CIDR form, e.g. 192.168.1.0/24";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Cidr, String> {
        @Override
        public boolean isValid(String v, ConstraintValidatorContext context) {
            return v == null || TextRules.cidr(v);
        }
    }
}
