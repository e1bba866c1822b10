package dev.berth.wizardsteps.target;

import dev.berth.answers.TargetAnswers.Kind;
import dev.berth.wizardsteps.view.Fields;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Target page's "Several machines" part: the target's name and address, a row per other machine, Add and Remove. */
final class OtherHostsView extends VBox {
    OtherHostsView(OtherHosts hosts) {
        super(12);
        setId("other-hosts");
        TextField firstName = Fields.text(hosts.firstNameProperty(), "nas", "host-0-name");
        TextField firstAddress = Fields.text(hosts.firstAddressProperty(), "192.168.1.30", "host-0-address");
        GridPane first = new GridPane();
        first.setHgap(16);
        first.add(Fields.field("Name of the _machine above", firstName, hosts.firstMessageProperty()), 0, 0);
        first.add(Fields.field("Its a_ddress for the others", firstAddress), 1, 0);
        GridPane.setHgrow(first.getChildren().getFirst(), Priority.ALWAYS);
        VBox firstBox = new VBox(8, first);
        firstBox.visibleProperty().bind(Bindings.isNotEmpty(hosts.rows()));
        firstBox.managedProperty().bind(firstBox.visibleProperty());

        VBox rows = new VBox(12);
        Runnable redraw = () -> {
            rows.getChildren().clear();
            for (int i = 0; i < hosts.rows().size(); i++) {
                rows.getChildren().add(row(hosts, hosts.rows().get(i), i + 1));
            }
        };
        hosts.rows().addListener((ListChangeListener<HostRow>) c -> redraw.run());
        redraw.run();

        Button add = new Button("_Add a machine");
        add.setId("add-host");
        add.setOnAction(e -> {
            HostRow row = hosts.add();
            // The new row's name field takes the focus, so the keyboard goes on where the person looks.
            rows.lookupAll("#host-" + (hosts.rows().indexOf(row) + 1) + "-name").stream().findFirst().ifPresent(javafx.scene.Node::requestFocus);
        });
        getChildren().addAll(Fields.heading("Several machines"),
                Fields.hint("Optional: add the other machines the stack should use (a NAS, a small PC with a GPU). The machine "
                        + "above comes first and manages the others through Docker Swarm; Berth proposes where each app runs."),
                firstBox, rows, add);
    }

    private static VBox row(OtherHosts hosts, HostRow r, int index) {
        String id = "host-" + index;
        TextField name = Fields.text(r.nameProperty(), "nas", id + "-name");
        ChoiceBox<Kind> kind = new ChoiceBox<>();
        kind.setId(id + "-kind");
        kind.getItems().setAll(Kind.SSH, Kind.LOCAL);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(Kind k) {
                return k == Kind.LOCAL ? "This computer" : "A server over SSH";
            }

            @Override
            public Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(r.kindProperty());
        TextField host = Fields.text(r.hostProperty(), "nas.local", id + "-host");
        TextField port = Fields.text(r.portProperty(), "22", id + "-port");
        port.setPrefColumnCount(5);
        TextField user = Fields.text(r.userProperty(), "media", id + "-user");
        TextField key = Fields.text(r.keyFileProperty(), "~/.ssh/id_ed25519 (optional)", id + "-key");
        TextField address = Fields.text(r.addressProperty(), "192.168.1.20 (optional for a server)", id + "-address");
        Button remove = new Button("Remove");
        remove.setId(id + "-remove");
        remove.setOnAction(e -> hosts.remove(r));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name, new Label("Reached as"), kind, remove);
        grid.addRow(1, new Label("Host"), host, new Label("Port"), port);
        grid.addRow(2, new Label("User"), user, new Label("Key file"), key);
        grid.addRow(3, new Label("Address"), address);
        GridPane.setHgrow(name, Priority.ALWAYS);
        for (var n : new javafx.scene.Node[] {host, port, user, key}) {
            n.disableProperty().bind(r.kindProperty().isEqualTo(Kind.LOCAL));
        }
        Label message = Fields.messageLabel(r.messageProperty());
        message.setId(id + "-message");
        VBox box = new VBox(6, Fields.heading("Machine " + (index + 1)), grid, message);
        box.getStyleClass().add("host-row");
        return box;
    }
}
