package dev.berth.answers;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Sets host ports in a person's answers file and leaves the rest of the file as it was, comments,
 * order and quoting included: only the {@code portOverrides} part of the text changes. A port
 * already listed gets its new number in place (a comment after it stays), a new service gets a
 * line under the others, and a file without the section gets one at its end. The edited text is
 * read back before it is used: anything else that differs makes the edit refuse rather than write.
 */
public final class PortOverridesEdit {
    private static final String KEY = "portOverrides";

    private PortOverridesEdit() {
    }

    /**
     * The text with these ports set, the others in {@code portOverrides} kept.
     *
     * @param ports service id → host port to set
     * @throws InvalidAnswersException when the text is not a valid answers file to begin with
     * @throws IllegalStateException when the edit would change anything but these ports (the
     *                               message says what to add by hand)
     */
    public static String apply(String yaml, Map<String, Integer> ports) {
        Answers before = AnswersFile.parse(yaml);
        Map<String, Integer> wanted = new TreeMap<>(before.portOverrides());
        wanted.putAll(ports);
        String edited;
        try {
            edited = edit(yaml, ports);
        } catch (YAMLException | NumberFormatException e) {
            throw cannot(ports, e.getMessage());
        }
        Answers after;
        try {
            after = AnswersFile.parse(edited);
        } catch (InvalidAnswersException e) {
            throw cannot(ports, e.getMessage());
        }
        if (!after.equals(before.withPortOverrides(wanted))) {
            throw cannot(ports, "the edited file read back differently");
        }
        return edited;
    }

    /**
     * Edits the file in place: written beside it and moved over it, so a failure leaves the old
     * file whole; its POSIX permissions are kept where the file system has them, and a symbolic
     * link stays a link (the file it points at is the one edited).
     */
    public static void apply(Path link, Map<String, Integer> ports) throws IOException {
        Path file = link.toRealPath();
        String edited = apply(Files.readString(file), ports);
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, edited);
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(temp, posix.readAttributes().permissions());
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static IllegalStateException cannot(Map<String, Integer> ports, String why) {
        return new IllegalStateException("Cannot edit portOverrides in this file (" + why + "). Add these lines yourself:\n"
                + block(new TreeMap<>(ports), "  "));
    }

    private static String edit(String yaml, Map<String, Integer> ports) {
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        if (!(root instanceof MappingNode top)) {
            throw new YAMLException("its top level is not a mapping");
        }
        NodeTuple section = top.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(KEY)).findFirst().orElse(null);
        if (section == null) {
            return yaml + (yaml.isEmpty() || yaml.endsWith("\n") ? "" : "\n") + KEY + ":\n" + block(new TreeMap<>(ports), "  ");
        }
        Node value = section.getValueNode();
        if (value instanceof MappingNode map && map.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !map.getValue().isEmpty()) {
            return editBlock(yaml, map, ports);
        }
        // A flow mapping ({jellyfin: 8097}), an empty one or nothing after the key: one flow mapping
        // on the key's line takes its place, the old entries and the new ones together.
        Map<String, Integer> all = new TreeMap<>();
        if (value instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                all.put(scalar(t.getKeyNode()), Integer.valueOf(scalar(t.getValueNode())));
            }
        }
        all.putAll(ports);
        String flow = all.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
        if (value instanceof ScalarNode s && s.getValue().isEmpty()) {
            int at = index(yaml, section.getKeyNode().getEndMark());
            int colon = yaml.indexOf(':', at);
            return yaml.substring(0, colon + 1) + " " + flow + yaml.substring(colon + 1);
        }
        return replace(yaml, value.getStartMark(), value.getEndMark(), flow);
    }

    /** Changes listed ports in place and adds the others under the last entry, with its indent. */
    private static String editBlock(String yaml, MappingNode map, Map<String, Integer> ports) {
        List<NodeTuple> entries = map.getValue();
        Map<String, Integer> added = new TreeMap<>(ports);
        entries.forEach(t -> added.remove(scalar(t.getKeyNode())));
        String text = yaml;
        if (!added.isEmpty()) {
            // After every entry, so the positions of the entries stay right for the changes below.
            String indent = " ".repeat(entries.getFirst().getKeyNode().getStartMark().getColumn());
            int lineEnd = text.indexOf('\n', index(text, entries.getLast().getValueNode().getEndMark()));
            String lines = block(added, indent);
            text = lineEnd < 0 ? text + "\n" + lines : text.substring(0, lineEnd + 1) + lines + text.substring(lineEnd + 1);
        }
        // From the last entry up, so that the earlier positions stay right.
        for (int i = entries.size() - 1; i >= 0; i--) {
            NodeTuple t = entries.get(i);
            Integer port = ports.get(scalar(t.getKeyNode()));
            if (port != null) {
                text = replace(text, t.getValueNode().getStartMark(), t.getValueNode().getEndMark(), port.toString());
            }
        }
        return text;
    }

    private static String block(Map<String, Integer> ports, String indent) {
        StringBuilder b = new StringBuilder();
        ports.forEach((service, port) -> b.append(indent).append(service).append(": ").append(port).append('\n'));
        return b.toString();
    }

    private static String scalar(Node n) {
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        throw new YAMLException("portOverrides holds something other than service: port");
    }

    private static String replace(String text, Mark start, Mark end, String with) {
        return text.substring(0, index(text, start)) + with + text.substring(index(text, end));
    }

    /** SnakeYAML counts code points; Java strings count UTF-16 units (an emoji in a comment is two). */
    private static int index(String text, Mark mark) {
        return text.offsetByCodePoints(0, mark.getIndex());
    }
}
