package dev.berth.engine.target;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentKeyConstraint;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client of a running ssh-agent (draft-miller-ssh-agent): lists its keys and has it sign the
 * login, so a key added with {@code ssh-add} never needs its passphrase here. MINA's own Unix
 * agent client needs Tomcat's native APR library; this one needs only a byte channel. It only
 * reads and signs: Berth never adds or removes the person's agent keys.
 */
final class AgentClient implements SshAgent {
    static final byte REQUEST_IDENTITIES = 11;
    static final byte IDENTITIES_ANSWER = 12;
    static final byte SIGN_REQUEST = 13;
    static final byte SIGN_RESPONSE = 14;
    static final byte FAILURE = 5;
    /** Sign flags: which hash an RSA key signs with (rsa-sha2-256 / rsa-sha2-512, RFC 8332). */
    static final int RSA_SHA2_256 = 2;
    static final int RSA_SHA2_512 = 4;

    /** One key the agent holds, with its wire form (the agent signs by that) and the comment ssh-add gave it. */
    record Identity(PublicKey key, byte[] blob, String comment) {
    }

    private final ByteChannel channel;
    private final String describe;
    private final List<Identity> identities;

    /** The agent's keys as it listed them, offered in this order. */
    private AgentClient(ByteChannel channel, String describe, List<Identity> identities) {
        this.channel = channel;
        this.describe = describe;
        this.identities = List.copyOf(identities);
    }

    /** Asks the agent on this channel for its keys; keys of types Berth cannot use are left out. */
    static AgentClient list(ByteChannel channel, String describe) throws IOException {
        Buffer answer = new ByteArrayBuffer(AgentWire.exchange(channel, new byte[] {REQUEST_IDENTITIES}));
        int type = answer.getUByte();
        if (type != IDENTITIES_ANSWER) {
            throw new IOException(describe + " answered the request for its keys with message " + type);
        }
        long count = answer.getUInt();
        List<Identity> keys = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            byte[] blob = answer.getBytes();
            String comment = answer.getString();
            try {
                keys.add(new Identity(new ByteArrayBuffer(blob).getRawPublicKey(), blob, comment));
            } catch (org.apache.sshd.common.SshException | RuntimeException e) {
                // e.g. a security-key (sk-) or certificate identity: skipped, as ssh skips what it cannot offer
            }
        }
        return new AgentClient(channel, describe, keys);
    }

    /** The same agent connection, its keys reordered or filtered. */
    AgentClient withIdentities(List<Identity> chosen) {
        return new AgentClient(channel, describe, chosen);
    }

    List<Identity> identities() {
        return identities;
    }

    @Override
    public Iterable<? extends Map.Entry<PublicKey, String>> getIdentities() {
        return identities.stream().map(i -> new SimpleImmutableEntry<>(i.key(), i.comment())).toList();
    }

    @Override
    public Map.Entry<String, byte[]> sign(SessionContext session, PublicKey key, String algo, byte[] data) throws IOException {
        Identity id = identities.stream().filter(i -> KeyUtils.compareKeys(i.key(), key)).findFirst()
                .orElseThrow(() -> new IOException(describe + " does not hold the key " + KeyUtils.getFingerPrint(key)));
        ByteArrayBuffer request = new ByteArrayBuffer();
        request.putByte(SIGN_REQUEST);
        request.putBytes(id.blob());
        request.putBytes(data);
        request.putUInt(flags(algo));
        Buffer answer = new ByteArrayBuffer(AgentWire.exchange(channel, request.getCompactData()));
        int type = answer.getUByte();
        if (type != SIGN_RESPONSE) {
            throw new IOException(describe + " did not sign with the key " + KeyUtils.getFingerPrint(key)
                    + (type == FAILURE ? " (it refused; is the agent locked, or the key confirm-only?)" : " (message " + type + ")"));
        }
        Buffer signature = new ByteArrayBuffer(answer.getBytes());
        String signedWith = signature.getString();
        return new SimpleImmutableEntry<>(signedWith, signature.getBytes());
    }

    /** RSA keys sign with SHA-1 unless asked otherwise; the server asked for {@code algo}. */
    static int flags(String algo) {
        if (algo == null) {
            return 0;
        }
        if (algo.startsWith("rsa-sha2-512")) {
            return RSA_SHA2_512;
        }
        return algo.startsWith("rsa-sha2-256") ? RSA_SHA2_256 : 0;
    }

    @Override
    public void addIdentity(KeyPair key, String comment, SshAgentKeyConstraint... constraints) throws IOException {
        throw new IOException("Berth does not add keys to the person's ssh-agent");
    }

    @Override
    public void removeIdentity(PublicKey key) throws IOException {
        throw new IOException("Berth does not remove keys from the person's ssh-agent");
    }

    @Override
    public void removeAllIdentities() throws IOException {
        throw new IOException("Berth does not remove keys from the person's ssh-agent");
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
