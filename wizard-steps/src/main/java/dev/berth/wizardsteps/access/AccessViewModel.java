package dev.berth.wizardsteps.access;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.AnswerRule;
import dev.berth.answers.AccessAnswers.Mode;
import dev.berth.answers.AccessAnswers.Policy;
import dev.berth.answers.Problem;
import dev.berth.answers.RuleId;
import dev.berth.plan.Planner;
import dev.berth.wizardsteps.core.AppChoice;
import dev.berth.wizardsteps.core.DraftProblems;
import dev.berth.wizardsteps.core.FieldMessages;
import dev.berth.wizardsteps.core.PageRule;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.Touches;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 7: how the apps are reached. On the home network only, or under a domain through Nginx
 * Proxy Manager (its admin account, Let's Encrypt certificates), optionally behind Authelia's
 * sign-in page (users, one or two factors, which apps) and Fail2Ban.
 */
public final class AccessViewModel extends StepViewModel {
    /** The fields, as the page names them; the answers nest some (npm.adminEmail, authelia.users). */
    public static final List<String> FIELDS = List.of("mode", "domain", "letsEncrypt", "adminEmail", "adminPassword",
            "authelia", "policy", "users", "protectedServices", "fail2ban");
    /** Cross-field rules, shown beside the field each is about. */
    private static final Map<RuleId, String> RULE_FIELDS = Map.of(
            AnswerRule.DOMAIN_GIVEN_FOR_DOMAIN_MODE, "domain",
            AnswerRule.NPM_ADMIN_GIVEN, "adminEmail",
            AnswerRule.FAIL2BAN_HAS_PROXY, "fail2ban",
            AnswerRule.AUTHELIA_HAS_USER, "users",
            AnswerRule.USER_NAMES_UNIQUE, "users",
            AnswerRule.AUTHELIA_HAS_DOMAIN, "authelia");
    private static final String USERS = "access.authelia.users";

    private final AccessForm form = new AccessForm();
    private final ObservableList<UserRow> users = FXCollections.unmodifiableObservableList(form.users);
    private final FieldMessages messages = new FieldMessages("access", FIELDS.toArray(String[]::new));
    private final Touches touches = new Touches();
    private final ProtectedApps guarded;
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper(this, "missing", "");
    private DraftProblems problems;
    private boolean filling;
    private boolean writing;
    /** Validation starts when the page is first shown: at start-up the catalog is still loading. */
    private boolean entered;

    public AccessViewModel(StepContext ctx) {
        super(ctx);
        guarded = new ProtectedApps(ctx, () -> {
            touches.add("protectedServices");
            edited();
        });
        form.all().forEach(f -> f.addListener(o -> edited()));
        form.authelia.addListener((o, was, now) -> {
            if (now && !filling && form.users.isEmpty()) {
                addUser(); // a first row to fill in, rather than an empty list
            }
        });
        ctx.model().accessProperty().addListener((o, was, now) -> {
            if (!now.equals(build())) {
                fill(now);
            }
        });
        // A change listener: an invalidation listener misses changes while nobody reads the draft.
        ctx.model().answersProperty().addListener((o, was, now) -> {
            if (!writing) {
                if (guarded.update()) {
                    edited();
                } else {
                    validate();
                }
            }
        });
        if (ctx.model().accessProperty().get().mode() == Mode.DOMAIN) {
            fill(ctx.model().accessProperty().get());
        }
        updateSummary();
    }

    @Override
    public String title() {
        return "Access & security";
    }

    @Override
    public String description() {
        return "How you reach your apps: on your home network, or from anywhere under your own domain.";
    }

    @Override
    public void enter() {
        entered = true;
        guarded.update();
        edited();
    }

    public ObjectProperty<Mode> modeProperty() {
        return form.mode;
    }

    /** e.g. media.example.com: each app gets a name under it (sonarr.media.example.com). */
    public StringProperty domainProperty() {
        return form.domain;
    }

    public BooleanProperty letsEncryptProperty() {
        return form.letsEncrypt;
    }

    /** The Nginx Proxy Manager administrator's e-mail (Let's Encrypt uses it too). */
    public StringProperty adminEmailProperty() {
        return form.adminEmail;
    }

    /** Optional: Berth makes one when empty. */
    public StringProperty adminPasswordProperty() {
        return form.adminPassword;
    }

    /** Authelia's sign-in page in front of the protected apps. */
    public BooleanProperty autheliaProperty() {
        return form.authelia;
    }

    public ObjectProperty<Policy> policyProperty() {
        return form.policy;
    }

    /** Who may sign in; change the list with {@link #addUser} and {@link #removeUser}. */
    public ObservableList<UserRow> users() {
        return users;
    }

    /** The apps with a web page, ticked when the sign-in page protects them. */
    public ObservableList<AppChoice> protectedApps() {
        return guarded.items();
    }

    public BooleanProperty fail2banProperty() {
        return form.fail2ban;
    }

    public ReadOnlyStringProperty messageProperty(String field) {
        return messages.messageProperty(field);
    }

    public ReadOnlyStringProperty generalMessageProperty() {
        return messages.generalProperty();
    }

    /** "Still needed: …" for what is missing but not marked yet (fields not touched). */
    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    /** A new empty row; the first person added is an admin. */
    public UserRow addUser() {
        UserRow row = new UserRow(null, this::userEdited);
        row.adminProperty().set(form.users.isEmpty());
        form.users.add(row);
        return row;
    }

    public void removeUser(UserRow row) {
        touches.add("users");
        form.users.remove(row);
    }

    /** Typing in a user's row: problems between users (two with one name) show from now on. */
    private void userEdited() {
        touches.add("users");
        edited();
    }

    private AccessAnswers build() {
        return form.build(guarded.selected());
    }

    private void edited() {
        if (filling) {
            return;
        }
        writing = true;
        try {
            ctx.model().setAccess(build());
        } finally {
            writing = false;
        }
        validate();
    }

    private void validate() {
        updateSummary();
        if (!entered) {
            return;
        }
        AccessAnswers a = ctx.model().accessProperty().get();
        List<Problem> found = new ArrayList<>(problems().of("access", ctx.model().answers()));
        if (a.authelia().enabled() && a.authelia().protectedServices().isEmpty()) {
            found.add(new Problem("access.authelia.protectedServices", "choose the apps the sign-in page protects, or turn it off",
                    PageRule.NOTHING_PROTECTED));
        }
        List<Problem> page = new ArrayList<>();
        List<List<Problem>> rows = new ArrayList<>();
        form.users.forEach(u -> rows.add(new ArrayList<>()));
        for (Problem p : found) {
            int row = DraftProblems.index(p.field(), USERS);
            if (row >= 0 && row < rows.size() && p.field().startsWith(USERS + "[" + row + "].")) {
                rows.get(row).add(p.on("user" + p.field().substring(p.field().indexOf(']') + 1)));
            } else {
                page.add(onField(p));
            }
        }
        boolean clean = messages.show(page);
        List.of("domain", "adminEmail", "adminPassword").stream().filter(f -> !form.text(f).isEmpty()).forEach(touches::add);
        touches.applyTo(messages);
        List<String> unmarked = new ArrayList<>(FIELDS.stream().filter(f -> messages.message(f).isEmpty())
                .filter(f -> page.stream().anyMatch(p -> p.field().equals("access." + f))).map(AccessViewModel::describe).toList());
        for (int i = 0; i < rows.size(); i++) {
            UserRow row = form.users.get(i);
            clean &= row.show(rows.get(i));
            int number = i + 1;
            row.unmarked(rows.get(i)).forEach(f -> unmarked.add("user " + number + "'s " + describe(f)));
        }
        setValid(clean);
        missing.set(clean || unmarked.isEmpty() ? "" : "Still needed: " + String.join(", ", unmarked) + ".");
    }

    private static Problem onField(Problem p) {
        String field = p.field();
        if ((field.equals("access") || field.equals("access.authelia") || field.isEmpty()) && RULE_FIELDS.containsKey(p.rule())) {
            field = "access." + RULE_FIELDS.get(p.rule());
        }
        // npm.adminEmail, authelia.protectedServices[2]: the page shows them as adminEmail, protectedServices.
        field = field.replaceFirst("^access\\.(npm|authelia)\\.", "access.");
        return p.on(DraftProblems.withoutIndexes(field));
    }

    private void fill(AccessAnswers a) {
        filling = true;
        try {
            form.fill(a);
            form.users.setAll(a.authelia().users().stream().map(u -> new UserRow(u, this::userEdited)).toList());
            if (a.authelia().enabled()) {
                guarded.select(a.authelia().protectedServices()); // with Authelia off the list says nothing
            }
        } finally {
            filling = false;
        }
        touches.addAll();
        edited();
    }

    private void updateSummary() {
        if (form.mode.get() != Mode.DOMAIN) {
            setSummary("Home network only");
            return;
        }
        String typed = form.domain.get().strip();
        // The stack writes the domain in lower case (dev.berth.plan.Planner): say so when it differs.
        String written = Planner.lowerCaseDomain(typed);
        String domain = typed.isEmpty() ? "Domain not set" : typed.equals(written) ? typed : typed + " (written as " + written + ")";
        String signIn = !form.authelia.get() ? "" : ", sign-in (" + (form.policy.get() == Policy.ONE_FACTOR ? "password" : "two-factor") + ")";
        setSummary(domain + signIn + (form.fail2ban.get() ? ", Fail2Ban" : ""));
    }

    private static String describe(String field) {
        return switch (field) {
            case "domain" -> "the domain";
            case "adminEmail" -> "the admin e-mail";
            case "adminPassword" -> "the admin password";
            case "users" -> "a user";
            case "protectedServices" -> "the apps to protect";
            case "username" -> "user name";
            case "displayName" -> "display name";
            case "email" -> "e-mail";
            case "password" -> "password";
            default -> field;
        };
    }

    private DraftProblems problems() {
        if (problems == null) {
            problems = new DraftProblems(ctx.backend().validator());
        }
        return problems;
    }
}
