package dev.berth.wizardsteps.access;

import dev.berth.answers.AccessAnswers.Mode;
import dev.berth.answers.AccessAnswers.Policy;
import dev.berth.wizardsteps.core.AppChoice;
import dev.berth.wizardsteps.view.Choices;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import dev.berth.wizardsteps.view.Rows;
import dev.berth.wizardsteps.view.SecretField;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Step 7's page: home network or a domain; then the proxy's admin, the sign-in page with its users and apps, and Fail2Ban. */
public final class AccessView extends Page {
    public AccessView(AccessViewModel vm) {
        Choices<Mode> mode = new Choices<>(vm.modeProperty());
        var cards = Rows.even(
                mode.card(Mode.LAN, "_Home network only", "Open your apps from devices at home, at the target's address and "
                        + "each app's port. Nothing is reachable from the internet.", "access-lan"),
                mode.card(Mode.DOMAIN, "Under a _domain", "Reach your apps from anywhere at names under your domain, "
                        + "through Nginx Proxy Manager, with HTTPS and optional sign-in.", "access-domain"));
        BooleanBinding domainMode = vm.modeProperty().isEqualTo(Mode.DOMAIN);
        Label lan = Fields.hint("A domain adds HTTPS certificates, a sign-in page in front of your apps, and Fail2Ban.");
        Fields.shownWhen(lan, domainMode.not());
        VBox domain = new VBox(20, domain(vm), admin(vm), signIn(vm), fail2ban(vm));
        Fields.shownWhen(domain, domainMode);
        Label missing = Fields.hint("");
        missing.setId("access-missing");
        missing.textProperty().bind(vm.missingProperty());
        Fields.shownWhen(missing, vm.missingProperty().isNotEmpty());
        getChildren().addAll(cards, lan, domain, Fields.messageLabel(vm.generalMessageProperty()), missing);
    }

    private static VBox domain(AccessViewModel vm) {
        TextField name = Fields.text(vm.domainProperty(), "media.example.com", "domain");
        CheckBox letsEncrypt = check("_Let's Encrypt certificates (HTTPS)", "letsEncrypt", vm.letsEncryptProperty().get());
        letsEncrypt.selectedProperty().bindBidirectional(vm.letsEncryptProperty());
        return new VBox(12, Fields.heading("Domain"), Fields.field("Do_main", name, vm.messageProperty("domain")),
                Fields.hint("Each app gets a name under it, such as sonarr.media.example.com. Point a wildcard DNS record "
                        + "(*.your-domain) at your router and forward ports 80 and 443 to the target."),
                letsEncrypt, Fields.hint("Free certificates, renewed by themselves. Let's Encrypt checks the names over port 80 "
                        + "from the internet."));
    }

    private static VBox admin(AccessViewModel vm) {
        return new VBox(12, Fields.heading("Nginx Proxy Manager"),
                Fields.field("Admin _e-mail", Fields.text(vm.adminEmailProperty(), "you@example.com", "adminEmail"), vm.messageProperty("adminEmail")),
                SecretField.field("Admin pass_word", new SecretField(vm.adminPasswordProperty(), "empty: Berth makes one",
                        "adminPassword"), vm.messageProperty("adminPassword")),
                Fields.hint("You sign in to the proxy's admin page with these; Let's Encrypt writes to the e-mail address. "
                        + "A password Berth makes is kept in the stack's secrets folder."));
    }

    private static VBox signIn(AccessViewModel vm) {
        CheckBox on = check("_Sign-in page in front of your apps (Authelia)", "authelia", false);
        on.selectedProperty().bindBidirectional(vm.autheliaProperty());
        Choices<Policy> policy = new Choices<>(vm.policyProperty());
        var policies = Rows.even(
                policy.card(Policy.ONE_FACTOR, "_Password only", "A user name and password.", "policy-one-factor"),
                policy.card(Policy.TWO_FACTOR, "Password and a second _factor", "Also a code from an authenticator app, "
                        + "set up at the first sign-in.", "policy-two-factor"));

        VBox users = new VBox(10);
        Runnable fill = () -> {
            users.getChildren().clear();
            for (int i = 0; i < vm.users().size(); i++) {
                users.getChildren().add(new UserRowView(vm, vm.users().get(i), i));
            }
        };
        vm.users().addListener((ListChangeListener<Object>) c -> fill.run());
        fill.run();
        Button add = new Button("_Add user");
        add.setId("add-user");
        add.setOnAction(e -> vm.addUser());

        FlowPane apps = new FlowPane(16, 10);
        Runnable fillApps = () -> apps.getChildren().setAll(vm.protectedApps().stream().map(AccessView::appBox).toList());
        vm.protectedApps().addListener((ListChangeListener<AppChoice>) c -> fillApps.run());
        fillApps.run();

        VBox details = new VBox(12, policies, Fields.heading("Users"), users, add, Fields.messageLabel(vm.messageProperty("users")),
                Fields.hint("An empty password: Berth makes one and keeps it in the stack's secrets folder."),
                Fields.heading("Protected apps"), apps, Fields.messageLabel(vm.messageProperty("protectedServices")),
                Fields.hint("Media servers and requests are left out at first: they have accounts of their own, and TV and "
                        + "phone apps cannot get past a sign-in page."), mail(vm));
        Fields.shownWhen(details, vm.autheliaProperty());
        return new VBox(12, Fields.heading("Sign-in"), on, Fields.messageLabel(vm.messageProperty("authelia")), details);
    }

    /** Optional: without a mail server Authelia writes its one-time codes to a file Berth reads back. */
    private static VBox mail(AccessViewModel vm) {
        CheckBox on = check("Send sign-in e-mails through a mail server", "smtp", false);
        on.selectedProperty().bindBidirectional(vm.smtpProperty());
        Label off = Fields.hint("Off: when someone registers a second factor, Authelia writes the one-time code it asks for "
                + "to a file on the server; the Done page and berth two-factor-code show it.");
        Fields.shownWhen(off, vm.smtpProperty().not());
        TextField port = Fields.text(vm.smtpPortProperty(), SmtpForm.USUAL_PORT, "smtpPort");
        port.setPrefColumnCount(6);
        VBox fields = new VBox(12,
                Rows.even(Fields.field("Mail server", Fields.text(vm.smtpHostProperty(), "smtp.example.com", "smtpHost"),
                        vm.messageProperty("smtpHost")), Fields.field("Port", port, vm.messageProperty("smtpPort"))),
                Rows.even(Fields.field("User name", Fields.text(vm.smtpUsernameProperty(), "empty: no sign-in", "smtpUsername"),
                        vm.messageProperty("smtpUsername")),
                        SecretField.field("Password", new SecretField(vm.smtpPasswordProperty(), "the mail account's password",
                                "smtpPassword"), vm.messageProperty("smtpPassword"))),
                Fields.field("Sender", Fields.text(vm.smtpSenderProperty(), "Authelia <auth@example.com>", "smtpSender"),
                        vm.messageProperty("smtpSender")),
                Fields.hint("Port 587 (or 25) starts plain and switches to TLS; 465 is TLS from the start. The password is "
                        + "kept in the stack's secrets folder; left empty on a stack that has one, it stays."));
        Fields.shownWhen(fields, vm.smtpProperty());
        return new VBox(12, Fields.heading("Sign-in e-mails"), on, off, fields);
    }

    private static VBox fail2ban(AccessViewModel vm) {
        CheckBox on = check("Block addresses after repeated failed s_ign-ins (Fail2Ban)", "fail2ban", false);
        on.selectedProperty().bindBidirectional(vm.fail2banProperty());
        return new VBox(8, Fields.heading("Fail2Ban"), on, Fields.messageLabel(vm.messageProperty("fail2ban")),
                Fields.hint("Watches the proxy's and the sign-in page's logs and blocks an address for an hour (longer when it comes "
                        + "back) after a few failures within ten minutes."));
    }

    private static CheckBox appBox(AppChoice app) {
        CheckBox box = new CheckBox(app.name());
        box.setMnemonicParsing(false);
        box.setId("protect-" + app.id());
        box.selectedProperty().bindBidirectional(app.selectedProperty());
        return box;
    }

    private static CheckBox check(String text, String id, boolean selected) {
        CheckBox box = new CheckBox(text);
        box.setMnemonicParsing(true);
        box.setId(id);
        box.setSelected(selected);
        box.setWrapText(true);
        return box;
    }
}
