package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Commands on this machine for the SSH fixture and the test hosts: test users, ssh-keygen, free ports. */
public final class MachineSetup {
    private MachineSetup() {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    static String keygen(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q"));
        cmd.addAll(args);
        return run(cmd);
    }

    public static String run(List<String> cmd) throws IOException, InterruptedException {
        return new String(runBytes(cmd), StandardCharsets.UTF_8);
    }

    /** A command's output (errors go to the test's own stderr); fails the test when it fails. */
    public static byte[] runBytes(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            fail(cmd + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static boolean succeeds(String... cmd) throws IOException, InterruptedException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor() == 0;
    }

    /**
     * A login user with the test password (set on every start, so a changed one cannot break the
     * tests), in the docker group or not as asked.
     */
    static void ensureUser(String user, boolean docker) throws IOException, InterruptedException {
        if (!succeeds("id", user)) {
            run(List.of("useradd", "-m", "-s", "/bin/bash", user));
        }
        Process p = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
        p.getOutputStream().write((user + ":" + TestSshd.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            fail("chpasswd failed: " + out);
        }
        boolean member = run(List.of("id", "-nG", user)).trim().matches("(.* )?docker( .*)?");
        if (docker && !member && succeeds("getent", "group", "docker")) {
            run(List.of("usermod", "-aG", "docker", user));
        } else if (!docker && member) {
            run(List.of("gpasswd", "-d", user, "docker"));
        }
    }

    /** No password login at all ("*"), yet not locked: sshd without PAM refuses even keys for a locked ("!") account. */
    static void disablePassword(String user) throws IOException, InterruptedException {
        run(List.of("usermod", "-p", "*", user));
    }
}
