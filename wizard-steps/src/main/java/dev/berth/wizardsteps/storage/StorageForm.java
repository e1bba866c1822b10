package dev.berth.wizardsteps.storage;

import dev.berth.answers.Problem;
import dev.berth.answers.StorageAnswers;
import dev.berth.engine.check.CheckData;
import dev.berth.wizardsteps.core.PageRule;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Storage page's fields as typed, and the {@link StorageAnswers} they make. Ids are typed as text. */
final class StorageForm {
    final StringProperty stackDir = new SimpleStringProperty(this, "stackDir", "");
    final StringProperty dataRoot = new SimpleStringProperty(this, "dataRoot", "");
    final StringProperty configRoot = new SimpleStringProperty(this, "configRoot", "");
    final StringProperty puid = new SimpleStringProperty(this, "puid", "");
    final StringProperty pgid = new SimpleStringProperty(this, "pgid", "");
    final StringProperty timeZone = new SimpleStringProperty(this, "timeZone", "");
    final BooleanProperty hardwareTranscoding = new SimpleBooleanProperty(this, "hardwareTranscoding");

    /** Every field, for listening to edits. */
    List<Observable> all() {
        return List.of(stackDir, dataRoot, configRoot, puid, pgid, timeZone, hardwareTranscoding);
    }

    /** The text of a field, by its name in {@link StorageViewModel#FIELDS}. */
    String text(String field) {
        return switch (field) {
            case "stackDir" -> stackDir.get();
            case "dataRoot" -> dataRoot.get();
            case "configRoot" -> configRoot.get();
            case "puid" -> puid.get();
            case "pgid" -> pgid.get();
            default -> timeZone.get();
        };
    }

    /** A path field, by name, for the folder picker. */
    StringProperty path(String field) {
        return switch (field) {
            case "stackDir" -> stackDir;
            case "dataRoot" -> dataRoot;
            case "configRoot" -> configRoot;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** @param problems gets an id that is not a whole number */
    StorageAnswers build(List<Problem> problems) {
        return new StorageAnswers(blankToNull(stackDir.get()), blankToNull(dataRoot.get()), blankToNull(configRoot.get()),
                id("puid", puid, problems), id("pgid", pgid, problems), blankToNull(timeZone.get()), hardwareTranscoding.get());
    }

    void fill(StorageAnswers s) {
        stackDir.set(nullToBlank(s.stackDir()));
        dataRoot.set(nullToBlank(s.dataRoot()));
        configRoot.set(nullToBlank(s.configRoot()));
        puid.set(s.puid() == null ? "" : s.puid().toString());
        pgid.set(s.pgid() == null ? "" : s.pgid().toString());
        timeZone.set(nullToBlank(s.timeZone()));
        hardwareTranscoding.set(s.hardwareTranscoding());
    }

    /** @param home the person's home folder, or null for the usual places (as root, or on a server) */
    void suggestPaths(String home) {
        stackDir.set(home == null ? "/opt/berth" : home + "/berth");
        configRoot.set(stackDir.get() + "/config");
        dataRoot.set(home == null ? "/srv/media" : home + "/media");
    }

    /** The target user's ids and time zone, for fields the person has not filled. */
    void offer(CheckData.DetectedIds d) {
        if (puid.get().isBlank() && pgid.get().isBlank()) {
            puid.set(Integer.toString(d.puid() == null ? 1000 : d.puid()));
            pgid.set(Integer.toString(d.pgid() == null ? 1000 : d.pgid()));
        }
        if (timeZone.get().isBlank()) {
            timeZone.set(d.timeZone() == null ? "UTC" : d.timeZone());
        }
    }

    private static Integer id(String field, StringProperty p, List<Problem> problems) {
        String t = p.get().strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            problems.add(new Problem("storage." + field, "must be a whole number, such as 1000 (see `id -u` on the target)",
                    PageRule.NOT_A_NUMBER));
            return -1; // keeps "is required" away; the message above says what is wrong
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToBlank(String s) {
        return s == null ? "" : s;
    }
}
