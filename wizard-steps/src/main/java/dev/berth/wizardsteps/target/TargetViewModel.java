package dev.berth.wizardsteps.target;

import dev.berth.answers.Problem;
import dev.berth.answers.TargetAnswers;
import dev.berth.answers.TargetAnswers.Kind;
import dev.berth.engine.check.TargetFacts;
import dev.berth.wizardsteps.core.FormStep;
import dev.berth.wizardsteps.core.PageRule;
import dev.berth.wizardsteps.core.StepContext;
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
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Step 2: this computer, or a server over SSH (host, port, user, key file or password). "Test
 * connection" logs in (an unknown host key is put to the person with its fingerprint) and learns
 * about the machine. When changing an existing stack, it also reads that stack from the target.
 */
public final class TargetViewModel extends FormStep<TargetAnswers> {
    private final TargetForm form = new TargetForm();
    /** Used only to log in; never written to the answers. */
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper fieldsValid = new ReadOnlyBooleanWrapper(this, "fieldsValid");
    /** Why "this computer" cannot be chosen on this desktop (Windows, macOS), while it is chosen; else empty. */
    private final ReadOnlyStringWrapper desktopRefusal = new ReadOnlyStringWrapper(this, "desktopRefusal", "");
    private final ExistingStack existing;
    private final OtherHosts others;

    public TargetViewModel(StepContext ctx) {
        super(ctx, "target", TargetForm.FIELDS, ctx.model().targetProperty(), ctx.model()::setTarget);
        this.existing = new ExistingStack(ctx);
        this.others = new OtherHosts(ctx.model());
        fillUntouched(ctx.model().targetProperty().get());
        editedOnChange(form.all());
        password.addListener(o -> ctx.target().setPassword(password.get()));
        Observable[] status = {ctx.target().stateProperty(), ctx.target().connectedProperty(), existing.stateProperty(),
                ctx.model().startProperty(), fieldsValid, form.kind, others.validProperty(), ctx.model().hostsProperty()};
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
        return form.kind;
    }

    public StringProperty hostProperty() {
        return form.host;
    }

    public StringProperty portProperty() {
        return form.port;
    }

    public StringProperty userProperty() {
        return form.user;
    }

    public StringProperty keyFileProperty() {
        return form.keyFile;
    }

    /** Used only to log in; never written to the answers. */
    public StringProperty passwordProperty() {
        return password;
    }

    /**
     * While "this computer" is chosen on Windows or macOS: that the stack runs on Linux only, why,
     * and to choose a server over SSH; the page cannot go on. Empty otherwise.
     */
    public ReadOnlyStringProperty desktopRefusalProperty() {
        return desktopRefusal.getReadOnlyProperty();
    }

    /** The machines besides the target, for a stack on several hosts. */
    public OtherHosts otherHosts() {
        return others;
    }

    /** The stack folder to change, when changing an existing stack. */
    public StringProperty stackDirProperty() {
        return existing.dirProperty();
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
                .ifPresent(p -> form.keyFile.set(p.toString()));
    }

    @Override
    public void leave() {
        if (desktopRefusal.get().isEmpty() && (reconfiguring() || form.kind.get() == Kind.LOCAL)) {
            ctx.target().ensureConnected(build());
        }
    }

    @Override
    public void close() {
        existing.cancel();
    }

    @Override
    protected TargetAnswers build() {
        return form.build();
    }

    @Override
    protected List<Problem> findProblems() {
        List<Problem> problems = new ArrayList<>(validator().validate(draft()));
        if (form.badPort()) {
            problems.add(new Problem("target.port", "must be a number from 1 to 65535", PageRule.NOT_A_NUMBER));
        }
        return problems;
    }

    /** A field's message shows once it holds something, or once the person tried to go on. */
    @Override
    protected List<String> filledFields() {
        return form.filled();
    }

    @Override
    protected void shown(boolean clean) {
        fieldsValid.set(clean);
        if (!ctx.target().isConnectedTo(build()) && ctx.target().connected().isPresent()) {
            ctx.target().disconnect();
        }
        update();
    }

    @Override
    protected void updateSummary() {
        update();
    }

    private void update() {
        boolean connected = ctx.target().isConnectedTo(build());
        boolean stackOk = !reconfiguring() || existing.stateProperty().get() == ExistingStack.State.FOUND;
        desktopRefusal.set(form.kind.get() == Kind.LOCAL ? ctx.backend().desktop().localStackRefusal().orElse("") : "");
        setValid(fieldsValid.get() && stackOk && others.validProperty().get() && desktopRefusal.get().isEmpty());
        String where = form.kind.get() == Kind.LOCAL ? "This computer" : form.describeSsh();
        String status = connected ? facts() : ctx.target().stateProperty().get() == TargetSession.State.FAILED
                && ctx.model().targetProperty().get().equals(build()) ? "cannot connect" : "";
        String summary = status.isEmpty() ? where : where + ", " + status;
        int hosts = ctx.model().hostsProperty().get().size();
        setSummary(hosts == 0 ? summary : summary + " and " + (hosts - 1) + (hosts == 2 ? " more machine" : " more machines"));
    }

    private String facts() {
        TargetFacts f = ctx.target().connected().map(TargetSession.Connected::facts).orElse(null);
        if (f == null || f.memoryBytes() <= 0) {
            return "connected";
        }
        return f.cores() + " cores, " + Math.round(f.memoryBytes() / 1e9) + " GB";
    }

    @Override
    protected void fillFields(TargetAnswers t) {
        form.fill(t);
    }
}
