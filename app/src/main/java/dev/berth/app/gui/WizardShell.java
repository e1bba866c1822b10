package dev.berth.app.gui;

import dev.berth.wizardsteps.WizardStep;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.WizardFlow;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The wizard's frame: the sidebar on the left, the current step's page on the right under its
 * title, Back and Next at the bottom. Next is the default button (Enter) and is enabled only while
 * the step's answers are good. Pages are built the first time they are shown and kept.
 *
 * <p>By keyboard: Alt+Left and Alt+Right (or the mnemonics Alt+B, Alt+N) are Back and Next from
 * anywhere; Enter on a focused button presses that button, not Next; a new page puts the focus on
 * its first field; and whatever takes the focus is scrolled into view.
 */
public final class WizardShell extends BorderPane {
    private final WizardFlow flow;
    private final Map<StepViewModel, WizardStep<?>> steps = new LinkedHashMap<>();
    private final Map<StepViewModel, Node> views = new HashMap<>();
    private final Label title = new Label();
    private final Label description = new Label();
    private final StackPane content = new StackPane();
    private final ScrollPane scroll = new ScrollPane(content);
    private final Button next = new Button("_Next");

    WizardShell(List<WizardStep<?>> wizardSteps, Theme theme) {
        wizardSteps.forEach(s -> steps.put(s.viewModel(), s));
        flow = new WizardFlow(List.copyOf(steps.keySet()));
        getStyleClass().add("wizard-shell");

        title.getStyleClass().add("step-title");
        title.setId("step-title");
        description.getStyleClass().add("step-description");
        description.setWrapText(true);
        VBox header = new VBox(title, description);
        header.getStyleClass().add("step-header");

        content.getStyleClass().add("step-content");
        content.setAlignment(Pos.TOP_LEFT);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("step-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button back = new Button("_Back");
        back.setId("back");
        back.setMnemonicParsing(true);
        back.disableProperty().bind(flow.canGoBackProperty().not());
        back.setOnAction(e -> flow.back());
        next.setId("next");
        next.setMnemonicParsing(true);
        next.setDefaultButton(true);
        next.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        next.disableProperty().bind(flow.canGoNextProperty().not());
        next.visibleProperty().bind(flow.onLastProperty().not());
        next.setOnAction(e -> flow.next());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox nav = new HBox(back, gap, next);
        nav.getStyleClass().add("nav-bar");
        nav.setAlignment(Pos.CENTER_RIGHT);

        // Eleven steps outgrow a small window: the sidebar scrolls rather than pushing Back/Next off the screen.
        ScrollPane side = new ScrollPane(new Sidebar(flow, theme));
        side.setFitToWidth(true);
        side.setFitToHeight(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("sidebar-scroll");
        setLeft(side);
        setCenter(new VBox(header, scroll));
        setBottom(nav);
        flow.currentProperty().addListener((o, was, now) -> show(now));
        addEventHandler(KeyEvent.KEY_PRESSED, this::backOrNext);
        EnterPresses.focusedButton(this);
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                now.focusOwnerProperty().addListener((fo, before, focused) -> FocusScroll.reveal(side, focused));
                now.focusOwnerProperty().addListener((fo, before, focused) -> FocusScroll.reveal(scroll, focused));
            }
        });
    }

    /**
     * Alt+Left and Alt+Right, as in a browser. A handler, not a filter: a text field that moves by
     * word on Alt+arrow (macOS) keeps the keys.
     */
    private void backOrNext(KeyEvent e) {
        if (!e.isAltDown() || e.isControlDown() || e.isShiftDown()) {
            return;
        }
        if (e.getCode() == KeyCode.LEFT && flow.canGoBackProperty().get()) {
            e.consume();
            flow.back();
        } else if (e.getCode() == KeyCode.RIGHT && flow.canGoNextProperty().get() && !flow.onLastProperty().get()) {
            e.consume();
            flow.next();
        }
    }

    /** Enters the first step. */
    void start() {
        flow.start();
    }

    public WizardFlow flow() {
        return flow;
    }

    private void show(StepViewModel step) {
        title.setText(step.title());
        next.setText(step.nextLabel());
        description.setText(step.description());
        Node view = views.computeIfAbsent(step, s -> steps.get(s).createView());
        content.getChildren().setAll(view);
        scroll.setVvalue(0);
        Platform.runLater(() -> {
            if (!focusFirst(view) && next.isVisible() && !next.isDisabled()) {
                next.requestFocus(); // a page with nothing to answer: Enter or Space goes on
            }
        });
    }

    /**
     * Puts the focus on the page's first field, so typing starts there. In a group of choices that
     * is the one chosen, as Tab would enter the group there and the arrows move from it.
     */
    private static boolean focusFirst(Node node) {
        if (node.isFocusTraversable() && node.isVisible() && !node.isDisabled()) {
            if (node instanceof RadioButton r && r.getToggleGroup() != null && r.getToggleGroup().getSelectedToggle() instanceof Node chosen
                    && chosen.isVisible() && !chosen.isDisabled()) {
                chosen.requestFocus();
            } else {
                node.requestFocus();
            }
            return true;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                if (child.isVisible() && focusFirst(child)) {
                    return true;
                }
            }
        }
        return false;
    }
}
