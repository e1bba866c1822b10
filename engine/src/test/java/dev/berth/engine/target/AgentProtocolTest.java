package dev.berth.engine.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.junit.jupiter.api.Test;

/** The ssh-agent protocol over a plain byte channel: what a Unix socket and a Windows pipe both carry. */
class AgentProtocolTest {

    @Test
    void aRequestIsFramedAndAnAnswerReadAcrossShortReads() throws IOException {
        ScriptedChannel channel = new ScriptedChannel(ScriptedChannel.frame(new byte[] {12, 0, 0, 0, 0}), 1);
        byte[] answer = AgentWire.exchange(channel, new byte[] {11});
        assertArrayEquals(new byte[] {0, 0, 0, 1, 11}, channel.written());
        assertArrayEquals(new byte[] {12, 0, 0, 0, 0}, answer);
    }

    @Test
    void aLengthNoAgentWouldSendIsRefused() {
        byte[] huge = ByteBuffer.allocate(4).putInt(AgentWire.MAX_MESSAGE + 1).array();
        IOException e = assertThrows(IOException.class, () -> AgentWire.exchange(new ScriptedChannel(huge, 4), new byte[] {11}));
        assertTrue(e.getMessage().contains("is it really an ssh-agent?"), e.getMessage());
    }

    @Test
    void anAgentThatHangsUpMidAnswerIsAnEndOfFile() {
        byte[] cut = {0, 0, 0, 9, 12, 0};
        assertThrows(EOFException.class, () -> AgentWire.exchange(new ScriptedChannel(cut, 3), new byte[] {11}));
    }

    @Test
    void keysAreListedAndUnknownTypesLeftOut() throws Exception {
        KeyPair ec = ecKey();
        Buffer answer = new ByteArrayBuffer();
        answer.putByte(AgentClient.IDENTITIES_ANSWER);
        answer.putUInt(2);
        answer.putBytes(blob(ec));
        answer.putString("me@laptop");
        Buffer unknown = new ByteArrayBuffer();
        unknown.putString("sk-made-up@openssh.com");
        unknown.putBytes(new byte[] {1, 2, 3});
        answer.putBytes(unknown.getCompactData());
        answer.putString("a security key");
        AgentClient agent = AgentClient.list(new ScriptedChannel(ScriptedChannel.frame(answer.getCompactData()), 7), "test agent");
        assertEquals(1, agent.identities().size());
        Map.Entry<?, String> only = agent.getIdentities().iterator().next();
        assertEquals(ec.getPublic(), only.getKey());
        assertEquals("me@laptop", only.getValue());
    }

    @Test
    void aSignRequestCarriesTheKeyTheDataAndTheRsaFlag() throws Exception {
        KeyPair ec = ecKey();
        Buffer identities = new ByteArrayBuffer();
        identities.putByte(AgentClient.IDENTITIES_ANSWER);
        identities.putUInt(1);
        identities.putBytes(blob(ec));
        identities.putString("k");
        Buffer signature = new ByteArrayBuffer();
        signature.putString("ecdsa-sha2-nistp256");
        signature.putBytes(new byte[] {9, 9, 9});
        Buffer signed = new ByteArrayBuffer();
        signed.putByte(AgentClient.SIGN_RESPONSE);
        signed.putBytes(signature.getCompactData());
        byte[] script = concat(ScriptedChannel.frame(identities.getCompactData()), ScriptedChannel.frame(signed.getCompactData()));
        ScriptedChannel channel = new ScriptedChannel(script, 5);
        AgentClient agent = AgentClient.list(channel, "test agent");

        Map.Entry<String, byte[]> result = agent.sign(null, ec.getPublic(), "rsa-sha2-512", new byte[] {4, 2});

        assertEquals("ecdsa-sha2-nistp256", result.getKey());
        assertArrayEquals(new byte[] {9, 9, 9}, result.getValue());
        Buffer sent = new ByteArrayBuffer(channel.written());
        sent.getUInt(); // the list request's length
        sent.getUByte(); // and its type
        sent.getUInt(); // the sign request's length
        assertEquals(AgentClient.SIGN_REQUEST, sent.getUByte());
        assertArrayEquals(blob(ec), sent.getBytes());
        assertArrayEquals(new byte[] {4, 2}, sent.getBytes());
        assertEquals(AgentClient.RSA_SHA2_512, sent.getUInt());
    }

    @Test
    void aRefusedSignatureSaysSo() throws Exception {
        KeyPair ec = ecKey();
        Buffer identities = new ByteArrayBuffer();
        identities.putByte(AgentClient.IDENTITIES_ANSWER);
        identities.putUInt(1);
        identities.putBytes(blob(ec));
        identities.putString("k");
        byte[] script = concat(ScriptedChannel.frame(identities.getCompactData()), ScriptedChannel.frame(new byte[] {AgentClient.FAILURE}));
        AgentClient agent = AgentClient.list(new ScriptedChannel(script, 64), "test agent");
        IOException e = assertThrows(IOException.class, () -> agent.sign(null, ec.getPublic(), "ecdsa-sha2-nistp256", new byte[] {1}));
        assertTrue(e.getMessage().startsWith("test agent did not sign with the key"), e.getMessage());
    }

    @Test
    void rsaFlagsFollowTheAlgorithmTheServerAsked() {
        assertEquals(AgentClient.RSA_SHA2_256, AgentClient.flags("rsa-sha2-256"));
        assertEquals(AgentClient.RSA_SHA2_512, AgentClient.flags("rsa-sha2-512"));
        assertEquals(AgentClient.RSA_SHA2_512, AgentClient.flags("rsa-sha2-512-cert-v01@openssh.com"));
        assertEquals(0, AgentClient.flags("ssh-rsa"));
        assertEquals(0, AgentClient.flags("ssh-ed25519"));
    }

    @Test
    void theAgentComesFromTheEnvironmentOrWindowsOwnPipe() {
        assertEquals(Optional.of(new AgentSocket("/run/user/1000/ssh-agent.sock", false)),
                AgentSocket.fromEnvironment(Map.of("SSH_AUTH_SOCK", "/run/user/1000/ssh-agent.sock"), "Linux"));
        assertEquals(Optional.empty(), AgentSocket.fromEnvironment(Map.of(), "Linux"));
        assertEquals(Optional.empty(), AgentSocket.fromEnvironment(Map.of("SSH_AUTH_SOCK", " "), "Mac OS X"));
        assertEquals(Optional.of(new AgentSocket(AgentSocket.WINDOWS_PIPE, true)), AgentSocket.fromEnvironment(Map.of(), "Windows 11"));
        assertEquals(Optional.of(new AgentSocket("\\\\.\\pipe\\pageant.me", true)),
                AgentSocket.fromEnvironment(Map.of("SSH_AUTH_SOCK", "\\\\.\\pipe\\pageant.me"), "Windows 11"));
        assertFalse(AgentSocket.fromEnvironment(Map.of(), "Linux").isPresent());
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static byte[] blob(KeyPair pair) {
        ByteArrayBuffer b = new ByteArrayBuffer();
        b.putRawPublicKey(pair.getPublic());
        return b.getCompactData();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

}
