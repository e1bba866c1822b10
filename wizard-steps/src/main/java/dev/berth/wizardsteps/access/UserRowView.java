package dev.berth.wizardsteps.access;

import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.SecretField;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One Authelia user as a card: user name, display name, e-mail, password, admin, and Remove. */
final class UserRowView extends VBox {
    /** @param index the row's place, for ids ({@code user-0-email}) */
    UserRowView(AccessViewModel vm, UserRow row, int index) {
        super(10);
        getStyleClass().add("card");
        String id = "user-" + index + "-";
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            grid.getColumnConstraints().add(half);
        }
        grid.add(Fields.field("User name", Fields.text(row.usernameProperty(), "alice", id + "username"), row.messageProperty("username")), 0, 0);
        grid.add(Fields.field("Display name", Fields.text(row.displayNameProperty(), "Alice Example", id + "displayName"),
                row.messageProperty("displayName")), 1, 0);
        grid.add(Fields.field("E-mail", Fields.text(row.emailProperty(), "alice@example.com", id + "email"), row.messageProperty("email")), 0, 1);
        grid.add(SecretField.field("Password", new SecretField(row.passwordProperty(), "empty: Berth makes one", id + "password"),
                row.messageProperty("password")), 1, 1);

        CheckBox admin = new CheckBox("In the admins group");
        admin.setId(id + "admin");
        admin.selectedProperty().bindBidirectional(row.adminProperty());
        Button remove = new Button("Remove");
        remove.setId(id + "remove");
        remove.getStyleClass().addAll(Styles.FLAT, Styles.DANGER);
        remove.setOnAction(e -> vm.removeUser(row));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(8, admin, gap, remove);
        bottom.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(grid, bottom);
    }
}
