package dev.berth.app.gui;

import dev.berth.wizardsteps.WizardStep;
import dev.berth.wizardsteps.WizardSteps;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.view.Stylesheet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * The real shell opened on one step and the ones after it, with the pages before already answered
 * in the context's draft: TestFX tests of a later step start there instead of clicking through.
 */
final class StepHarness {
    /** Stands after the last step under test, so the shell shows Next there too. */
    private static final class End extends StepViewModel {
        End(StepContext ctx) {
            super(ctx);
            setValid(true);
        }

        @Override
        public String title() {
            return "End";
        }

        @Override
        public String description() {
            return "The steps after the ones under test.";
        }
    }

    private StepHarness() {
    }

    static WizardShell open(Stage stage, StepContext ctx, Class<? extends StepViewModel> first) {
        List<WizardStep<?>> all = WizardSteps.all(ctx);
        int from = 0;
        while (!first.isInstance(all.get(from).viewModel())) {
            from++;
        }
        List<WizardStep<?>> steps = new ArrayList<>(all.subList(from, all.size()));
        steps.add(WizardStep.of(new End(ctx), vm -> new Label("End")));
        WizardShell shell = new WizardShell(steps, new Theme());
        Scene scene = new Scene(shell, 1080, 720);
        scene.getStylesheets().add(Stylesheet.url());
        stage.setScene(scene);
        stage.show();
        shell.start();
        return shell;
    }

    /**
     * One page alone in a scrolling window, styled as the wizard shows it (AtlantaFX and Berth's
     * stylesheet): for a page whose ViewModel the test builds itself.
     */
    static void showAlone(Stage stage, Node page, double height) {
        new Theme(); // AtlantaFX, as the wizard shows the page
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(page);
        content.getStyleClass().add("step-content");
        content.setPadding(new javafx.geometry.Insets(16, 24, 16, 24));
        Scene scene = new Scene(new javafx.scene.control.ScrollPane(content), 1080, height);
        scene.getStylesheets().add(Stylesheet.url());
        stage.setScene(scene);
        stage.show();
    }

    /**
     * Types into a field as a person would, key by key, wherever it is on the page: fields below
     * the fold cannot be clicked, so the focus is put there first.
     */
    static void type(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> {
            field.requestFocus();
            field.end(); // focus from code selects everything; typing goes after what is there
        });
        robot.write(text);
    }

    /** Fills a field at once, for the fields a test is not about. */
    static void fill(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    /**
     * Writes a PNG of the node when {@code -Dberth.screenshots=DIR} is given, to look at a page
     * without a display. Call on the FX thread.
     */
    static void screenshot(Node node, String name) {
        if (screenshotFolder() == null) {
            return;
        }
        save(image(node.snapshot(null, null)), name);
    }

    /**
     * The same for a window with a dialog over it (the dialog's own window, as the wizard shows it):
     * each drawn as it is, the dialog placed where it stands over the window, with a thin frame
     * where a window manager would draw one. Call on the FX thread.
     */
    static void screenshotWithDialog(Window window, Window dialog, String name) {
        if (screenshotFolder() == null) {
            return;
        }
        BufferedImage under = image(window.getScene().getRoot().snapshot(null, null));
        BufferedImage over = image(dialog.getScene().getRoot().snapshot(null, null));
        int x = (int) Math.round(dialog.getX() + dialog.getScene().getX() - window.getX() - window.getScene().getX());
        int y = (int) Math.round(dialog.getY() + dialog.getScene().getY() - window.getY() - window.getScene().getY());
        if (x < 0 || y < 0 || x + over.getWidth() > under.getWidth() || y + over.getHeight() > under.getHeight()) {
            x = (under.getWidth() - over.getWidth()) / 2; // placed off the window (no window manager): centred, as one would
            y = (under.getHeight() - over.getHeight()) / 3;
        }
        java.awt.Graphics2D g = under.createGraphics();
        g.setColor(new java.awt.Color(0, 0, 0, 60));
        g.fillRect(0, 0, under.getWidth(), under.getHeight()); // the window behind a modal dialog
        g.drawImage(over, x, y, null);
        g.setColor(new java.awt.Color(0x8c, 0x95, 0x9f));
        g.drawRect(x - 1, y - 1, over.getWidth() + 1, over.getHeight() + 1);
        g.dispose();
        save(under, name);
    }

    private static String screenshotFolder() {
        String dir = System.getProperty("berth.screenshots");
        return dir == null || dir.isBlank() ? null : dir;
    }

    private static BufferedImage image(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return png;
    }

    private static void save(BufferedImage png, String name) {
        String dir = screenshotFolder();
        try {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(png, "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
