package dev.berth.wizardsteps.done;

import dev.berth.engine.deploy.DeployReport;
import dev.berth.engine.wire.WiringResult;
import dev.berth.plan.PlannedService;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.LinksTally;
import dev.berth.wizardsteps.core.Rewire;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.TakeBackup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 11, the hand-over: the stack runs. Each service with the address to open it at and how to
 * sign in to it — the sign-in Berth made (its password handed over once: leaving the page forgets
 * it, and the row says where it is kept on the target), else what its catalog entry says; the
 * links Berth set up between the apps, each proved by the app's own test, with Retry when one needs
 * attention; when apps are routed through the VPN, the proof that they reach the internet only
 * through the tunnel, with the forwarded port; the other passwords and keys it generated, shown
 * once; with Authelia sending its links to a file, the newest one-time link to register a device; and
 * with backups on, where they go and when, the repository password (shown once) and the last backup.
 */
public final class DoneViewModel extends StepViewModel {
    private static final String FIRST_OPEN = "Berth did not connect the apps this time (the deploy ran without wiring, or there was"
            + " nothing to connect): an app Berth has not set up asks for its settings the first time you open it, and berth wire"
            + " connects them later.";
    private static final String WIRED = "Berth connected the apps to each other and tested every link: the table below shows how each one went.";

    private final DeploySession session;
    private final ObservableList<ServiceLink> services = FXCollections.observableArrayList();
    private final ObservableList<Credential> credentials = FXCollections.observableArrayList();
    private final ObservableList<LinkRow> links = FXCollections.observableArrayList();
    private final ObservableList<SignInRow> signIns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper appsHint = new ReadOnlyStringWrapper(this, "appsHint", "");
    private final ReadOnlyStringWrapper linksSummary = new ReadOnlyStringWrapper(this, "linksSummary", "");
    private final ReadOnlyStringWrapper signInsNote = new ReadOnlyStringWrapper(this, "signInsNote", "");
    private final ReadOnlyStringWrapper credentialsNote = new ReadOnlyStringWrapper(this, "credentialsNote", "");
    private final VpnResults vpn = new VpnResults();
    private final BackupResults backups;
    private final ReadOnlyBooleanWrapper needsAttention = new ReadOnlyBooleanWrapper(this, "needsAttention", false);
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry", false);
    /** The deploy whose credentials were shown: they are not shown a second time. */
    private DeploySession.Deployed shown;
    /** The wiring the page shows: the deploy's, or the last Retry's. */
    private WiringResult wiring;
    /** Secrets of sign-ins whose password this deploy's page already handed over and forgot. */
    private final Set<String> handedOver = new HashSet<>();
    private final WiringRetry retry;
    private final DeviceRegistration registration;
    /** The sign-ins in apps the plan made this deploy (Grafana's admin, a download client's without wiring), by app name. */
    private List<Credential> madeSignIns = List.of();

    /** Retry runs the wiring again through the backend's {@link dev.berth.wizardsteps.core.WizardBackend#rewire}. */
    public DoneViewModel(StepContext ctx, DeploySession session) {
        this(ctx, session, ctx.backend().rewire());
    }

    /** @param rewire what Retry runs */
    public DoneViewModel(StepContext ctx, DeploySession session, Rewire rewire) {
        this(ctx, session, rewire, TakeBackup.ON_TARGET);
    }

    /**
     * @param rewire what Retry runs
     * @param take   what Back up now runs
     */
    public DoneViewModel(StepContext ctx, DeploySession session, Rewire rewire, TakeBackup take) {
        super(ctx);
        this.session = session;
        this.retry = new WiringRetry(ctx.tasks(), rewire);
        this.registration = new DeviceRegistration(ctx.backend(), ctx.tasks());
        this.backups = new BackupResults(ctx.tasks(), java.time.Clock.systemUTC(), take);
        canRetry.bind(needsAttention.and(retry.runningProperty().not()));
        setValid(true);
    }

    @Override
    public String title() {
        return "Done";
    }

    @Override
    public String description() {
        return "Your stack is running: each app's address and how to sign in, and how the apps are connected.";
    }

    public ObservableList<ServiceLink> services() {
        return services;
    }

    /** The generated passwords and keys; empty once shown and left. */
    public ObservableList<Credential> credentials() {
        return credentials;
    }

    /** The Links table; empty when the wiring did not run. */
    public ObservableList<LinkRow> links() {
        return links;
    }

    /**
     * The sign-ins Berth made (by the wiring, or in the plan: Grafana's admin), with their passwords
     * on the visit that hands them over; each also shows in its app's row of {@link #services()}.
     */
    public ObservableList<SignInRow> signIns() {
        return signIns;
    }

    /** The VPN proof of the deploy shown, when the stack routes apps through Gluetun. */
    public VpnResults vpn() {
        return vpn;
    }

    /** The backups the deploy set up, when the stack has them on. */
    public BackupResults backups() {
        return backups;
    }

    /** Copy works while the page shows the password: it is shown once. */
    public void copyBackupPassword() {
        if (!backups.passwordProperty().get().isEmpty()) {
            ctx.dialogs().copyToClipboard(backups.passwordProperty().get());
        }
    }

    /** Takes a backup of the stack now, off the UI thread; the page waits (busy) until it ends. */
    public void backUpNow() {
        backups.backUpNow(this::setBusy);
    }

    /** Stops a running Back up now. */
    public void cancelBackupNow() {
        backups.cancelBackupNow();
    }

    /** The SFTP key's public half, for the SFTP server's authorized_keys. */
    public void copyBackupPublicKey() {
        if (!backups.publicKeyProperty().get().isEmpty()) {
            ctx.dialogs().copyToClipboard(backups.publicKeyProperty().get());
        }
    }

    /** "3 services run on this computer." */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Under the apps: whether Berth connected them, which decides what an app asks when first opened. */
    public ReadOnlyStringProperty appsHintProperty() {
        return appsHint.getReadOnlyProperty();
    }

    /** Above the Links table: "All 6 links work." or how many need attention. */
    public ReadOnlyStringProperty linksSummaryProperty() {
        return linksSummary.getReadOnlyProperty();
    }

    /** Under the apps: that this page hands the sign-ins' passwords over once, and where they are kept. */
    public ReadOnlyStringProperty signInsNoteProperty() {
        return signInsNote.getReadOnlyProperty();
    }

    /** Where the passwords are kept, and that this page shows them once. */
    public ReadOnlyStringProperty credentialsNoteProperty() {
        return credentialsNote.getReadOnlyProperty();
    }

    /** Whether Retry is offered: a link needs attention and no retry runs. */
    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    /** While Retry runs (Cancel is offered). */
    public ReadOnlyBooleanProperty retryingProperty() {
        return retry.runningProperty();
    }

    /** What Retry is doing while it runs; how it ended afterwards. */
    public ReadOnlyStringProperty retryMessageProperty() {
        return retry.messageProperty();
    }

    /** From 0 to 1 while Retry runs, or -1 while it cannot tell. */
    public ReadOnlyDoubleProperty retryProgressProperty() {
        return retry.progressProperty();
    }

    public void open(ServiceLink link) {
        if (link.hasPage()) {
            ctx.dialogs().openInBrowser(link.url());
        }
    }

    public void copy(Credential c) {
        ctx.dialogs().copyToClipboard(c.value());
    }

    /** Copy works while the password is hidden: it never has to be on screen. */
    public void copy(SignInRow s) {
        if (s.handsOver()) {
            ctx.dialogs().copyToClipboard(s.password());
        }
    }

    /** Whether the page offers the one-time link (Authelia on, no mail server). */
    public ReadOnlyBooleanProperty oneTimeLinkOfferedProperty() {
        return registration.offeredProperty();
    }

    /** The newest one-time link Authelia wrote; null while there is none. */
    public javafx.beans.property.ReadOnlyObjectProperty<dev.berth.engine.authelia.OneTimeLink> oneTimeLinkProperty() {
        return registration.linkProperty();
    }

    /** How to get a link, or for whom and when the one shown was written; what went wrong reading it. */
    public ReadOnlyStringProperty oneTimeLinkMessageProperty() {
        return registration.messageProperty();
    }

    /** While the notification file is read. */
    public ReadOnlyBooleanProperty checkingOneTimeLinkProperty() {
        return registration.checkingProperty();
    }

    /** Check again: reads Authelia's notification file anew, off the UI thread (the person asked Authelia after the page opened). */
    public void checkOneTimeLink() {
        registration.check();
    }

    public void openOneTimeLink() {
        var link = registration.linkProperty().get();
        if (link != null) {
            ctx.dialogs().openInBrowser(link.url());
        }
    }

    /** Copies what the person needs: the code to type into Authelia's prompt, or the link to open. */
    public void copyOneTimeLink() {
        var link = registration.linkProperty().get();
        if (link != null) {
            ctx.dialogs().copyToClipboard(link.isCode() ? link.code() : link.url());
        }
    }

    /** Show or hide one sign-in's password. */
    public void reveal(SignInRow s, boolean show) {
        s.reveal(show);
    }

    @Override
    public void enter() {
        DeploySession.Deployed d = session.deployedProperty().get();
        if (d == null || !d.outcome().succeeded()) {
            headline.set("Nothing is deployed yet.");
            services.clear();
            credentials.clear();
            credentialsNote.set("");
            madeSignIns = List.of();
            showWiring(null, null);
            showVpn(null);
            registration.show(null);
            backups.show(null);
            return;
        }
        var preview = d.from().preview();
        String where = d.from().on().target().description();
        int count = preview.plan().services().size();
        headline.set(count + (count == 1 ? " service runs on " : " services run on ") + where + ".");
        setSummary("Running, " + count + " services");
        registration.show(d);
        showVpn(d);
        backups.show(d);
        String secretsDir = preview.stackDir() + "/secrets/";
        if (d == shown) {
            showWiring(d, wiring);
            credentialsNote.set("Berth showed the passwords it made once. They are kept on " + where + " in " + secretsDir
                    + ", readable by its owner only.");
            return;
        }
        shown = d;
        handedOver.clear();
        retry.clear();
        // A generated password with a user that opens one of the apps goes to that app's row; the rest stay listed here.
        Set<String> apps = new HashSet<>(preview.plan().services().stream().map(s -> s.definition().name()).toList());
        List<Credential> generated = GeneratedCredentials.of(preview);
        madeSignIns = generated.stream().filter(c -> !c.user().isEmpty() && apps.contains(c.label())).toList();
        showWiring(d, d.outcome().wiring().orElse(null));
        Set<String> signInFiles = new HashSet<>(signIns.stream().map(SignInRow::storedAt).toList());
        credentials.setAll(generated.stream().filter(c -> !signInFiles.contains(c.storedAt())).toList());
        boolean signInsHandedOver = signIns.stream().anyMatch(SignInRow::handsOver);
        credentialsNote.set(!credentials.isEmpty()
                ? "Berth shows these once: copy what you need now. They are kept on " + where + " in " + secretsDir
                + ", readable by its owner only."
                : signInsHandedOver
                ? "Berth made no other new passwords this time. Those of your stack are kept on " + where + " in " + secretsDir + "."
                : "Berth made no new passwords this time. Those of your stack are kept on " + where + " in " + secretsDir + ".");
    }

    /** Shown once: leaving the page forgets the passwords. */
    @Override
    public void leave() {
        credentials.clear();
        backups.forgetPassword();
        signIns.stream().filter(SignInRow::handsOver).forEach(s -> handedOver.add(s.storedAt()));
        DeploySession.Deployed d = session.deployedProperty().get();
        if (d == shown && d != null) {
            showSignIns(d, wiring);
        }
    }

    /** Runs the wiring again off the UI thread, then shows the new links; the old ones stay if it fails or is cancelled. */
    public void retry() {
        DeploySession.Deployed d = shown;
        if (d != null && canRetry.get()) {
            retry.start(d, result -> showWiring(d, result), this::setBusy);
        }
    }

    /** Stops a running Retry; the table keeps the links as they were before it. */
    public void cancelRetry() {
        retry.cancel();
    }

    @Override
    public void stop() {
        cancelRetry();
        registration.cancel();
        backups.cancel();
    }

    @Override
    public void close() {
        cancelRetry();
        registration.cancel();
        backups.cancel();
    }

    /** The deploy's VPN proof, or nothing when the stack routes no app (or the deploy did not get as far). */
    private void showVpn(DeploySession.Deployed d) {
        vpn.show(d == null ? null : d.from().preview().plan(), d == null ? null : d.outcome().vpn().orElse(null));
    }

    /** The links and sign-ins of {@code result}, or none when the wiring did not run. */
    private void showWiring(DeploySession.Deployed d, WiringResult result) {
        wiring = result;
        if (result == null) {
            links.clear();
            linksSummary.set("");
            needsAttention.set(false);
            appsHint.set(d == null ? "" : FIRST_OPEN);
            showSignIns(d, null);
            return;
        }
        appsHint.set(WIRED);
        links.setAll(result.links().stream().map(LinkRow::of).toList());
        LinksTally tally = LinksTally.of(result);
        needsAttention.set(tally.needingAttention() > 0);
        linksSummary.set(tally.sentence() + (tally.needingAttention() == 0 ? "."
                : ": each says what the app answered and what to do. Retry runs the wiring again."));
        showSignIns(d, result);
    }

    /** The sign-ins (the wiring's, then the plan's made this deploy), and each app's row with its own. */
    private void showSignIns(DeploySession.Deployed d, WiringResult result) {
        if (d == null) {
            signIns.clear();
            signInsNote.set("");
            services.clear();
            return;
        }
        var preview = d.from().preview();
        String secretsDir = preview.stackDir() + "/secrets/";
        List<SignInRow> rows = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (dev.berth.engine.wire.Credential c : result == null ? List.<dev.berth.engine.wire.Credential>of() : result.credentials()) {
            String storedAt = secretsDir + c.secret();
            String password = c.isNew() && !handedOver.contains(storedAt)
                    ? preview.plan().secrets().get(c.secret()) : null;
            rows.add(new SignInRow(c.service(), c.username(), password, storedAt));
            placed.add(storedAt);
        }
        for (Credential c : madeSignIns) {
            if (placed.add(c.storedAt())) {
                rows.add(new SignInRow(c.label(), c.user(), handedOver.contains(c.storedAt()) ? null : c.value(), c.storedAt()));
            }
        }
        signIns.setAll(rows);
        services.setAll(serviceLinks(d, rows));
        String where = d.from().on().target().description();
        signInsNote.set(rows.isEmpty() ? ""
                : rows.stream().anyMatch(SignInRow::handsOver)
                ? "Berth hands these passwords over once, here: Show or Copy what you need now. Each stays kept on " + where
                + " in the file named beside it, readable by its owner only."
                : "Each password is kept on " + where + " in the file named beside it, readable by its owner only.");
    }

    /** Each service with its address and how to sign in: its sign-in, else its catalog's hand-over sentence, else nothing. */
    private static List<ServiceLink> serviceLinks(DeploySession.Deployed d, List<SignInRow> signIns) {
        List<ServiceLink> out = new ArrayList<>();
        for (PlannedService s : d.from().preview().plan().services()) {
            String name = s.definition().name();
            String url = d.outcome().report().flatMap(r -> r.service(s.name())).map(DeployReport.ServiceReport::url).orElse(null);
            // An app with a page says how to sign in there, so only once it is reached; one without (Recyclarr) what it does.
            String note = url != null || s.definition().web() == null ? s.definition().handOver() : null;
            // A sign-in shows even where the report has no address for the app: its password is handed over only here.
            HandOver handOver = signIns.stream().filter(r -> r.service().equals(name)).findFirst().<HandOver>map(HandOver.SignIn::new)
                    .orElse(note == null ? HandOver.ADDRESS_ONLY : new HandOver.Note(note));
            out.add(new ServiceLink(name, url, handOver));
        }
        return out;
    }
}
