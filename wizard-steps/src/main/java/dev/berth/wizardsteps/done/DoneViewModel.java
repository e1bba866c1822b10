package dev.berth.wizardsteps.done;

import dev.berth.engine.deploy.DeployReport;
import dev.berth.plan.PlannedService;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 11: the stack runs. Each service with the address to open it at, and the passwords and
 * keys Berth generated, shown once with a copy button each: leaving the page forgets them, and
 * the note says where they are kept on the target.
 */
public final class DoneViewModel extends StepViewModel {
    private final DeploySession session;
    private final ObservableList<ServiceLink> services = FXCollections.observableArrayList();
    private final ObservableList<Credential> credentials = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper credentialsNote = new ReadOnlyStringWrapper(this, "credentialsNote", "");
    /** The deploy whose credentials were shown: they are not shown a second time. */
    private DeploySession.Deployed shown;

    public DoneViewModel(StepContext ctx, DeploySession session) {
        super(ctx);
        this.session = session;
        setValid(true);
    }

    @Override
    public String title() {
        return "Done";
    }

    @Override
    public String description() {
        return "Your stack is running. Open each app to finish setting it up.";
    }

    public ObservableList<ServiceLink> services() {
        return services;
    }

    /** The generated passwords and keys; empty once shown and left. */
    public ObservableList<Credential> credentials() {
        return credentials;
    }

    /** "3 services run on this computer." */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Where the passwords are kept, and that this page shows them once. */
    public ReadOnlyStringProperty credentialsNoteProperty() {
        return credentialsNote.getReadOnlyProperty();
    }

    public void open(ServiceLink link) {
        if (link.hasPage()) {
            ctx.dialogs().openInBrowser(link.url());
        }
    }

    public void copy(Credential c) {
        ctx.dialogs().copyToClipboard(c.value());
    }

    @Override
    public void enter() {
        DeploySession.Deployed d = session.deployedProperty().get();
        if (d == null || !d.outcome().succeeded()) {
            headline.set("Nothing is deployed yet.");
            services.clear();
            credentials.clear();
            credentialsNote.set("");
            return;
        }
        var preview = d.from().preview();
        String where = d.from().on().target().description();
        List<ServiceLink> links = new ArrayList<>();
        for (PlannedService s : preview.plan().services()) {
            String url = d.outcome().report().flatMap(r -> r.service(s.name())).map(DeployReport.ServiceReport::url).orElse(null);
            links.add(new ServiceLink(s.definition().name(), url));
        }
        services.setAll(links);
        headline.set(links.size() + (links.size() == 1 ? " service runs on " : " services run on ") + where + ".");
        setSummary("Running, " + links.size() + " services");
        String secretsDir = preview.stackDir() + "/secrets/";
        if (d == shown) {
            credentialsNote.set("Berth showed the passwords it made once. They are kept on " + where + " in " + secretsDir
                    + ", readable by its owner only.");
            return;
        }
        shown = d;
        credentials.setAll(GeneratedCredentials.of(preview));
        credentialsNote.set(credentials.isEmpty()
                ? "Berth made no new passwords this time. Those of your stack are kept on " + where + " in " + secretsDir + "."
                : "Berth shows these once: copy what you need now. They are kept on " + where + " in " + secretsDir
                + ", readable by its owner only.");
    }

    /** Shown once: leaving the page forgets the passwords. */
    @Override
    public void leave() {
        credentials.clear();
    }
}
