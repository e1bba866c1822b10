package dev.berth.wizardsteps.testing;

import dev.berth.wizardsteps.core.DialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Answers the wizard's questions for a test, as scripted beforehand, and records what was asked.
 * Not a mock of a component that runs here: it stands in for the person.
 */
public final class ScriptedDialogs implements DialogService {
    public final List<String> asked = new ArrayList<>();
    public final List<String> copied = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> opened = new ArrayList<>();
    public boolean confirmAnswer = true;
    public boolean trustAnswer = true;
    public final Deque<String> secrets = new ArrayDeque<>();
    public final Deque<Path> chosenPaths = new ArrayDeque<>();

    @Override
    public synchronized boolean confirm(String title, String message, String confirm, String cancel) {
        asked.add("confirm: " + title);
        return confirmAnswer;
    }

    @Override
    public synchronized boolean trustHostKey(String host, int port, String keyType, String fingerprint) {
        asked.add("host key: " + host + ":" + port + " " + keyType + " " + fingerprint);
        return trustAnswer;
    }

    @Override
    public synchronized Optional<String> askSecret(String title, String question) {
        asked.add("secret: " + question);
        return Optional.ofNullable(secrets.poll());
    }

    @Override
    public synchronized Optional<Path> chooseFolder(String title, Path start) {
        asked.add("folder: " + title);
        return Optional.ofNullable(chosenPaths.poll());
    }

    @Override
    public synchronized Optional<Path> chooseFile(String title, Path start, String kind, List<String> patterns) {
        asked.add("file: " + title);
        return Optional.ofNullable(chosenPaths.poll());
    }

    @Override
    public synchronized Optional<Path> chooseSaveFile(String title, Path start, String suggestedName, String kind,
                                                      List<String> patterns) {
        asked.add("save: " + title);
        return Optional.ofNullable(chosenPaths.poll());
    }

    @Override
    public synchronized void openInBrowser(String url) {
        opened.add(url);
    }

    @Override
    public synchronized void showError(String title, String message, Throwable details) {
        errors.add(title + ": " + message);
    }

    @Override
    public synchronized void copyToClipboard(String text) {
        copied.add(text);
    }
}
