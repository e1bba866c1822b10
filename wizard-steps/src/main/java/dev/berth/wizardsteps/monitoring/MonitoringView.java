package dev.berth.wizardsteps.monitoring;

import dev.berth.answers.MonitoringAnswers.Watchtower;
import dev.berth.wizardsteps.view.Choices;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import dev.berth.wizardsteps.view.Rows;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Step 8's page: the monitoring helpers as cards, each with the memory it takes, then Watchtower's policy. */
public final class MonitoringView extends Page {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    public MonitoringView(MonitoringViewModel vm) {
        // Two columns of equal width; a grid, as it sizes wrapped text to the column's width.
        GridPane cards = new GridPane();
        cards.setHgap(12);
        cards.setVgap(12);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            cards.getColumnConstraints().add(half);
        }
        Map<Extra, VBox> byExtra = new EnumMap<>(Extra.class);
        for (Extra e : Extra.values()) {
            byExtra.put(e, card(vm, e));
        }
        Runnable place = () -> {
            cards.getChildren().clear();
            int i = 0;
            for (Extra e : Extra.values()) {
                if (e != Extra.TAUTULLI || vm.tautulliOfferedProperty().get()) {
                    cards.add(byExtra.get(e), i % 2, i / 2);
                    i++;
                }
            }
        };
        vm.tautulliOfferedProperty().addListener(o -> place.run());
        place.run();
        Label noPlex = Fields.hint("Tautulli, for Plex statistics, is offered when Plex is one of your apps.");
        Fields.shownWhen(noPlex, vm.tautulliOfferedProperty().not());
        VBox helpers = new VBox(10, Fields.heading("Helpers"), cards, noPlex);

        Choices<Watchtower> policy = new Choices<>(vm.watchtowerProperty());
        var policies = Rows.even(
                policy.card(Watchtower.OFF, "_Off", "You update the apps yourself.", "watchtower-off"),
                policy.card(Watchtower.NOTIFY, "_Report new versions", "Looks every night at 4:00 and lists new versions "
                        + "in its log; changes nothing.", "watchtower-notify"),
                policy.card(Watchtower.UPDATE, "_Report, then install with berth update", "Watchtower only reports them: "
                        + "berth update installs them, waits until the apps are healthy, and goes back if not.", "watchtower-update"));
        VBox updates = new VBox(10, Fields.heading("New versions (Watchtower)"), policies,
                Fields.messageLabel(vm.messageProperty("watchtower")));
        getChildren().addAll(helpers, updates, Fields.messageLabel(vm.generalMessageProperty()));
    }

    private static VBox card(MonitoringViewModel vm, Extra extra) {
        CheckBox box = new CheckBox(extra.title());
        box.setMnemonicParsing(true);
        box.setId("monitoring-" + extra.field());
        box.getStyleClass().add("card-title");
        box.selectedProperty().bindBidirectional(vm.extraProperty(extra));
        Label description = new Label(extra.description());
        description.setWrapText(true);
        description.setMinHeight(Region.USE_PREF_SIZE);
        Label memory = new Label(vm.memory(extra));
        memory.getStyleClass().add("card-meta");
        memory.setWrapText(true);
        VBox card = new VBox(6, box, description, memory, Fields.messageLabel(vm.messageProperty(extra.field())));
        card.getStyleClass().add("card");
        card.setMinHeight(Region.USE_PREF_SIZE);
        Runnable style = () -> card.pseudoClassStateChanged(SELECTED, box.isSelected());
        box.selectedProperty().addListener(o -> style.run());
        style.run();
        card.setOnMouseClicked(e -> {
            if (e.getTarget() == card || e.getTarget() == description || e.getTarget() == memory) {
                box.setSelected(!box.isSelected());
            }
        });
        card.setMaxHeight(Double.MAX_VALUE);
        return card;
    }
}
