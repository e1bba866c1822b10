package dev.berth.engine.target;

import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.session.ClientSession;

/**
 * Asks for the password only when the server wants one (after the keys were refused), and at
 * most once per connection whether the server asks through "password" or "keyboard-interactive":
 * sending a refused password again only counts against the server's MaxAuthTries (and fail2ban).
 */
final class PasswordInteraction implements UserInteraction {
    private final SecretPrompt prompt;
    private final String who;
    private final PromptTimer timer;
    private volatile boolean handedOut;

    PasswordInteraction(SecretPrompt prompt, String who, PromptTimer timer) {
        this.prompt = prompt;
        this.who = who;
        this.timer = timer;
    }

    /** True when the person gave a password and it was sent. */
    boolean tried() {
        return handedOut;
    }

    private synchronized String once() {
        if (handedOut) {
            return null;
        }
        String answer = timer.time(() -> prompt.ask("Password for " + who));
        handedOut = answer != null;
        return answer;
    }

    @Override
    public String resolveAuthPasswordAttempt(ClientSession session) {
        return once();
    }

    @Override
    public String[] interactive(ClientSession session, String name, String instruction, String lang, String[] prompts, boolean[] echo) {
        if (prompts.length == 0) {
            return new String[0]; // an information-only round; answering nothing continues the login
        }
        // Only the usual single hidden "Password:" question; one-time codes and the like are not supported yet.
        if (prompts.length == 1 && !echo[0] && prompts[0].toLowerCase(java.util.Locale.ROOT).contains("password")) {
            String password = once();
            return password == null ? null : new String[] {password};
        }
        return null;
    }

    @Override
    public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
        return null; // an expired password must be changed with ssh first; Berth does not do it silently
    }
}
