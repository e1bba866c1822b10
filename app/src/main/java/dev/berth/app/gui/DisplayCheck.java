package dev.berth.app.gui;

import java.util.Locale;

/** Whether a window can be opened at all: on Linux, an X or Wayland display (or Monocle, headless). */
final class DisplayCheck {
    private DisplayCheck() {
    }

    static boolean available() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                || "Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
