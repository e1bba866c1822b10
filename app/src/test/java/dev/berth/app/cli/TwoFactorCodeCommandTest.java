package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.plan.Planner;
import dev.berth.render.FolderExport;
import dev.berth.render.Renderer;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code berth two-factor-code} on a stack folder on this computer, with Authelia's notification
 * file as Authelia 4.39 writes it (the engine's test resources, made from Authelia's source).
 */
class TwoFactorCodeCommandTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int berth(String... args) {
        CommandLine cli = BerthCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** The full example rendered into {@code tmp}, as a deploy leaves its folder; returns the stack folder. */
    private String stack(AccessAnswers.Smtp smtp) throws IOException {
        Answers a = Examples.answers("full-wireguard");
        StorageAnswers s = a.storage();
        AccessAnswers x = a.access();
        a = a.withStorage(new StorageAnswers(tmp.resolve("stack").toString(), tmp.resolve("data").toString(),
                        tmp.resolve("config").toString(), s.puid(), s.pgid(), s.timeZone(), false))
                .withAccess(new AccessAnswers(x.mode(), x.domain(), x.letsEncrypt(), x.npm(), x.authelia().withSmtp(smtp),
                        x.fail2ban()));
        FolderExport.write(new Renderer().render(new Planner(Catalog.builtIn()).plan(a, Map.of())), tmp.resolve("stack"));
        Files.createDirectories(tmp.resolve("config/authelia"));
        return tmp.resolve("stack").toString();
    }

    private void notification(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/dev/berth/engine/authelia/" + resource)) {
            Files.write(tmp.resolve("config/authelia/notification.txt"), in.readAllBytes());
        }
    }

    @Test
    void printsTheNewestCodeWithWhomItIsForAndWhen() throws IOException {
        String dir = stack(null);
        notification("notification-code.txt");

        assertEquals(0, berth("two-factor-code", "--dir", dir), err.toString());

        String text = out.toString();
        assertTrue(text.startsWith("One-time code for \"Alice Example\" <alice@example.com> (Confirm your identity, sent 2026-12-05 "),
                text);
        assertTrue(text.contains("\n    K7WQ2MXA\n"), text);
        assertTrue(text.contains("Type it into the prompt Authelia shows at https://auth.example.com."), text);
    }

    @Test
    void aPasswordResetLinkIsPrintedWhole() throws IOException {
        String dir = stack(null);
        notification("notification-link.txt");

        assertEquals(0, berth("two-factor-link", "--dir", dir), err.toString());

        assertTrue(out.toString().contains("\n    https://auth.example.com/reset-password/step2?token=eyJhbGciOiJIUzI1NiJ9."), out.toString());
        assertTrue(out.toString().startsWith("One-time link for \"Bob\" <bob@example.com> (Reset your password"), out.toString());
    }

    @Test
    void withoutACodeYetSaysWhereToAskForOne() throws IOException {
        String dir = stack(null);

        assertEquals(BerthCommand.NOTHING_TO_SHOW, berth("two-factor-code", "--dir", dir), err.toString());

        assertEquals("There is no one-time code waiting: open https://auth.example.com, sign in, choose Register device "
                + "(Authelia then writes a code for you on the server); then run this again.\n", out.toString());
    }

    @Test
    void withAMailServerSaysTheCodeWentByEmail() throws IOException {
        String dir = stack(new AccessAnswers.Smtp("smtp.example.com", 465, null, null, "auth@example.com"));
        notification("notification-code.txt"); // left from before the mail server: not shown

        assertEquals(BerthCommand.NOTHING_TO_SHOW, berth("two-factor-code", "--dir", dir), err.toString());

        assertTrue(out.toString().startsWith("Authelia sends its one-time codes by e-mail through smtp.example.com:465"), out.toString());
        assertFalse(out.toString().contains("K7WQ2MXA"), out.toString());
    }

    @Test
    void aFolderWithoutAStackIsAnIoError() {
        assertEquals(BerthCommand.IO_ERROR, berth("two-factor-code", "--dir", tmp.resolve("nothing").toString()));
        assertTrue(err.toString().contains("There is no stack Berth made in"), err.toString());
    }

    @Test
    void aDeployOfTwoFactorWithoutMailSaysWhereTheCodeWillBe() {
        Answers full = Examples.answers("full-wireguard");
        var plan = new Planner(Catalog.builtIn()).plan(full, Map.of());
        assertEquals("Second factor: open https://auth.example.com, sign in and choose Register device; Authelia writes the "
                + "one-time code it asks for on the server, and berth two-factor-code --dir /opt/berth shows it.",
                TwoFactorCodeCommand.afterDeploy(plan, "/opt/berth").orElseThrow());

        AccessAnswers x = full.access();
        var mailing = new Planner(Catalog.builtIn()).plan(full.withAccess(new AccessAnswers(x.mode(), x.domain(), x.letsEncrypt(),
                x.npm(), x.authelia().withSmtp(new AccessAnswers.Smtp("smtp.example.com", 465, null, null, "auth@example.com")),
                x.fail2ban())), Map.of());
        assertTrue(TwoFactorCodeCommand.afterDeploy(mailing, "/opt/berth").isEmpty(), "the code goes by e-mail");
        assertTrue(TwoFactorCodeCommand.afterDeploy(new Planner(Catalog.builtIn()).plan(Examples.answers("minimal-jellyfin"),
                Map.of()), "/opt/berth").isEmpty(), "no Authelia");
    }

    @Test
    void isListedInTheHelp() {
        assertEquals(0, berth("--help"));
        assertTrue(out.toString().contains("two-factor-code"), out.toString());
    }
}
