package dev.berth.engine.npm;

/** NPM does not accept the admin e-mail and password Berth has (it answers "Invalid email or password"). */
public final class SignInRefusedException extends NpmException {
    SignInRefusedException(String email) {
        super(400, "Nginx Proxy Manager refused the admin sign-in for " + email + ". If you changed the admin"
                + " password (or e-mail) in Nginx Proxy Manager, enter the new one as its admin password in Berth, or"
                + " set it back in Nginx Proxy Manager, then deploy again.");
    }
}
