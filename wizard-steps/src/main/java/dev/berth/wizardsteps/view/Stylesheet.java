package dev.berth.wizardsteps.view;

/** Berth's own styles on top of the AtlantaFX theme; the shell adds it to the scene. */
public final class Stylesheet {
    private Stylesheet() {
    }

    public static String url() {
        return Stylesheet.class.getResource("berth.css").toExternalForm();
    }
}
