package dev.berth.answers;

import dev.berth.catalog.Catalog;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.AssertTrue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks answers in two passes: the field and cross-field constraints on the records (Bean
 * Validation), then the rules that need the catalog ({@link CatalogRules}).
 */
public final class AnswersValidator {
    private static final class Factory {
        // Building a factory costs tens of milliseconds; every validator shares one.
        static final ValidatorFactory INSTANCE = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
    }

    private final Validator validator = Factory.INSTANCE.getValidator();
    private final Catalog catalog;

    public AnswersValidator(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Builds the shared validator factory now (a few hundred milliseconds on a cold JVM), so a
     * caller can do it on another thread while it reads files.
     */
    public static void prepare() {
        Factory.INSTANCE.getValidator();
    }

    /** Every problem, sorted by field; empty when the answers can be planned. */
    public List<Problem> validate(Answers answers) {
        List<Problem> problems = new ArrayList<>();
        for (ConstraintViolation<Answers> v : validator.validate(answers)) {
            problems.add(new Problem(fieldName(v), v.getMessage(), AnswerRule.of(v)));
        }
        answers.portOverrides().forEach((service, port) -> {
            if (port == null || port < 1 || port > 65535) {
                problems.add(new Problem("portOverrides." + service, "a host port must be between 1 and 65535", AnswerRule.PORT_RANGE));
            }
        });
        new BackupRules(answers, problems::add).check();
        HostRules hostRules = new HostRules(answers, problems::add);
        hostRules.check();
        problems.sort(Comparator.comparing(Problem::field).thenComparing(Problem::message));
        if (problems.isEmpty()) {
            new CatalogRules(catalog, answers, problems::add).check();
            hostRules.checkServices(catalog);
        }
        return List.copyOf(problems);
    }

    /** Throws with every problem when the answers are not valid. */
    public void requireValid(Answers answers) {
        List<Problem> problems = validate(answers);
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(problems);
        }
    }

    /**
     * Turns a Bean Validation path into the answers-file path a person sees: cross-field checks
     * ({@code @AssertTrue} methods) are reported on the record that holds them, and the
     * {@code <list element>} markers disappear.
     */
    static String fieldName(ConstraintViolation<?> v) {
        String p = v.getPropertyPath().toString().replace(".<list element>", "").replace("<list element>", "");
        if (v.getConstraintDescriptor().getAnnotation() instanceof AssertTrue) {
            int last = p.lastIndexOf('.');
            return last < 0 ? "" : p.substring(0, last);
        }
        return p;
    }
}
