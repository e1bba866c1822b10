package dev.berth.wizardsteps.done;

import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.view.Fields;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Registering a device for two-factor sign-in: the newest one-time code (or link) Authelia wrote, with Open, Copy and Check again. */
final class OneTimeLinkSection {
    private OneTimeLinkSection() {
    }

    static VBox of(DoneViewModel vm) {
        Label message = Fields.hint("one-time-link-message", vm.oneTimeLinkMessageProperty());
        TextField url = new TextField();
        url.setId("one-time-link");
        url.setEditable(false);
        url.getStyleClass().add("code");
        HBox.setHgrow(url, Priority.ALWAYS);
        Button open = new Button("Open");
        open.setId("open-one-time-link");
        open.getStyleClass().add(Styles.SMALL);
        open.setOnAction(e -> vm.openOneTimeLink());
        Button copy = new Button("Copy");
        copy.setId("copy-one-time-link");
        copy.getStyleClass().add(Styles.SMALL);
        copy.setOnAction(e -> vm.copyOneTimeLink());
        HBox linkLine = new HBox(10, url, open, copy);
        linkLine.setAlignment(Pos.CENTER_LEFT);
        // Registering a device gives a code to type into Authelia's prompt; a password reset a link to open.
        Runnable showLink = () -> {
            var l = vm.oneTimeLinkProperty().get();
            url.setText(l == null ? "" : l.isCode() ? l.code() : l.url());
            open.setText(l != null && l.isCode() ? "Open sign-in page" : "Open");
        };
        vm.oneTimeLinkProperty().addListener(o -> showLink.run());
        showLink.run();
        Fields.shownWhen(linkLine, vm.oneTimeLinkProperty().isNotNull());

        Button again = new Button("Check _again");
        again.setId("check-one-time-link");
        again.setMnemonicParsing(true);
        again.setOnAction(e -> vm.checkOneTimeLink());
        again.disableProperty().bind(vm.checkingOneTimeLinkProperty());

        VBox box = new VBox(10, Fields.heading("Register a device for two-factor sign-in"), message, linkLine, again);
        Fields.shownWhen(box, vm.oneTimeLinkOfferedProperty());
        return box;
    }
}
