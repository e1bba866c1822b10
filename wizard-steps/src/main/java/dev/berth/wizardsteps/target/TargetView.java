package dev.berth.wizardsteps.target;

import dev.berth.answers.TargetAnswers.Kind;
import dev.berth.wizardsteps.core.TargetSession;
import dev.berth.wizardsteps.core.WizardModel;
import dev.berth.wizardsteps.view.Choices;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import dev.berth.wizardsteps.view.StatusLine;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 2's page: where the stack runs, the SSH details, and Test connection. */
public final class TargetView extends Page {
    public TargetView(TargetViewModel vm) {
        Choices<Kind> kind = new Choices<>(vm.kindProperty());
        HBox cards = new HBox(12,
                kind.card(Kind.LOCAL, "_This computer", "Docker runs here; Berth sets the stack up in a folder on this machine.", "target-local"),
                kind.card(Kind.SSH, "A _server over SSH", "A home server or NAS you log in to with ssh. Berth works on it from here.", "target-ssh"));
        cards.getChildren().forEach(c -> HBox.setHgrow(c, Priority.ALWAYS));
        cards.getChildren().forEach(c -> ((VBox) c).setMaxWidth(Double.MAX_VALUE));

        TextField host = text(vm.hostProperty(), "nas.local or 192.168.1.20", "host");
        TextField port = text(vm.portProperty(), "22", "port");
        port.setPrefColumnCount(6);
        TextField user = text(vm.userProperty(), "media", "user");
        TextField key = text(vm.keyFileProperty(), "~/.ssh/id_ed25519 (optional)", "keyFile");
        Button browse = new Button("_Browse…");
        browse.setOnAction(e -> vm.chooseKeyFile());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("only if the server takes no key");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(12);
        grid.add(Fields.field("_Host", host, vm.messageProperty("host")), 0, 0);
        grid.add(Fields.field("P_ort", port, vm.messageProperty("port")), 1, 0);
        grid.add(Fields.field("_User", user, vm.messageProperty("user")), 0, 1, 2, 1);
        HBox keyRow = new HBox(8, key, browse);
        HBox.setHgrow(key, Priority.ALWAYS);
        grid.add(Fields.field("_Key file", key, keyRow, vm.messageProperty("keyFile")), 0, 2, 2, 1);
        grid.add(Fields.field("Pass_word", password), 0, 3, 2, 1);
        GridPane.setHgrow(grid.getChildren().getFirst(), Priority.ALWAYS);
        VBox ssh = new VBox(12, Fields.heading("Server"), grid, Fields.messageLabel(vm.generalMessageProperty()),
                Fields.hint("Berth logs in as this user, who needs to be allowed to use Docker. A password is used only to log in "
                        + "and is never written down."));
        Fields.shownWhen(ssh, vm.kindProperty().isEqualTo(Kind.SSH));

        TextField stackDir = text(vm.stackDirProperty(), "/opt/berth", "stackDir");
        VBox stack = new VBox(8, Fields.field("_Stack folder on the target", stackDir),
                Fields.hint("The folder holding berth.yaml and compose.yaml from the last time."));
        Fields.shownWhen(stack, vm.startProperty().isEqualTo(WizardModel.Start.RECONFIGURE));

        Button test = new Button("Test _connection");
        test.setId("test-connection");
        test.disableProperty().bind(vm.canConnectProperty().not()
                .or(vm.connectionStateProperty().isEqualTo(TargetSession.State.CONNECTING)));
        test.setOnAction(e -> vm.testConnection());
        StatusLine connection = new StatusLine(vm.connectionMessageProperty(),
                vm.connectionStateProperty().isEqualTo(TargetSession.State.CONNECTING));
        connection.label().setId("connection-message");
        vm.connectionStateProperty().addListener((o, was, now) -> connection.outcome(
                now == TargetSession.State.CONNECTED ? Boolean.TRUE : now == TargetSession.State.FAILED ? Boolean.FALSE : null));
        StatusLine found = new StatusLine(vm.stackMessageProperty(),
                Bindings.createBooleanBinding(() -> vm.stackStateProperty().get() == ExistingStack.State.READING, vm.stackStateProperty()));
        vm.stackStateProperty().addListener((o, was, now) -> found.outcome(
                now == ExistingStack.State.FOUND ? Boolean.TRUE : now == ExistingStack.State.NOT_FOUND ? Boolean.FALSE : null));
        VBox testBox = new VBox(10, test, connection, found);

        Label desktop = Fields.messageLabel(vm.desktopRefusalProperty());
        desktop.setId("desktop-refusal");
        getChildren().addAll(cards, desktop, ssh, stack, testBox, new OtherHostsView(vm.otherHosts()));
    }

    private static TextField text(javafx.beans.property.StringProperty value, String prompt, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }
}
