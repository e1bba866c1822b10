package dev.berth.wizardsteps.access;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.AccessAnswers.Mode;
import dev.berth.answers.AccessAnswers.Policy;
import dev.berth.answers.Problem;
import dev.berth.plan.PlanRule;
import dev.berth.plan.Planner;
import dev.berth.wizardsteps.core.AppChoice;
import dev.berth.wizardsteps.core.FieldMessages;
import dev.berth.wizardsteps.core.FormStep;
import dev.berth.wizardsteps.core.PageRule;
import dev.berth.wizardsteps.core.StepContext;
import java.util.ArrayList;
import java.util.List;
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
public final class AccessViewModel extends FormStep<AccessAnswers> {
    /** The fields, as the page names them; the answers nest some (npm.adminEmail, authelia.users). */
    public static final List<String> FIELDS = List.of("mode", "domain", "letsEncrypt", "adminEmail", "adminPassword",
            "authelia", "policy", "users", "protectedServices", "smtp", "smtpHost", "smtpPort", "smtpUsername", "smtpPassword",
            "smtpSender", "fail2ban");

    /** The secret a stack keeps the mail password in (plan/Wiring). */
    private static final String SMTP_PASSWORD = "authelia_smtp_password";

    private final AccessForm form = new AccessForm();
    private final ObservableList<UserRow> users = FXCollections.unmodifiableObservableList(form.users);
    private final ProtectedApps guarded;
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper(this, "missing", "");
    /** The problems last found: on the page's own fields, and in each user's row. */
    private AccessProblems found = AccessProblems.NONE;

    public AccessViewModel(StepContext ctx) {
        super(ctx, "access", FIELDS, ctx.model().accessProperty(), ctx.model()::setAccess);
        guarded = new ProtectedApps(ctx, () -> {
            touch("protectedServices");
            edited();
        });
        editedOnChange(form.all());
        form.authelia.addListener((o, was, now) -> {
            if (now && !updating() && form.users.isEmpty()) {
                addUser(); // a first row to fill in, rather than an empty list
            }
        });
        ctx.model().previousSecretsProperty().addListener((o, was, now) -> validate());
        onDraftChange(() -> {
            if (guarded.update()) {
                edited();
            } else {
                validate();
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
    protected void entering() {
        guarded.update();
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

    /** Authelia sends its one-time codes by e-mail; off: it writes them to a file on the server, which Berth reads back. */
    public BooleanProperty smtpProperty() {
        return form.smtp.enabled;
    }

    /** The mail server's host name (smtp.example.com). */
    public StringProperty smtpHostProperty() {
        return form.smtp.host;
    }

    /** Its port, as typed: 587 (STARTTLS) unless the provider says 465. */
    public StringProperty smtpPortProperty() {
        return form.smtp.port;
    }

    /** Optional: the mail account to sign in as. */
    public StringProperty smtpUsernameProperty() {
        return form.smtp.username;
    }

    /** The mail account's password; kept in the stack's secrets folder, never in berth.yaml. */
    public StringProperty smtpPasswordProperty() {
        return form.smtp.password;
    }

    /** The From address (auth@example.com or Authelia &lt;auth@example.com&gt;). */
    public StringProperty smtpSenderProperty() {
        return form.smtp.sender;
    }

    public BooleanProperty fail2banProperty() {
        return form.fail2ban;
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
        touch("users");
        form.users.remove(row);
    }

    /** Typing in a user's row: problems between users (two with one name) show from now on. */
    private void userEdited() {
        touch("users");
        edited();
    }

    @Override
    protected AccessAnswers build() {
        return form.build(guarded.selected());
    }

    @Override
    protected List<Problem> findProblems() {
        List<Problem> draft = new ArrayList<>(draftProblems());
        if (form.authelia.get() && form.smtp.badPort()) {
            // The answers got no port from it ("is required"); say what is wrong with what was typed instead.
            draft.removeIf(p -> p.field().equals("access.authelia.smtp.port"));
            draft.add(new Problem("access.authelia.smtp.port", "must be a number from 1 to 65535: usually 587, or 465 when your "
                    + "mail provider says TLS", PageRule.NOT_A_NUMBER));
        }
        AccessAnswers.Smtp smtp = ctx.model().accessProperty().get().authelia().smtp();
        if (smtp != null && smtp.username() != null && smtp.password() == null
                && !ctx.model().previousSecretsProperty().get().containsKey(SMTP_PASSWORD)) {
            // What the planner would refuse: a mail account's password cannot be made up, and no stack keeps one yet.
            draft.add(new Problem("access.authelia.smtp.password", "is required with a user name: type the mail account's "
                    + "password (Berth keeps it in the stack's secrets folder)", PlanRule.SECRET_REQUIRED));
        }
        found = AccessProblems.sort(ctx.model().accessProperty().get(), draft, form.users.size());
        return found.page();
    }

    @Override
    protected List<String> filledFields() {
        return List.of("domain", "adminEmail", "adminPassword", "smtpHost", "smtpPort", "smtpUsername", "smtpPassword", "smtpSender").stream()
                .filter(f -> !form.text(f).isEmpty()).toList();
    }

    /** The page's own fields are shown: now each user's row, and what is still needed on both. */
    @Override
    protected void shown(boolean clean) {
        List<String> unmarked = new ArrayList<>(messages.unmarked(found.page()).stream().map(AccessProblems::describe).toList());
        for (int i = 0; i < found.rows().size(); i++) {
            UserRow row = form.users.get(i);
            clean &= row.show(found.rows().get(i));
            int number = i + 1;
            row.unmarked(found.rows().get(i)).forEach(f -> unmarked.add("user " + number + "'s " + AccessProblems.describe(f)));
        }
        setValid(clean);
        missing.set(clean ? "" : FieldMessages.stillNeeded(unmarked));
    }

    @Override
    protected void fillFields(AccessAnswers a) {
        form.fill(a);
        form.users.setAll(a.authelia().users().stream().map(u -> new UserRow(u, this::userEdited)).toList());
        if (a.authelia().enabled()) {
            guarded.select(a.authelia().protectedServices()); // with Authelia off the list says nothing
        }
    }

    @Override
    protected void updateSummary() {
        if (form.mode.get() != Mode.DOMAIN) {
            setSummary("Home network only");
            return;
        }
        String typed = form.domain.get().strip();
        // The stack writes the domain in lower case (dev.berth.plan.Planner): say so when it differs.
        String written = Planner.lowerCaseDomain(typed);
        String domain = typed.isEmpty() ? "Domain not set" : typed.equals(written) ? typed : typed + " (written as " + written + ")";
        String signIn = !form.authelia.get() ? "" : ", sign-in (" + (form.policy.get() == Policy.ONE_FACTOR ? "password" : "two-factor")
                + (form.smtp.enabled.get() ? ", e-mails" : "") + ")";
        setSummary(domain + signIn + (form.fail2ban.get() ? ", Fail2Ban" : ""));
    }
}
