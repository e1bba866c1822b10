package dev.berth.wizardsteps.access;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.AnswerRule;
import dev.berth.answers.Problem;
import dev.berth.answers.RuleId;
import dev.berth.wizardsteps.core.DraftProblems;
import dev.berth.wizardsteps.core.PageRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Access page says is wrong, sorted to where it shows: beside the page's own fields
 * (a cross-field rule beside the field it is about, by its rule id) or in a user's row.
 *
 * @param page on the page's fields, with paths such as {@code access.adminEmail}
 * @param rows per user row, with paths such as {@code user.email}
 */
record AccessProblems(List<Problem> page, List<List<Problem>> rows) {
    static final AccessProblems NONE = new AccessProblems(List.of(), List.of());
    /** Cross-field rules, shown beside the field each is about. */
    private static final Map<RuleId, String> RULE_FIELDS = Map.of(
            AnswerRule.DOMAIN_GIVEN_FOR_DOMAIN_MODE, "domain",
            AnswerRule.NPM_ADMIN_GIVEN, "adminEmail",
            AnswerRule.FAIL2BAN_HAS_PROXY, "fail2ban",
            AnswerRule.AUTHELIA_HAS_USER, "users",
            AnswerRule.USER_NAMES_UNIQUE, "users",
            AnswerRule.AUTHELIA_HAS_DOMAIN, "authelia",
            AnswerRule.SMTP_PASSWORD_HAS_USER, "smtpUsername");
    private static final String USERS = "access.authelia.users";
    private static final String SMTP = "access.authelia.smtp";

    /**
     * @param a     the access part of the draft
     * @param draft the draft's problems with it
     * @param users how many user rows the page has
     */
    static AccessProblems sort(AccessAnswers a, List<Problem> draft, int users) {
        List<Problem> found = new ArrayList<>(draft);
        if (a.authelia().enabled() && a.authelia().protectedServices().isEmpty()) {
            found.add(new Problem("access.authelia.protectedServices", "choose the apps the sign-in page protects, or turn it off",
                    PageRule.NOTHING_PROTECTED));
        }
        List<Problem> page = new ArrayList<>();
        List<List<Problem>> rows = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            rows.add(new ArrayList<>());
        }
        for (Problem p : found) {
            int row = DraftProblems.index(p.field(), USERS);
            if (row >= 0 && row < rows.size() && p.field().startsWith(USERS + "[" + row + "].")) {
                rows.get(row).add(p.on("user" + p.field().substring(p.field().indexOf(']') + 1)));
            } else {
                page.add(onField(p));
            }
        }
        return new AccessProblems(page, rows);
    }

    private static Problem onField(Problem p) {
        String field = p.field();
        if ((field.equals("access") || field.equals("access.authelia") || field.equals(SMTP) || field.isEmpty())
                && RULE_FIELDS.containsKey(p.rule())) {
            field = "access." + RULE_FIELDS.get(p.rule());
        }
        // authelia.smtp.host: the page shows the mail server's fields as smtpHost, smtpPort, ...
        if (field.startsWith(SMTP + ".")) {
            String part = field.substring(SMTP.length() + 1);
            field = "access.smtp" + Character.toUpperCase(part.charAt(0)) + part.substring(1);
        }
        // npm.adminEmail, authelia.protectedServices[2]: the page shows them as adminEmail, protectedServices.
        field = field.replaceFirst("^access\\.(npm|authelia)\\.", "access.");
        return p.on(DraftProblems.withoutIndexes(field));
    }

    /** For "Still needed: …". */
    static String describe(String field) {
        return switch (field) {
            case "domain" -> "the domain";
            case "adminEmail" -> "the admin e-mail";
            case "adminPassword" -> "the admin password";
            case "users" -> "a user";
            case "protectedServices" -> "the apps to protect";
            case "smtpHost" -> "the mail server";
            case "smtpPort" -> "the mail server's port";
            case "smtpUsername" -> "the mail user name";
            case "smtpPassword" -> "the mail password";
            case "smtpSender" -> "the sender address";
            case "username" -> "user name";
            case "displayName" -> "display name";
            case "email" -> "e-mail";
            case "password" -> "password";
            default -> field;
        };
    }
}
