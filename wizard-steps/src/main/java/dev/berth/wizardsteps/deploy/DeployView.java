package dev.berth.wizardsteps.deploy;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.deploy.DeployViewModel.State;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import dev.berth.wizardsteps.view.SecretField;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Step 10's page: the overall bar with Cancel, the outcome, then steps, images and services as they go. */
public final class DeployView extends Page {
    public DeployView(DeployViewModel vm) {
        DeployBoard board = vm.board();
        BooleanBinding running = vm.stateProperty().isEqualTo(State.RUNNING).or(vm.stateProperty().isEqualTo(State.CANCELLING));

        Label message = new Label();
        message.setId("deploy-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Button cancel = new Button("_Cancel deploy");
        cancel.setMnemonicParsing(true);
        cancel.setId("cancel-deploy");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.disableProperty().bind(vm.stateProperty().isEqualTo(State.CANCELLING));
        cancel.setOnAction(e -> vm.cancel());
        Fields.shownWhen(cancel, running);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label stopping = Fields.hint("Stopping after the step under way, then putting everything back…");
        Fields.shownWhen(stopping, vm.stateProperty().isEqualTo(State.CANCELLING));
        VBox progress = new VBox(10, new HBox(12, message, gap, cancel), bar, stopping);
        progress.getStyleClass().add("summary-card");
        Fields.shownWhen(progress, running);

        Message outcome = new Message();
        outcome.setId("deploy-outcome");
        outcome.descriptionProperty().bind(vm.messageProperty());
        Button again = new Button("_Try again");
        again.setMnemonicParsing(true);
        again.setId("try-again");
        again.setOnAction(e -> vm.tryAgain());
        Fields.shownWhen(again, vm.stateProperty().isEqualTo(State.ROLLED_BACK).or(vm.stateProperty().isEqualTo(State.CANCELLED))
                .or(vm.stateProperty().isEqualTo(State.CRASHED)));
        VBox ended = new VBox(10, outcome, again);
        Fields.shownWhen(ended, running.not().and(vm.stateProperty().isNotEqualTo(State.WAITING))
                .and(vm.stateProperty().isNotEqualTo(State.ASKING)));
        vm.stateProperty().addListener((o, was, now) -> style(outcome, now));
        style(outcome, vm.stateProperty().get());

        Label warnings = new Label();
        warnings.setWrapText(true);
        warnings.textProperty().bind(Bindings.createStringBinding(() -> board.warnings().stream().map(w -> "• " + w)
                .collect(java.util.stream.Collectors.joining("\n")), board.warnings()));
        Label warningsTitle = new Label("The check before the deploy warned");
        warningsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox note = new VBox(4, warningsTitle, warnings);
        note.getStyleClass().add("note");
        Fields.shownWhen(note, Bindings.isNotEmpty(board.warnings()));

        VBox steps = section("Steps", board.jobs(), DeployRows::job, "step-list");
        steps.getChildren().add(note);
        getChildren().addAll(claim(vm), progress, ended, steps, images(board), section("Services", board.services(), DeployRows::service, null));
    }

    /** Plex's claim token, asked right before the deploy starts: the token is valid for four minutes. */
    private static VBox claim(DeployViewModel vm) {
        Label why = new Label();
        why.setId("plex-claim-message");
        why.setWrapText(true);
        why.textProperty().bind(vm.messageProperty());
        Hyperlink get = new Hyperlink("Get a claim token at " + vm.claimUrl());
        get.setId("open-plex-claim");
        get.setOnAction(e -> vm.openClaimPage());
        SecretField token = new SecretField(vm.claimTokenProperty(), "claim-…", "plex-claim");
        Button start = new Button("_Start deploy");
        start.setMnemonicParsing(true);
        start.setDefaultButton(true);
        start.setId("start-deploy");
        start.setOnAction(e -> vm.startWithClaim());
        Label emptyIsFine = Fields.hint("Leave it empty to start Plex unclaimed; the Done page then says how to claim it.");
        VBox box = new VBox(10, Fields.heading("Plex's claim token"), why, get,
                SecretField.field("Claim _token (valid four minutes)", token, vm.claimMessageProperty()), emptyIsFine, start);
        box.getStyleClass().add("summary-card");
        Fields.shownWhen(box, vm.stateProperty().isEqualTo(State.ASKING));
        return box;
    }

    private static VBox images(DeployBoard board) {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(8);
        grid.getStyleClass().add("step-list");
        Runnable fill = () -> {
            grid.getChildren().clear();
            for (int i = 0; i < board.images().size(); i++) {
                DeployRows.image(grid, i, board.images().get(i));
            }
        };
        board.images().addListener((ListChangeListener<ImageRow>) c -> fill.run());
        fill.run();
        VBox box = new VBox(10, Fields.heading("Images"), grid);
        Fields.shownWhen(box, Bindings.isNotEmpty(board.images()));
        return box;
    }

    private static void style(Message m, State s) {
        m.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
        switch (s) {
            case SUCCEEDED -> {
                m.setTitle("Your stack is running");
                m.getStyleClass().add(Styles.SUCCESS);
            }
            case ROLLED_BACK -> {
                m.setTitle("The deploy failed and was rolled back");
                m.getStyleClass().add(Styles.DANGER);
            }
            case CANCELLED -> {
                m.setTitle("Deploy cancelled");
                m.getStyleClass().add(Styles.WARNING);
            }
            case CRASHED -> {
                m.setTitle("The deploy could not start");
                m.getStyleClass().add(Styles.DANGER);
            }
            default -> m.setTitle("");
        }
    }

    /** @param listStyle a style for the list as a whole (one card), or null for rows that are cards themselves */
    private static <T> VBox section(String title, ObservableList<T> rows, Function<T, Node> view, String listStyle) {
        VBox list = new VBox(8);
        if (listStyle != null) {
            list.getStyleClass().add(listStyle);
        }
        Runnable fill = () -> list.getChildren().setAll(rows.stream().map(view).toList());
        rows.addListener((ListChangeListener<T>) c -> fill.run());
        fill.run();
        VBox box = new VBox(10, Fields.heading(title), list);
        box.setAlignment(Pos.TOP_LEFT);
        Fields.shownWhen(box, Bindings.isNotEmpty(rows));
        return box;
    }
}
