package dev.berth.wizardsteps.target;

import dev.berth.answers.AnswersValidator;
import dev.berth.answers.Problem;
import dev.berth.answers.TargetAnswers;
import dev.berth.answers.TargetAnswers.Kind;
import dev.berth.engine.check.TargetFacts;
import dev.berth.wizardsteps.core.FieldMessages;
import dev.berth.wizardsteps.core.PageRule;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.TargetSession;
import dev.berth.wizardsteps.core.WizardModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Step 2: this computer, or a server over SSH (host, port, user, key file or password). "Test
 * connection" logs in (an unknown host key is put to the person with its fingerprint) and learns
 * about the machine. When changing an existing stack, it also reads that stack from the target.
 */
public final class TargetViewModel extends StepViewModel {
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.LOCAL);
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty keyFile = new SimpleStringProperty(this, "keyFile", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper fieldsValid = new ReadOnlyBooleanWrapper(this, "fieldsValid");
    private final FieldMessages messages = new FieldMessages("target", "host", "port", "user", "keyFile");
    private final ExistingStack existing;
    private AnswersValidator validator;
    private boolean fromModel;
    /** Validation starts when the page is first shown: at start-up the validator is still loading. */
    private boolean entered;

    public TargetViewModel(StepContext ctx) {
        super(ctx);
        this.existing = new ExistingStack(ctx);
        fill(ctx.model().targetProperty().get());
        ctx.model().targetProperty().addListener((o, was, now) -> {
            if (!now.equals(build())) {
                fill(now);
                messages.touchAll();
            }
        });
        for (Observable field : List.of(kind, host, port, user, keyFile)) {
            field.addListener(o -> edited());
        }
        password.addListener(o -> ctx.target().setPassword(password.get()));
        Observable[] status = {ctx.target().stateProperty(), ctx.target().connectedProperty(), existing.stateProperty(),
                ctx.model().startProperty(), fieldsValid};
        for (Observable o : status) {
            o.addListener(x -> update());
        }
        ctx.target().connectedProperty().addListener((o, was, now) -> {
            if (now != null && now.spec().equals(build()) && reconfiguring()) {
                existing.read(now);
            }
        });
    }

    @Override
    public String title() {
        return "Target";
    }

    @Override
    public String description() {
        return "Where the stack runs: this computer, or a server you reach over SSH.";
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    /** Used only to log in; never written to the answers. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** The stack folder to change, when changing an existing stack. */
    public StringProperty stackDirProperty() {
        return existing.dirProperty();
    }

    public ReadOnlyStringProperty messageProperty(String field) {
        return messages.messageProperty(field);
    }

    public ReadOnlyStringProperty generalMessageProperty() {
        return messages.generalProperty();
    }

    public ReadOnlyObjectProperty<TargetSession.State> connectionStateProperty() {
        return ctx.target().stateProperty();
    }

    /** "Connected to …", or what went wrong and what to do. */
    public ReadOnlyStringProperty connectionMessageProperty() {
        return ctx.target().messageProperty();
    }

    public ReadOnlyObjectProperty<ExistingStack.State> stackStateProperty() {
        return existing.stateProperty();
    }

    public ReadOnlyStringProperty stackMessageProperty() {
        return existing.messageProperty();
    }

    /** Whether the page asks for the stack folder (changing an existing stack). */
    public boolean reconfiguring() {
        return ctx.model().startProperty().get() == WizardModel.Start.RECONFIGURE;
    }

    public ReadOnlyObjectProperty<WizardModel.Start> startProperty() {
        return ctx.model().startProperty();
    }

    /** Whether "Test connection" can be pressed: the fields are good. */
    public ReadOnlyBooleanProperty canConnectProperty() {
        return fieldsValid.getReadOnlyProperty();
    }

    /** Logs in afresh and learns about the target; for an existing stack, reads it too. */
    public void testConnection() {
        messages.touchAll();
        if (fieldsValid.get()) {
            ctx.target().setPassword(password.get());
            ctx.target().connect(build());
        }
    }

    public void chooseKeyFile() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        ctx.dialogs().chooseFile("Choose your SSH private key", ssh, "SSH keys", List.of("id_*", "*.pem", "*"))
                .ifPresent(p -> keyFile.set(p.toString()));
    }

    @Override
    public void enter() {
        entered = true;
        edited();
    }

    @Override
    public void leave() {
        if (reconfiguring() || kind.get() == Kind.LOCAL) {
            ctx.target().ensureConnected(build());
        }
    }

    @Override
    public void close() {
        existing.cancel();
    }

    /** The answers the fields describe (a port that is not a number counts as none; its own message says so). */
    TargetAnswers build() {
        if (kind.get() == Kind.LOCAL) {
            return TargetAnswers.LOCAL;
        }
        return new TargetAnswers(Kind.SSH, blankToNull(host.get()), parsePort(), blankToNull(user.get()), blankToNull(keyFile.get()));
    }

    private void edited() {
        if (fromModel) {
            return;
        }
        TargetAnswers spec = build();
        if (!entered) {
            ctx.model().setTarget(spec);
            update();
            return;
        }
        List<Problem> problems = new ArrayList<>(validator().validate(draftWith(spec)));
        String p = port.get().strip();
        if (kind.get() == Kind.SSH && !p.isEmpty() && parsePort() == null) {
            problems.add(new Problem("target.port", "must be a number from 1 to 65535", PageRule.NOT_A_NUMBER));
        }
        if (kind.get() == Kind.SSH) {
            touchEdited();
        }
        fieldsValid.set(messages.show(problems));
        ctx.model().setTarget(spec);
        if (!ctx.target().isConnectedTo(spec) && ctx.target().connected().isPresent()) {
            ctx.target().disconnect();
        }
        update();
    }

    private dev.berth.answers.Answers draftWith(TargetAnswers spec) {
        var a = ctx.model().answers();
        return new dev.berth.answers.Answers(a.schemaVersion(), a.projectName(), spec, a.storage(), a.services(), a.vpn(),
                a.access(), a.monitoring(), a.portOverrides());
    }

    /** A field's message shows once it holds something, or once the person tried to go on. */
    private void touchEdited() {
        if (!host.get().isBlank()) {
            messages.touch("host");
        }
        if (!port.get().isBlank()) {
            messages.touch("port");
        }
        if (!user.get().isBlank()) {
            messages.touch("user");
        }
        if (!keyFile.get().isBlank()) {
            messages.touch("keyFile");
        }
    }

    private void update() {
        boolean connected = ctx.target().isConnectedTo(build());
        boolean stackOk = !reconfiguring() || existing.stateProperty().get() == ExistingStack.State.FOUND;
        setValid(fieldsValid.get() && stackOk);
        String where = kind.get() == Kind.LOCAL ? "This computer" : describeSsh();
        String status = connected ? facts() : ctx.target().stateProperty().get() == TargetSession.State.FAILED
                && ctx.model().targetProperty().get().equals(build()) ? "cannot connect" : "";
        setSummary(status.isEmpty() ? where : where + ", " + status);
    }

    private String facts() {
        TargetFacts f = ctx.target().connected().map(TargetSession.Connected::facts).orElse(null);
        if (f == null || f.memoryBytes() <= 0) {
            return "connected";
        }
        return f.cores() + " cores, " + Math.round(f.memoryBytes() / 1e9) + " GB";
    }

    private String describeSsh() {
        String h = host.get().isBlank() ? "a server over SSH" : host.get().strip();
        return (user.get().isBlank() ? "" : user.get().strip() + "@") + h;
    }

    private void fill(TargetAnswers t) {
        fromModel = true;
        try {
            kind.set(t.kind());
            host.set(t.host() == null ? "" : t.host());
            port.set(t.port() == null ? "" : t.port().toString());
            user.set(t.user() == null ? "" : t.user());
            keyFile.set(t.keyFile() == null ? "" : t.keyFile());
        } finally {
            fromModel = false;
        }
        edited();
    }

    private Integer parsePort() {
        String p = port.get().strip();
        if (p.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(p);
            return n >= 1 && n <= 65535 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private AnswersValidator validator() {
        if (validator == null) {
            validator = ctx.backend().validator();
        }
        return validator;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
