package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.DesktopOs;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.SettingsFolder;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshSettings;
import dev.berth.engine.target.SshTarget;
import dev.berth.render.FolderExport;
import dev.berth.render.LocalFileModes;
import dev.berth.render.RenderedFile;
import dev.berth.render.RenderedStack;
import dev.berth.render.Renderer;
import dev.berth.testsupport.NeedsDocker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The common case on Windows: Berth on the desktop, the stack on a Linux server over SSH. The
 * desktop's side (known_hosts, the SSH config, the settings folder with its deploy logs, an
 * exported copy of the files) is a Windows-like file system (Jimfs: drive letters, backslashes,
 * access lists, no POSIX permissions); the server is the real sshd on 127.0.0.1. What reaches the
 * server must be as from a Linux desktop: POSIX paths, {@code \n} line ends, the files' modes.
 */
class WindowsDesktopSshTest extends SshdTestBase {
    private FileSystem windows;
    private Path home;
    private SshSettings settings;
    private final List<String> askedFingerprints = new ArrayList<>();

    @BeforeEach
    void windowsDesktop() throws Exception {
        windows = Jimfs.newFileSystem(Configuration.windows().toBuilder().setAttributeViews("basic", "owner", "acl", "dos").build());
        home = Files.createDirectories(windows.getPath("C:\\Users\\ada"));
        Path ssh = home.resolve(".ssh");
        // The person's ~/.ssh as Windows' OpenSSH keeps it; no known_hosts yet: the host key is asked for.
        settings = SshSettings.defaults().withKnownHosts(ssh.resolve("known_hosts")).withConfigFile(ssh.resolve("config"))
                .withDefaultKeys(List.of());
    }

    @AfterEach
    void closeDesktop() throws Exception {
        windows.close();
    }

    private SshTarget connect() throws Exception {
        return SshTarget.connect(sshd.withKey("ed25519").withHostKeyPrompt((host, port, type, fingerprint) -> {
            askedFingerprints.add(fingerprint);
            return true;
        }), settings);
    }

    @Test
    void theStackWrittenFromAWindowsDesktopReachesTheServerWithPosixPathsLineFeedsAndItsModes() throws Exception {
        Path root = sshd.scratch();
        String dir = root.resolve("stack").toString();
        Answers answers = DeployFixtures.answers("full-wireguard", root, DeployFixtures.project());
        RenderedStack stack = new Renderer().render(DeployFixtures.plan(answers));

        try (SshTarget server = connect()) {
            StackFolderWriter.write(server, StackState.loadForRendering(server, dir, false), stack);
        }

        assertEquals(List.of(sshd.hostKeyFingerprint()), askedFingerprints, "the unknown host key was put to the person once");
        String knownHosts = Files.readString(settings.knownHosts());
        assertTrue(knownHosts.startsWith("[127.0.0.1]:" + sshd.port() + " "), "remembered in C:\\Users\\ada\\.ssh\\known_hosts: " + knownHosts);

        for (Map.Entry<String, RenderedFile> e : stack.files().entrySet()) {
            Path onServer = root.resolve("stack").resolve(e.getKey()); // a '\' in a name would be a file named so
            assertTrue(Files.isRegularFile(onServer), e.getKey() + " at its POSIX path on the server");
            byte[] bytes = Files.readAllBytes(onServer);
            assertArrayEquals(e.getValue().content(), bytes, e.getKey());
            assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("\r"), e.getKey() + " has \\n line ends only");
            assertEquals(PosixFilePermissions.toString(LocalFileModes.posix(e.getValue().mode())),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(onServer)), e.getKey());
        }
        try (var names = Files.walk(root.resolve("stack"))) {
            assertTrue(names.noneMatch(p -> p.getFileName().toString().contains("\\")), "no name with a backslash on the server");
        }

        // The same files exported on the desktop: byte for byte the server's, secrets the owner's alone.
        Path export = home.resolve("Documents").resolve("berth-stack");
        FolderExport.write(stack, export);
        for (Map.Entry<String, RenderedFile> e : stack.files().entrySet()) {
            Path local = export.resolve(e.getKey().replace('/', '\\'));
            assertArrayEquals(Files.readAllBytes(root.resolve("stack").resolve(e.getKey())), Files.readAllBytes(local), e.getKey());
            if (e.getValue().secret()) {
                assertEquals(1, Files.getFileAttributeView(local, AclFileAttributeView.class).getAcl().size(), e.getKey());
            }
        }
    }

    @Test
    @NeedsDocker
    void aFirstInstallStoppedByItsChecksKeepsItsLogInTheWindowsSettingsFolderOwnerOnly() throws Exception {
        RequiresDocker.engine();
        Path root = sshd.scratch();
        String project = DeployFixtures.project();
        Answers answers = DeployFixtures.answers("minimal-jellyfin", root, project);
        int port = answers.portOverrides().get("jellyfin");
        Path settingsFolder = SettingsFolder.of(DesktopOs.WINDOWS, name -> name.equals("APPDATA") ? "C:\\Users\\ada\\AppData\\Roaming" : null,
                home.toString(), null, windows);
        assertEquals("C:\\Users\\ada\\AppData\\Roaming\\Berth", settingsFolder.toString());
        DeployOptions options = DeployOptions.DEFAULT.withOffline(true).withHealthTimeout(Duration.ofSeconds(30))
                .withLocalLogFolder(settingsFolder.resolve("deploy-logs"));

        DeployOutcome stopped;
        try (SshTarget server = connect(); ServerSocket busy = new ServerSocket()) {
            // Another program holds Jellyfin's port on the server: its check FAILs, and nothing is changed there.
            busy.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            StackDeployer deployer = new StackDeployer(server, Catalog.builtIn(), DeployFixtures.CLOCK);
            stopped = deployer.deploy(deployer.preview(answers, options), new Recorded(), () -> false);
        } finally {
            DeployFixtures.removeProject(new LocalTarget(), project);
        }

        DeploymentResult.RolledBack rb = assertInstanceOf(DeploymentResult.RolledBack.class, stopped.result(), stopped::toString);
        assertInstanceOf(PreflightJob.class, rb.failedJob());
        assertFalse(Files.exists(root.resolve("stack")), "nothing left on the server");
        DeployLogFile log = stopped.log().orElseThrow();
        assertFalse(log.inStackFolder());
        Path logFile = windows.getPath(log.path());
        assertTrue(logFile.startsWith(settingsFolder.resolve("deploy-logs")), log::path);
        assertTrue(Files.readString(logFile).contains("Port " + port), "the log says why");
        var acl = Files.getFileAttributeView(logFile, AclFileAttributeView.class).getAcl();
        assertEquals(1, acl.size(), "the log names folders and hosts: the person's alone " + acl);
        assertEquals(Files.getOwner(logFile), acl.getFirst().principal());
    }
}
