package dev.berth.wizardsteps.apps;

import dev.berth.catalog.QualityProfileSpec;
import dev.berth.wizardsteps.view.Fields;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Apps page's "Options for watching", shown only while one of its parts matters: the media
 * server's name and metadata language and country, Bazarr's subtitle languages, and a quality
 * profile per app Recyclarr serves, each with its description.
 */
final class WatchingSection {
    private WatchingSection() {
    }

    static VBox of(AppsViewModel vm) {
        TextField name = new TextField();
        name.setId("media-server-name");
        name.textProperty().bindBidirectional(vm.serverNameProperty());
        ComboBox<Option> language = choice("media-language", vm.languages(), vm.metadataLanguageProperty());
        ComboBox<Option> country = choice("media-country", vm.countries(), vm.metadataCountryProperty());
        HBox server = new HBox(16,
                grow(Fields.field("Server _name", name, vm.messageProperty("serverName"))),
                grow(Fields.field("_Language of titles and descriptions", language, vm.messageProperty("metadataLanguage"))),
                grow(Fields.field("_Country for ratings and release dates", country, vm.messageProperty("metadataCountry"))));
        VBox mediaServer = new VBox(6, server, Fields.hint("What your media server calls itself on your network, and the "
                + "language and country it fetches film and show details in (suggested from your time zone)."));
        Fields.shownWhen(mediaServer, vm.mediaServerShownProperty());

        FlowPane ticks = new FlowPane(14, 8);
        ticks.setId("subtitle-languages");
        Runnable fillTicks = () -> ticks.getChildren().setAll(vm.offeredSubtitles().stream().map(code -> {
            CheckBox box = new CheckBox(vm.languageName(code));
            box.setId("subtitle-" + code);
            box.selectedProperty().bindBidirectional(vm.subtitleProperty(code));
            return box;
        }).toList());
        vm.offeredSubtitles().addListener((ListChangeListener<String>) c -> fillTicks.run());
        fillTicks.run();
        Label order = new Label();
        order.setId("subtitle-order");
        order.setWrapText(true);
        order.getStyleClass().add("hint");
        Runnable showOrder = () -> order.setText(vm.subtitleLanguages().isEmpty()
                ? "None ticked: Bazarr fetches subtitles in the language of titles and descriptions."
                : "In this order of preference: " + String.join(", ", vm.subtitleLanguages().stream().map(vm::languageName).toList())
                + ". Untick and tick again to move one to the end.");
        vm.subtitleLanguages().addListener((ListChangeListener<String>) c -> showOrder.run());
        showOrder.run();
        VBox subtitles = new VBox(6, Fields.heading("Subtitles (Bazarr)"), ticks, order,
                Fields.messageLabel(vm.messageProperty("subtitleLanguages")));
        Fields.shownWhen(subtitles, vm.subtitlesShownProperty());

        VBox profileRows = new VBox(10);
        profileRows.setId("quality-profiles");
        Runnable fillProfiles = () -> profileRows.getChildren().setAll(vm.qualityProfiles().stream().map(WatchingSection::profile).toList());
        vm.qualityProfiles().addListener((ListChangeListener<ProfileChoice>) c -> fillProfiles.run());
        fillProfiles.run();
        VBox profiles = new VBox(6, Fields.heading("Quality (Recyclarr, from the TRaSH guides)"), profileRows,
                Fields.messageLabel(vm.messageProperty("qualityProfiles")));
        Fields.shownWhen(profiles, vm.profilesShownProperty());

        VBox section = new VBox(14, Fields.heading("Options for watching"), mediaServer, subtitles, profiles);
        section.setId("watching-options");
        Fields.shownWhen(section, vm.watchingShownProperty());
        return section;
    }

    private static VBox profile(ProfileChoice choice) {
        ComboBox<QualityProfileSpec> box = new ComboBox<>();
        box.setId("quality-profile-" + choice.app());
        box.getItems().setAll(choice.profiles());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(QualityProfileSpec p) {
                return p == null ? "" : p.name();
            }

            @Override
            public QualityProfileSpec fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(choice.chosen());
        Label description = Fields.hint("");
        description.setId("quality-profile-description-" + choice.app());
        description.textProperty().bind(choice.chosen().map(QualityProfileSpec::description).orElse(""));
        return new VBox(4, Fields.field(choice.appName(), box), description);
    }

    private static <T> ComboBox<T> choice(String id, java.util.List<T> items, javafx.beans.property.ObjectProperty<T> value) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static VBox grow(VBox field) {
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }
}
