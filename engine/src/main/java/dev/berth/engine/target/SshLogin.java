package dev.berth.engine.target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKey;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/** Opens an authenticated SSH session, or says exactly why not. */
final class SshLogin {
    private SshLogin() {
    }

    record Opened(SshClient client, ClientSession session) {
    }

    static Opened open(SshDestination dest, SshSettings settings, ResolvedHost host) throws TargetException {
        PromptTimer timer = new PromptTimer();
        KeyFiles keys = new KeyFiles(host, new KeyPassphrases(dest.passphrase(), dest.keeping(), timer));
        keys.checkNamed();
        AgentLogin agent = settings.agent() == null ? null : new AgentLogin(settings.agent(),
                host.keys().stream().flatMap(k -> PublicKeyBlobs.of(k).stream()).toList(), host.identitiesOnly());
        try {
            InetAddress.getByName(host.hostName()); // MINA reports an unknown name vaguely; ask the resolver first
        } catch (UnknownHostException e) {
            throw new TargetException(TargetException.Reason.UNREACHABLE, "The host name " + host.hostName()
                    + " does not resolve. Check the spelling, or use the server's IP address.", e);
        }
        HostKeyCheck hostKeys = new HostKeyCheck(settings.knownHosts(), host, dest.hostKey(), timer);
        SshClient client = SshClient.setUpDefaultClient();
        // Berth resolved the config and reads the keys itself; MINA must not add ~/.ssh/config or keys of its own.
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setAgentFactory(agent); // null: no agent; MINA offers an agent's keys before the key files
        client.setServerKeyVerifier(hostKeys.verifier());
        client.setSignatureFactories(HostKeyAlgorithms.order(client.getSignatureFactories(), hostKeys.knownKeyTypes()));
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, settings.heartbeat());
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 3);
        CoreModuleProperties.PASSWORD_PROMPTS.set(client, 1);
        // Many small request/answer exchanges (exec, SFTP, dial-stdio): without this, Nagle's algorithm
        // meeting the server's delayed ACK adds about 40 ms to many of them.
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.start();
        ClientSession session = null;
        try {
            session = client.connect(host.user(), host.hostName(), host.port())
                    .verify(settings.connectTimeout().toMillis()).getSession();
            PasswordInteraction password = new PasswordInteraction(dest.password(), host.user() + "@" + host.hostName(), timer);
            session.setUserInteraction(password);
            // Read when the login gets to them: after the agent's keys, so the agent spares the passphrase.
            session.setKeyIdentityProvider(keys);
            session.setAttribute(UserAuthPublicKey.USE_DEFAULT_IDENTITIES, agent != null);
            AuthFuture auth = session.auth();
            awaitLogin(auth, settings.authTimeout().toNanos(), timer, host);
            if (!auth.isSuccess()) {
                throw authFailure(auth.getException(), hostKeys, host, keys, agent, password);
            }
            return new Opened(client, session);
        } catch (TargetException e) {
            closeQuietly(client, session);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(client, session);
            TargetException refusal = hostKeys.refusal(e);
            throw refusal != null ? refusal : SshErrors.connectFailure(e, host, settings);
        }
    }

    /** Waits for the login, not counting time the person spends in a prompt. */
    private static void awaitLogin(AuthFuture auth, long limitNanos, PromptTimer timer, ResolvedHost host) throws TargetException {
        long start = System.nanoTime();
        try {
            while (!auth.await(100, TimeUnit.MILLISECONDS)) {
                if (!timer.prompting() && System.nanoTime() - start - timer.spentNanos() > limitNanos) {
                    throw new TargetException(TargetException.Reason.TIMEOUT, host.describe() + " accepted the connection"
                            + " but did not complete the SSH login within " + TimeUnit.NANOSECONDS.toSeconds(limitNanos)
                            + " s. Is it really an SSH server on that port, and is it overloaded?");
                }
            }
        } catch (IOException e) {
            throw SshErrors.connectFailure(e, host, null);
        }
    }

    private static TargetException authFailure(Throwable cause, HostKeyCheck hostKeys, ResolvedHost host,
            KeyFiles keys, AgentLogin agent, PasswordInteraction password) {
        TargetException refusal = hostKeys.refusal(cause);
        if (refusal != null) {
            return refusal;
        }
        String text = String.valueOf(cause == null ? null : cause.getMessage());
        if (!text.contains("No more authentication methods")) {
            return SshErrors.connectFailure(cause instanceof Exception ex ? ex : new IOException(text, cause), host, null);
        }
        if (keys.problem() != null) {
            return keys.problem(); // a key file that could not be read says more than "refused"
        }
        return SshErrors.loginRefused(host, keys.offered(), password.tried(), agent == null ? "" : agent.note(), cause);
    }

    static void closeQuietly(SshClient client, ClientSession session) {
        try {
            if (session != null) {
                session.close(true);
            }
        } finally {
            client.stop();
        }
    }
}
