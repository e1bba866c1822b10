package dev.berth.wizardsteps.welcome;

import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.core.WizardModel.Start;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 1's page: three choices as cards, and the answers file picker. */
public final class WelcomeView extends Page {
    public WelcomeView(WelcomeViewModel vm) {
        ToggleGroup group = new ToggleGroup();
        VBox fresh = choice(group, Start.NEW, "_New stack",
                "Choose where it runs, where your media lives and which apps you want.");
        VBox change = choice(group, Start.RECONFIGURE, "_Change an existing stack",
                "Berth reads the stack it set up before from the computer or server you choose next.");
        VBox file = choice(group, Start.ANSWERS_FILE, "_Open an answers file",
                "Start from a berth.yaml you or Berth wrote; every page is filled in from it.");

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
        vm.fileFailedProperty().addListener((o, was, bad) -> message.pseudoClassStateChanged(Styles.STATE_DANGER, bad));
        message.getStyleClass().add("file-message");
        HBox fileRow = new HBox(10, choose, spinner);
        VBox fileBox = new VBox(8, fileRow, message);
        fileBox.getStyleClass().add("choice-extra");
        Fields.shownWhen(fileBox, vm.startProperty().isEqualTo(Start.ANSWERS_FILE));
        file.getChildren().add(fileBox);

        getChildren().addAll(fresh, change, file);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.startProperty().set((Start) now.getUserData());
            }
        });
        Runnable select = () -> group.getToggles().stream()
                .filter(t -> t.getUserData() == vm.startProperty().get()).findFirst().ifPresent(group::selectToggle);
        vm.startProperty().addListener(o -> select.run());
        select.run();
    }

    private static VBox choice(ToggleGroup group, Start value, String title, String text) {
        RadioButton radio = new RadioButton(title);
        radio.setMnemonicParsing(true);
        radio.setToggleGroup(group);
        radio.setUserData(value);
        radio.setId("start-" + value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        radio.getStyleClass().add("choice-title");
        Label help = Fields.hint(text);
        VBox card = new VBox(6, radio, help);
        card.getStyleClass().add("choice-card");
        card.setOnMouseClicked(e -> radio.setSelected(true));
        return card;
    }
}
