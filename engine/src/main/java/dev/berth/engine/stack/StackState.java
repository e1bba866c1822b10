package dev.berth.engine.stack;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.engine.target.FileStat;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.ImagePins;
import dev.berth.plan.PreviousPorts;
import dev.berth.render.PinsFile;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A stack folder on a target as it is before a deploy: what kind of folder it is, the answers
 * and secrets it holds, and the current content of the files a deploy would write. Everything is
 * read through {@link Target#files()} and {@link Target#exec}, so it works the same over SSH.
 *
 * @param dir     the absolute stack folder
 * @param kind    missing, empty, made by Berth, or holding someone else's files
 * @param answers the answers in {@code berth.yaml}, for a Berth stack
 * @param secrets every file in {@code secrets/} by name, so a re-plan keeps every password and key
 * @param files   relative path to the file as it is now, for the asked-for paths that exist
 */
public record StackState(String dir, Kind kind, Optional<Answers> answers, SortedMap<String, String> secrets,
                         Map<String, ExistingFile> files) {

    public static final String ANSWERS_FILE = "berth.yaml";
    public static final String SECRETS_DIR = "secrets";
    /** The stack's Compose file, whose published ports a re-render keeps. */
    public static final String COMPOSE_FILE = "compose.yaml";

    public enum Kind {
        /** Nothing there yet. */
        MISSING,
        /** An empty folder, or one holding only empty folders (a failed first install's): Berth may fill it. */
        EMPTY,
        /** A folder with berth.yaml: Berth made it. */
        BERTH,
        /** A folder with files but no berth.yaml: someone else's, never overwritten without --adopt. */
        FOREIGN
    }

    /** Loading a foreign folder for a deploy without adopt. */
    public static final class ForeignStackException extends Exception {
        private final String refusal;

        ForeignStackException(String refusal, String advice) {
            super(refusal + " " + advice);
            this.refusal = refusal;
        }

        /**
         * The refusal without the advice to adopt the folder: for {@code berth render}, which
         * cannot take a folder over and says what to do in its own words.
         */
        public String refusal() {
            return refusal;
        }
    }

    public StackState {
        secrets = Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public boolean exists() {
        return kind != Kind.MISSING;
    }

    public boolean isBerthStack() {
        return kind == Kind.BERTH;
    }

    /**
     * Loads a stack folder for a deploy, refusing a foreign one unless the person said to adopt it.
     *
     * @param paths the relative paths whose current content a deploy needs (what it will write, and
     *              what the previous answers generated); berth.yaml and secrets/* are always read
     * @throws ForeignStackException when the folder holds files Berth did not make and adopt is false
     * @throws dev.berth.answers.InvalidAnswersException when berth.yaml is there but cannot be read
     */
    public static StackState loadForDeploy(Target target, String dir, Collection<String> paths, boolean adopt)
            throws TargetException, ForeignStackException {
        StackState state = load(target, dir, paths);
        if (state.kind == Kind.FOREIGN && !adopt) {
            throw new ForeignStackException(dir + " on " + target.description() + " already holds files that Berth did not make "
                    + "(there is no " + ANSWERS_FILE + "). Nothing was changed.", "Choose a new or empty folder, or adopt this one "
                    + "(--adopt): Berth then backs up the files it would replace and takes the folder over.");
        }
        return state;
    }

    /**
     * Loads a stack folder to render into it, as a deploy's preview and {@code berth render} do:
     * as {@link #loadForDeploy}, with its compose.yaml read for {@link #previousPorts} and its
     * pins file for {@link #pins}.
     */
    public static StackState loadForRendering(Target target, String dir, boolean adopt)
            throws TargetException, ForeignStackException {
        return loadForDeploy(target, dir, List.of(COMPOSE_FILE, PinsFile.PATH), adopt);
    }

    /**
     * The images {@code berth update} pinned in a Berth stack ({@link PinsFile}); none when it has no
     * pins file (or was not loaded with it, see {@link #loadForRendering}).
     *
     * @throws TargetException naming the file and what to do, when the file cannot be read
     */
    public ImagePins pins() throws TargetException {
        ExistingFile file = files.get(PinsFile.PATH);
        if (!isBerthStack() || file == null) {
            return ImagePins.NONE;
        }
        try {
            return PinsFile.parse(file.text(), StackPaths.join(dir, PinsFile.PATH));
        } catch (IllegalArgumentException e) {
            throw new TargetException(TargetException.Reason.FILE, e.getMessage());
        }
    }

    /**
     * The host ports a Berth stack publishes now (read from its compose.yaml), so that rendering
     * into it again keeps them; a folder Berth did not make has none to keep.
     */
    public PreviousPorts previousPorts() {
        ExistingFile compose = files.get(COMPOSE_FILE);
        return isBerthStack() && compose != null ? PreviousPorts.fromCompose(compose.text()) : PreviousPorts.NONE;
    }

    /** Reads the folder as it is, whatever it holds. */
    public static StackState load(Target target, String dir, Collection<String> paths) throws TargetException {
        Optional<FileStat> stat = target.files().stat(dir);
        if (stat.isEmpty()) {
            return new StackState(dir, Kind.MISSING, Optional.empty(), new TreeMap<>(), Map.of());
        }
        if (!stat.get().directory()) {
            throw new TargetException(TargetException.Reason.FILE, dir + " on " + target.description()
                    + " is a file, not a folder. Choose a new or empty folder for the stack.");
        }
        boolean berth = target.files().stat(StackPaths.join(dir, ANSWERS_FILE)).filter(FileStat::regularFile).isPresent();
        Kind kind = berth ? Kind.BERTH : StackPaths.holdsNoFiles(target, dir) ? Kind.EMPTY : Kind.FOREIGN;

        // Secrets are taken over only from a Berth stack: a foreign secrets/ folder may hold files
        // with the same names that mean something else.
        SortedMap<String, String> secrets = new TreeMap<>();
        Set<String> wanted = new LinkedHashSet<>(paths);
        if (berth) {
            wanted.add(ANSWERS_FILE);
            for (String name : StackPaths.fileNames(target, StackPaths.join(dir, SECRETS_DIR))) {
                wanted.add(SECRETS_DIR + "/" + name);
            }
        }
        Map<String, ExistingFile> files = new LinkedHashMap<>();
        if (kind != Kind.EMPTY) {
            for (String path : wanted) {
                readIfPresent(target, StackPaths.join(dir, path)).ifPresent(f -> files.put(path, f));
            }
        }
        if (berth) {
            files.forEach((path, f) -> {
                if (path.startsWith(SECRETS_DIR + "/") && path.indexOf('/', SECRETS_DIR.length() + 1) < 0) {
                    secrets.put(path.substring(SECRETS_DIR.length() + 1), f.text());
                }
            });
        }
        Optional<Answers> answers = berth
                ? Optional.of(AnswersFile.parse(new String(files.get(ANSWERS_FILE).content(), StandardCharsets.UTF_8),
                        StackPaths.join(dir, ANSWERS_FILE) + " on " + target.description()))
                : Optional.empty();
        return new StackState(dir, kind, answers, secrets, files);
    }

    /**
     * The same state with more files read: a caller that re-plans the previous answers (to learn
     * which files they generated, for "no longer generated" in the diff) asks for those here.
     */
    public StackState withFiles(Target target, Collection<String> paths) throws TargetException {
        Map<String, ExistingFile> more = new LinkedHashMap<>(files);
        if (kind == Kind.BERTH || kind == Kind.FOREIGN) {
            for (String path : paths) {
                if (!more.containsKey(path)) {
                    readIfPresent(target, StackPaths.join(dir, path)).ifPresent(f -> more.put(path, f));
                }
            }
        }
        return new StackState(dir, kind, answers, secrets, more);
    }

    private static Optional<ExistingFile> readIfPresent(Target target, String path) throws TargetException {
        Optional<FileStat> s = target.files().stat(path);
        if (s.isEmpty() || !s.get().regularFile()) {
            return Optional.empty();
        }
        return Optional.of(new ExistingFile(target.files().read(path), s.get().mode(), s.get().uid(), s.get().gid()));
    }
}
