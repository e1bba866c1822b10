package dev.berth.engine.wire;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.engine.deploy.StackWiring;
import dev.berth.engine.target.Target;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Plex example with Lidarr added (a library of each kind), its config folder in a test folder,
 * and a {@link FakePlex} reached through a target, as {@link StackWiring} reaches Plex after a
 * deploy. Only Plex's setup runs: the *arr apps' own wiring has its tests elsewhere.
 */
final class PlexStack implements AutoCloseable {
    static final String TOKEN = "PlexOnlineTokenValue-3xAmpl3";
    static final Set<String> FOLDERS = Set.of("/data/media/movies", "/data/media/tv", "/data/media/music");

    final StackPlan plan;
    final FakePlex plex;
    final Path preferences;
    final List<String> said = new ArrayList<>();

    PlexStack(Path configRoot, Map<String, String> previousSecrets) throws IOException {
        this(configRoot, previousSecrets, FOLDERS);
    }

    /** @param folders the folders Plex's container can see */
    PlexStack(Path configRoot, Map<String, String> previousSecrets, Set<String> folders) throws IOException {
        Answers example = Examples.answers("plex-usenet-openvpn");
        StorageAnswers s = example.storage();
        List<String> services = new ArrayList<>(example.services());
        services.add("lidarr");
        Answers answers = example.withServices(services).withMedia(example.media().withPlexClaim(null))
                .withStorage(new StorageAnswers(configRoot.resolve("stack").toString(), s.dataRoot(), configRoot.toString(),
                        s.puid(), s.pgid(), s.timeZone(), false));
        plan = Examples.repeatablePlanner().plan(answers, previousSecrets);
        plex = FakePlex.start(TOKEN, folders);
        preferences = configRoot.resolve("plex/Library/Application Support/Plex Media Server/Preferences.xml");
    }

    /** Preferences.xml as Plex writes it on its first start, before it is linked to an account. */
    void plexStarted() throws IOException {
        Files.createDirectories(preferences.getParent());
        Files.writeString(preferences, """
                <?xml version="1.0" encoding="utf-8"?>
                <Preferences OldestPreviousVersion="1.42.2.10156-f737b826c" MachineIdentifier="5d3c0b9e-0000-4000-8000-000000000000" \
                ProcessedMachineIdentifier="0123456789abcdef0123456789abcdef01234567" AnonymousMachineIdentifier="aa-bb" \
                MetricsEpoch="1" AcceptedEULA="1" PublishServerOnPlexOnlineKey="1"/>
                """);
    }

    /** The same file once the image's claim script (init-plex-claim) added the account's token. */
    void plexClaimed() throws IOException {
        plexStarted();
        Files.writeString(preferences, Files.readString(preferences).replace("/>", " PlexOnlineToken=\"" + TOKEN + "\"/>"));
    }

    WiringPlan wiring() {
        return new WiringPlan(List.of(), List.of(), List.of(), AppSetups.of(plan));
    }

    StackWiring.Outcome run(Target target, WiringMemory memory, StackWiring.Mode mode) {
        ServiceAddresses onLoopback = service -> target.openTunnel("127.0.0.1", plex.port());
        StackWiring stack = new StackWiring(onLoopback, Optional.empty(), target.description(), Optional.of(target.files()));
        return stack.run(plan, wiring(), memory, mode, p -> said.add(p.toString()), () -> false);
    }

    @Override
    public void close() {
        plex.close();
    }
}
