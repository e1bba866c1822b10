package dev.berth.wizardsteps.welcome;

import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.core.WizardModel.Start;
import dev.berth.wizardsteps.view.Choices;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 1's page: three choices as cards, and the answers file picker. */
public final class WelcomeView extends Page {
    public WelcomeView(WelcomeViewModel vm) {
        Choices<Start> start = new Choices<>(vm.startProperty());
        VBox fresh = start.card(Start.NEW, "_New stack",
                "Choose where it runs, where your media lives and which apps you want.", "start-new");
        VBox change = start.card(Start.RECONFIGURE, "_Change an existing stack",
                "Berth reads the stack it set up before from the computer or server you choose next.", "start-reconfigure");
        VBox file = start.card(Start.ANSWERS_FILE, "_Open an answers file",
                "Start from a berth.yaml you or Berth wrote; every page is filled in from it.", "start-answers-file");

        Button choose = new Button("C_hoose file…");
        choose.setMnemonicParsing(true);
        choose.setId("choose-answers-file");
        choose.setOnAction(e -> vm.chooseFile());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Fields.shownWhen(spinner, vm.loadingProperty());
        Label message = new Label();
        message.textProperty().bind(vm.fileMessageProperty());
        message.setWrapText(true);
        message.setId("answers-file-message");
        vm.fileFailedProperty().addListener((o, was, bad) -> message.pseudoClassStateChanged(Styles.STATE_DANGER, bad));
        VBox fileBox = new VBox(8, new HBox(10, choose, spinner), message);
        fileBox.getStyleClass().add("choice-extra");
        Fields.shownWhen(fileBox, vm.startProperty().isEqualTo(Start.ANSWERS_FILE));
        file.getChildren().add(fileBox);

        getChildren().addAll(fresh, change, file, stackActions(vm));
    }

    /** Stop, start or remove the stack found in the draft's folder; shown only when there is one. */
    private static VBox stackActions(WelcomeViewModel vm) {
        Label title = new Label("A stack Berth deployed is here");
        title.getStyleClass().add(Styles.TITLE_4);
        Label which = new Label();
        which.setId("found-stack");
        which.textProperty().bind(vm.stackDescriptionProperty());
        which.setWrapText(true);
        Label lastBackup = Fields.hint("found-stack-last-backup", vm.stackLastBackupProperty());
        Fields.shownWhen(lastBackup, vm.stackLastBackupProperty().isNotEmpty());
        Button stop = action("Sto_p", "stack-stop", vm::stopStack);
        Button start = action("S_tart", "stack-start", vm::startStack);
        Button remove = action("_Remove", "stack-remove", vm::removeStack);
        Button purge = action("Remove and _delete its config…", "stack-remove-purge", vm::removeStackAndConfig);
        purge.getStyleClass().add(Styles.DANGER);
        for (Button b : new Button[] {stop, start, remove, purge}) {
            b.disableProperty().bind(vm.stackActionRunningProperty());
        }
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Button cancel = action("Cancel", "stack-cancel", vm::cancelStackAction);
        HBox running = new HBox(10, spinner, cancel);
        Fields.shownWhen(running, vm.stackActionRunningProperty());
        Label message = new Label();
        message.setId("stack-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.stackMessageProperty());
        vm.stackFailedProperty().addListener((o, was, bad) -> message.pseudoClassStateChanged(Styles.STATE_DANGER, bad));
        Label note = new Label("Removing keeps its config and never deletes your media or downloads; deleting the config asks"
                + " you to type the stack's name.");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, title, which, lastBackup, new HBox(10, stop, start, remove, purge), note, running, message);
        box.setId("stack-actions");
        box.getStyleClass().add("choice-extra");
        Fields.shownWhen(box, vm.stackFoundProperty().or(vm.stackMessageProperty().isNotEmpty()));
        return box;
    }

    private static Button action(String text, String id, Runnable onAction) {
        Button b = new Button(text);
        b.setMnemonicParsing(true);
        b.setId(id);
        b.setOnAction(e -> onAction.run());
        return b;
    }
}
