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

        getChildren().addAll(fresh, change, file);
    }
}
