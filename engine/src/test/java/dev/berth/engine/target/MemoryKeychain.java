package dev.berth.engine.target;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A keychain in memory, for the flow around the OS keychain; the real one has its own round-trip test. */
public final class MemoryKeychain implements Keychain {
    public final Map<String, String> secrets = new HashMap<>();
    private final boolean available;

    public MemoryKeychain(boolean available) {
        this.available = available;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public String name() {
        return "Test Keyring";
    }

    @Override
    public Optional<String> find(String account) {
        return Optional.ofNullable(secrets.get(account));
    }

    @Override
    public boolean keep(String account, String secret) {
        secrets.put(account, secret);
        return true;
    }

    @Override
    public void forget(String account) {
        secrets.remove(account);
    }
}
