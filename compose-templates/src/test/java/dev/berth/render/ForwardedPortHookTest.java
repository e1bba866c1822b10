package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.CatalogLoader;
import dev.berth.plan.Mount;
import dev.berth.plan.PlannedService;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.ForwardingStacks;
import dev.berth.testsupport.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gluetun's port-forwarding hooks in the rendered stack: the client's script in Gluetun's config
 * folder, the up and down commands with Gluetun's template variables, the client reached on
 * Gluetun's loopback with its own sign-in, and the client's variable that resets its peer port at
 * start left out. Compose v2 and 1.29 read the commands back as written.
 */
class ForwardedPortHookTest {
    private static final String SCRIPT = "config/gluetun/berth/forwarded-port.sh";

    @TempDir
    Path tmp;

    @Test
    void gluetunPushesTheForwardedPortIntoQbittorrentWithItsSignIn() throws IOException {
        StackPlan plan = plan(ForwardingStacks.protonVpn("qbittorrent"));
        PlannedService gluetun = plan.service("gluetun").orElseThrow();
        PlannedService qbittorrent = plan.service("qbittorrent").orElseThrow();
        String arguments = "{{PORT}} {{VPN_INTERFACE}} http://127.0.0.1:" + qbittorrent.webPort() + " admin /run/secrets/qbittorrent_password";

        assertEquals(Integer.toString(qbittorrent.webPort()), qbittorrent.environment().get("WEBUI_PORT"), "the port qBittorrent listens on");
        assertEquals("/bin/sh /gluetun/berth/forwarded-port.sh up " + arguments, gluetun.environment().get("VPN_PORT_FORWARDING_UP_COMMAND"));
        assertEquals("/bin/sh /gluetun/berth/forwarded-port.sh down " + arguments, gluetun.environment().get("VPN_PORT_FORWARDING_DOWN_COMMAND"));
        assertTrue(gluetun.secrets().contains("qbittorrent_password"), gluetun.secrets().toString());
        assertTrue(gluetun.mounts().contains(Mount.bind("./config/gluetun/berth", "/gluetun/berth", true)), gluetun.mounts().toString());
        assertFalse(qbittorrent.environment().containsKey("TORRENTING_PORT"), "--torrenting-port would reset the forwarded port at each start");
        RenderedStack stack = new Renderer().render(plan);
        assertEquals(script("qbittorrent"), stack.text(SCRIPT));
        assertFalse(stack.file(SCRIPT).secret(), "the script holds no secret: it reads the password from its file");
    }

    @Test
    void transmissionIsReachedUnderItsUrlBase() throws IOException {
        StackPlan plan = plan(ForwardingStacks.protonVpn("transmission"));
        PlannedService gluetun = plan.service("gluetun").orElseThrow();
        PlannedService transmission = plan.service("transmission").orElseThrow();

        assertEquals("/bin/sh /gluetun/berth/forwarded-port.sh up {{PORT}} {{VPN_INTERFACE}} http://127.0.0.1:" + transmission.webPort()
                + "/transmission/ admin /run/secrets/transmission_password", gluetun.environment().get("VPN_PORT_FORWARDING_UP_COMMAND"));
        assertTrue(gluetun.secrets().contains("transmission_password"), gluetun.secrets().toString());
        assertFalse(transmission.environment().containsKey("PEERPORT"), "the image would write PEERPORT into settings.json at each start");
        assertEquals(script("transmission"), new Renderer().render(plan).text(SCRIPT));
    }

    @Test
    void withoutForwardingGluetunHasNoHooksAndTheClientKeepsItsPeerPort() {
        Answers switchedOff = ForwardingStacks.protonVpn("qbittorrent");
        switchedOff = switchedOff.withVpn(switchedOff.vpn().withPortForwarding(false));
        for (Answers answers : List.of(Examples.answers("full-wireguard"), switchedOff)) { // Mullvad forwards no port
            StackPlan plan = plan(answers);
            PlannedService gluetun = plan.service("gluetun").orElseThrow();

            assertFalse(gluetun.environment().containsKey("VPN_PORT_FORWARDING_UP_COMMAND"), gluetun.environment().toString());
            assertFalse(gluetun.secrets().contains("qbittorrent_password"), gluetun.secrets().toString());
            assertTrue(gluetun.mounts().stream().noneMatch(m -> m.target().equals("/gluetun/berth")), gluetun.mounts().toString());
            assertEquals("6881", plan.service("qbittorrent").orElseThrow().environment().get("TORRENTING_PORT"));
            assertFalse(new Renderer().render(plan).files().containsKey(SCRIPT));
        }
    }

    /** Gluetun reads {{PORT}} and {{VPN_INTERFACE}} literally: neither YAML nor Compose's interpolation may touch them. */
    @Test
    void composeV1AndV2ReadTheCommandsBackAsWritten() throws IOException {
        StackPlan plan = plan(ForwardingStacks.protonVpn("qbittorrent"));
        Path dir = tmp.resolve("stack");
        FolderExport.write(new Renderer().render(plan), dir);
        Map<String, String> written = plan.service("gluetun").orElseThrow().environment();
        for (List<String> config : List.of(List.of(ComposeToolsTest.composeV1().toString(), "config"),
                List.of(ComposeToolsTest.composeV2().toString(), "config"))) {
            ExternalTool.Result result = ExternalTool.run(dir, config);
            assertEquals(0, result.exitCode(), () -> config + ":\n" + result.output());
            Object read = ComposeValues.parseYaml(result.output());
            for (String name : List.of("VPN_PORT_FORWARDING_UP_COMMAND", "VPN_PORT_FORWARDING_DOWN_COMMAND")) {
                assertEquals(written.get(name), ComposeValues.env(read, "gluetun", name), config + " " + name);
            }
            assertTrue(ComposeValues.volumeSource(read, "gluetun", "/gluetun/berth").endsWith("/config/gluetun/berth"), config.toString());
        }
    }

    @Test
    void aHookWithoutAScriptIsRefusedNamingTheCatalogFile() throws IOException {
        Path catalogDir = Files.createDirectory(tmp.resolve("catalog"));
        try (Stream<Path> builtIn = Files.list(RepoPaths.root().resolve("service-catalog/src/main/resources/dev/berth/catalog/services"))) {
            for (Path file : builtIn.toList()) {
                Files.copy(file, catalogDir.resolve(file.getFileName().toString()));
            }
        }
        Path qbittorrent = catalogDir.resolve("qbittorrent.yaml");
        Files.writeString(qbittorrent, Files.readString(qbittorrent).replace("hook: qbittorrent", "hook: deluge"));
        Catalog catalog = new CatalogLoader().load(catalogDir);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new Planner(catalog, Examples.repeatableGenerator()).plan(ForwardingStacks.protonVpn("qbittorrent"), Map.of()));
        assertTrue(refused.getMessage().startsWith("catalog qbittorrent.yaml: field 'forwardedPort.hook': 'deluge' has no script"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("[qbittorrent, transmission]"), refused.getMessage());
    }

    private static StackPlan plan(Answers answers) {
        return Examples.repeatablePlanner().plan(answers, Map.of());
    }

    /** The script of the client's hook: the part every client's shares, then the client's own. */
    private static String script(String hook) throws IOException {
        Path folder = RepoPaths.root().resolve("compose-templates/src/main/resources/dev/berth/render/vpn/");
        return Files.readString(folder.resolve("forwarded-port-common.sh")) + Files.readString(folder.resolve("forwarded-port-" + hook + ".sh"));
    }
}
