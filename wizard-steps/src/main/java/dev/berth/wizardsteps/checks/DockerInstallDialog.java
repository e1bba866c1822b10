package dev.berth.wizardsteps.checks;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window of "Install Docker…": the commands first, then the sudo password and Install, then
 * their output. It cannot be closed while commands run (Stop ends the run after the command under
 * way); all logic is in {@link DockerInstallViewModel}.
 */
final class DockerInstallDialog {
    private DockerInstallDialog() {
    }

    static void open(Node from, DockerInstallViewModel vm) {
        Stage stage = new Stage();
        Window owner = from.getScene() == null ? null : from.getScene().getWindow();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Install Docker");

        Label message = new Label();
        message.setId("docker-install-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        ListView<String> commands = new ListView<>(vm.commands());
        commands.setId("docker-install-commands");
        commands.getStyleClass().add("code");
        commands.setPrefHeight(220);

        PasswordField password = new PasswordField();
        password.setId("docker-install-password");
        password.setPromptText("Your sudo password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        Label passwordLabel = new Label("_Sudo password");
        passwordLabel.setMnemonicParsing(true);
        passwordLabel.setLabelFor(password);
        HBox passwordRow = new HBox(8, passwordLabel, password);
        passwordRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(password, Priority.ALWAYS);
        passwordRow.visibleProperty().bind(Bindings.createBooleanBinding(vm::needsPassword, vm.planProperty())
                .and(vm.runningProperty().not()).and(vm.installedProperty().not()));
        passwordRow.managedProperty().bind(passwordRow.visibleProperty());

        ListView<String> output = new ListView<>(vm.output());
        output.setId("docker-install-output");
        output.getStyleClass().add("code");
        output.setPrefHeight(220);
        output.visibleProperty().bind(Bindings.isNotEmpty(vm.output()));
        output.managedProperty().bind(output.visibleProperty());
        vm.output().addListener((ListChangeListener<String>) c -> output.scrollTo(vm.output().size() - 1));

        Button install = new Button("_Install");
        install.setId("docker-install-run");
        install.getStyleClass().add(Styles.ACCENT);
        install.setDefaultButton(true);
        install.disableProperty().bind(vm.canRunProperty().not());
        install.setOnAction(e -> vm.run());
        Button stop = new Button("_Stop after this command");
        stop.setId("docker-install-stop");
        stop.visibleProperty().bind(vm.runningProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> vm.stop());
        Button close = new Button("_Close");
        close.setId("docker-install-close");
        close.setCancelButton(true);
        close.disableProperty().bind(vm.runningProperty());
        close.setOnAction(e -> stage.close());
        stage.setOnCloseRequest(e -> {
            if (vm.runningProperty().get()) {
                e.consume(); // the commands run on: Stop ends them after the one under way
            }
        });
        HBox buttons = new HBox(8, new Region(), stop, install, close);
        HBox.setHgrow(buttons.getChildren().getFirst(), Priority.ALWAYS);

        VBox body = new VBox(12, message, commands, passwordRow, output, buttons);
        body.setPadding(new Insets(16));
        body.setPrefWidth(760);
        Scene scene = new Scene(body);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }
}
