package dev.berth.wizardsteps.view;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * A labelled field with its validation message: the label (with a mnemonic, Alt+letter), the
 * control, and the ViewModel's message under it. The message also marks the control (AtlantaFX's
 * danger state and a ControlsFX decoration with the message as tooltip) so it shows at a glance.
 */
public final class Fields {
    /** ControlsFX's error mark, inside the field at its right end rather than on its corner. */
    private static final GraphicValidationDecoration DECORATION = new GraphicValidationDecoration() {
        @Override
        protected java.util.Collection<org.controlsfx.control.decoration.Decoration> createValidationDecorations(ValidationMessage m) {
            return java.util.List.of(new org.controlsfx.control.decoration.GraphicDecoration(createDecorationNode(m),
                    javafx.geometry.Pos.CENTER_RIGHT, -14, 0));
        }
    };

    private Fields() {
    }

    /**
     * @param label   with {@code _} before the mnemonic letter, e.g. "_Host"
     * @param message the ViewModel's message for this field; empty when fine
     */
    public static VBox field(String label, Control control, ObservableStringValue message) {
        return field(label, control, control, message);
    }

    /**
     * A field whose control sits in a row with more (a Browse… button): {@code shown} holds the
     * control; the label, mnemonic and message still belong to the control.
     */
    public static VBox field(String label, Control control, Node shown, ObservableStringValue message) {
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(control);
        l.getStyleClass().add("field-label");
        l.setWrapText(true); // fields share a row; a long label takes a second line rather than an ellipsis
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(4, l, shown);
        box.getStyleClass().add("field");
        if (message != null) {
            box.getChildren().add(messageLabel(message));
            decorate(control, message);
        }
        return box;
    }

    /** A text field bound both ways to the ViewModel's property, with its prompt and an id for tests. */
    public static TextField text(StringProperty value, String prompt, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** A field without a validation message (a choice that cannot be wrong). */
    public static VBox field(String label, Control control) {
        return field(label, control, null);
    }

    /** The message under a field, hidden (and taking no room) while empty. */
    public static Label messageLabel(ObservableStringValue message) {
        Label m = new Label();
        m.textProperty().bind(message);
        m.getStyleClass().addAll("field-message", Styles.DANGER);
        m.setWrapText(true);
        m.visibleProperty().bind(Bindings.isNotEmpty(message));
        m.managedProperty().bind(m.visibleProperty());
        return m;
    }

    /** Marks the control while the message is not empty. */
    public static void decorate(Control control, ObservableStringValue message) {
        Runnable apply = () -> {
            String text = message.get();
            boolean bad = text != null && !text.isEmpty();
            control.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
            org.controlsfx.control.decoration.Decorator.removeAllDecorations(control);
            if (bad) {
                DECORATION.applyValidationDecoration(ValidationMessage.error(control, text));
            }
        };
        message.addListener(o -> apply.run());
        // Decorations need the control in a scene; apply again once it is.
        control.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                apply.run();
            }
        });
    }

    /** A muted line of help under a heading or a field. */
    public static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, "hint");
        l.setWrapText(true);
        return l;
    }

    /** A muted line of help whose words come from the ViewModel. */
    public static Label hint(String id, ObservableStringValue text) {
        Label l = hint("");
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }

    /** A section heading inside a page. */
    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TITLE_4, "section-heading");
        return l;
    }


    /** A node shown only while the flag is true, taking no room otherwise. */
    public static <N extends Node> N shownWhen(N node, javafx.beans.value.ObservableBooleanValue flag) {
        node.visibleProperty().bind(flag);
        node.managedProperty().bind(flag);
        return node;
    }
}
