package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.AgentSocket;
import dev.berth.engine.target.SshDestination;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.target.TargetException.Reason;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Logging in with the keys of a real ssh-agent, as ssh does: before any key file, and past an agent that is gone. */
class SshAgentTest extends SshdTestBase {

    private String whoami(SshTarget t) throws TargetException {
        return t.exec(List.of("whoami"), Duration.ofSeconds(10)).stdout().trim();
    }

    @Test
    void anEncryptedKeyInTheAgentNeedsNoPassphrase() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (TestAgent agent = TestAgent.start(tmp)) {
            agent.add(sshd.key("ed25519-encrypted"), TestSshd.PASSPHRASE);
            SshDestination dest = sshd.withKey("ed25519-encrypted").withPassphrase(q -> {
                asked.incrementAndGet();
                return null;
            });
            try (SshTarget t = SshTarget.connect(dest, sshd.settings(tmp).withAgent(agent.socket()))) {
                assertEquals(TestSshd.USER, whoami(t));
            }
        }
        assertEquals(0, asked.get(), "the agent signed; the key file's passphrase was never needed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "rsa", "ecdsa"})
    void theAgentAloneLogsInWithEachKeyType(String type) throws Exception {
        // No key file at all: only the agent can sign, so an RSA login proves the rsa-sha2 sign flags.
        try (TestAgent agent = TestAgent.start(tmp)) {
            agent.add(sshd.key(type), null);
            SshDestination dest = new SshDestination("127.0.0.1", sshd.port(), TestSshd.USER, null, null, null, null);
            try (SshTarget t = SshTarget.connect(dest, sshd.settings(tmp).withAgent(agent.socket()))) {
                assertEquals(TestSshd.USER, whoami(t));
            }
        }
    }

    @Test
    void anAgentWithoutTheKeyFallsBackToTheFile() throws Exception {
        Path other = tmp.resolve("id_other");
        MachineSetup.keygen(List.of("-t", "ed25519", "-N", "", "-f", other.toString()));
        AtomicInteger asked = new AtomicInteger();
        try (TestAgent agent = TestAgent.start(tmp)) {
            agent.add(other, null);
            SshDestination dest = sshd.withKey("ed25519-encrypted").withPassphrase(q -> {
                asked.incrementAndGet();
                return TestSshd.PASSPHRASE;
            });
            try (SshTarget t = SshTarget.connect(dest, sshd.settings(tmp).withAgent(agent.socket()))) {
                assertEquals(TestSshd.USER, whoami(t));
            }
        }
        assertEquals(1, asked.get(), "the agent's key was refused, then the file's passphrase asked once");
    }

    @Test
    void aStaleAgentSocketFallsBackToTheFile() throws Exception {
        Path stale = staleSocket();
        try (SshTarget t = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp).withAgent(AgentSocket.unix(stale)))) {
            assertEquals(TestSshd.USER, whoami(t));
        }
        Path gone = tmp.resolve("no-such.sock");
        try (SshTarget t = SshTarget.connect(sshd.withKey("ecdsa"), sshd.settings(tmp).withAgent(AgentSocket.unix(gone)))) {
            assertEquals(TestSshd.USER, whoami(t));
        }
    }

    @Test
    void whenEverythingFailsTheMessageSaysTheAgentDidNotAnswer() throws Exception {
        Path stale = staleSocket();
        Path other = tmp.resolve("id_other");
        MachineSetup.keygen(List.of("-t", "ed25519", "-N", "", "-f", other.toString()));
        TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(
                SshDestination.withKey("127.0.0.1", sshd.port(), TestSshd.USER, other),
                sshd.settings(tmp).withAgent(AgentSocket.unix(stale))));
        assertEquals(Reason.AUTH_FAILED, e.reason());
        assertTrue(e.getMessage().contains("the key " + other + " was rejected"), e.getMessage());
        assertTrue(e.getMessage().contains("ssh-agent at " + stale + " (SSH_AUTH_SOCK) did not answer"), e.getMessage());
    }

    @Test
    void identitiesOnlyOffersOnlyTheNamedKeyFromTheAgent() throws Exception {
        // The agent holds a key the server accepts, but the config names another one and says IdentitiesOnly:
        // like ssh, Berth then offers only the named key, and the login fails naming the agent's part.
        Path other = tmp.resolve("id_other");
        MachineSetup.keygen(List.of("-t", "ed25519", "-N", "", "-f", other.toString()));
        Path config = Files.writeString(tmp.resolve("config"), String.join("\n", "Host mediabox", "    HostName 127.0.0.1",
                "    Port " + sshd.port(), "    User " + TestSshd.USER, "    IdentityFile " + other, "    IdentitiesOnly yes", ""));
        try (TestAgent agent = TestAgent.start(tmp)) {
            agent.add(sshd.key("ed25519"), null);
            SshDestination dest = new SshDestination("mediabox", 0, null, null, null, null, null);
            TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(dest,
                    sshd.settings(tmp).withConfigFile(config).withAgent(agent.socket())));
            assertEquals(Reason.AUTH_FAILED, e.reason());
            assertTrue(e.getMessage().contains("holds none of the named keys"), e.getMessage());
            // Without IdentitiesOnly the agent's other key is offered too, and logs in.
            Files.writeString(config, Files.readString(config).replace("    IdentitiesOnly yes\n", ""));
            try (SshTarget t = SshTarget.connect(dest, sshd.settings(tmp).withConfigFile(config).withAgent(agent.socket()))) {
                assertEquals(TestSshd.USER, whoami(t));
            }
        }
    }

    /** A socket file nobody listens on any more: what SSH_AUTH_SOCK names after the agent died. */
    private Path staleSocket() throws Exception {
        Path stale = tmp.resolve("stale.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(stale));
        }
        assertTrue(Files.exists(stale));
        return stale;
    }

    @Test
    void anAgentWhoseKeysTheServerRefusesIsNamed() throws Exception {
        Path other = tmp.resolve("id_other");
        MachineSetup.keygen(List.of("-t", "ed25519", "-N", "", "-f", other.toString()));
        try (TestAgent agent = TestAgent.start(tmp)) {
            agent.add(other, null);
            SshDestination dest = new SshDestination("127.0.0.1", sshd.port(), TestSshd.USER, null, null, null, null);
            TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(dest,
                    sshd.settings(tmp).withAgent(agent.socket())));
            assertEquals(Reason.AUTH_FAILED, e.reason());
            assertEquals("The server 127.0.0.1 did not accept the login as berthtest: ssh-agent at " + agent.socketPath()
                    + " (SSH_AUTH_SOCK) offered 1 key; the server accepted none. Berth had no key file and no password to"
                    + " offer besides. Choose a key file, or give the password.", e.getMessage());
        }
    }
}
