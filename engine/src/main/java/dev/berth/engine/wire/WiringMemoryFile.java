package dev.berth.engine.wire;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.berth.engine.stack.Owner;
import dev.berth.engine.stack.StackPaths;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@link WiringMemory} kept in the stack folder on the target, {@code .berth/wiring.json}, beside
 * the deploy log. It holds fingerprints only, never a password or key; still readable by the
 * stack's user alone, like everything under {@code .berth/}.
 */
public final class WiringMemoryFile {
    /** Relative to the stack folder. */
    public static final String PATH = ".berth/wiring.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<Map<String, Map<String, String>>> TYPE = new TypeReference<>() {
    };

    private WiringMemoryFile() {
    }

    /**
     * What Berth last set, or {@link WiringMemory#EMPTY} when the stack was never wired. A file that
     * no longer parses (edited by hand) counts as empty too: then Berth treats every entry it finds as
     * the person's and leaves it alone, which is the safe side.
     */
    public static WiringMemory read(Target target, String stackDir) throws TargetException {
        String path = StackPaths.join(stackDir, PATH);
        if (target.files().stat(path).isEmpty()) {
            return WiringMemory.EMPTY;
        }
        try {
            return new WiringMemory(JSON.readValue(target.files().read(path), TYPE));
        } catch (IOException | RuntimeException unreadable) {
            return WiringMemory.EMPTY;
        }
    }

    /**
     * Writes the memory atomically (0600), making {@code .berth/} first when missing (owned by
     * {@code owner} when given). Never makes the stack folder itself: wiring a folder where no stack
     * stands must not leave one behind that the next deploy would take for someone else's.
     */
    public static void write(Target target, String stackDir, WiringMemory memory, Optional<Owner> owner) throws TargetException {
        if (target.files().stat(stackDir).isEmpty()) {
            throw new TargetException(TargetException.Reason.FILE, "the stack folder " + stackDir + " is not there");
        }
        String folder = StackPaths.join(stackDir, ".berth");
        if (target.files().stat(folder).isEmpty()) {
            target.files().mkdirs(folder);
            if (owner.isPresent()) {
                target.files().chown(folder, owner.get().uid(), owner.get().gid());
            }
        }
        try {
            target.files().writeAtomic(StackPaths.join(stackDir, PATH), JSON.writeValueAsBytes(memory.apps()), 0600);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the wiring memory does not serialise", e);
        }
    }
}
