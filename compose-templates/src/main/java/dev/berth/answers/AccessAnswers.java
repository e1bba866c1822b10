package dev.berth.answers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * How the apps are reached: only on the home network, or under a domain through Nginx Proxy
 * Manager, optionally guarded by Authelia and Fail2Ban.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mode", "domain", "letsEncrypt", "npm", "authelia", "fail2ban"})
public record AccessAnswers(
        @NotNull(message = "choose 'lan' or 'domain'") Mode mode,
        @DomainName String domain,
        boolean letsEncrypt,
        @Valid Npm npm,
        @NotNull @Valid Authelia authelia,
        boolean fail2ban) {

    public static final AccessAnswers LAN_ONLY = new AccessAnswers(Mode.LAN, null, false, null, Authelia.OFF, false);

    public AccessAnswers {
        authelia = authelia == null ? Authelia.OFF : authelia;
    }

    public enum Mode {
        LAN, DOMAIN;

        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return Enums.key(this);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Mode fromKey(String key) {
            return Enums.parse(Mode.class, key);
        }
    }

    /** Whether Nginx Proxy Manager runs: always with a domain. */
    public boolean proxyEnabled() {
        return mode == Mode.DOMAIN;
    }

    @JsonIgnore
    @AssertTrue(message = "enter the domain your apps will be reached at (e.g. media.example.com)")
    public boolean isDomainGivenForDomainMode() {
        return mode != Mode.DOMAIN || (domain != null && !domain.isBlank());
    }

    @JsonIgnore
    @AssertTrue(message = "Nginx Proxy Manager needs an admin e-mail address (npm.adminEmail)")
    public boolean isNpmAdminGiven() {
        return mode != Mode.DOMAIN || (npm != null && npm.adminEmail() != null);
    }

    @JsonIgnore
    @AssertTrue(message = "Fail2Ban watches the proxy's logs: it needs 'domain' access")
    public boolean isFail2banHasProxy() {
        return !fail2ban || mode == Mode.DOMAIN;
    }

    /**
     * @param adminEmail    the Nginx Proxy Manager administrator (also used for Let's Encrypt)
     * @param adminPassword optional; generated when absent. A secret: never written to berth.yaml
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Npm(@NotNull(message = "is required") @Email(message = "is not an e-mail address") @SingleLine @Size(max = 254) String adminEmail,
                      @Password String adminPassword) {
        /**
         * Lower case: Nginx Proxy Manager lower-cases the address given at sign-in but stores
         * INITIAL_ADMIN_EMAIL as it was given, so an upper-case letter would lock Berth out.
         */
        public Npm {
            adminEmail = adminEmail == null ? null : adminEmail.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param enabled           run Authelia in front of the protected apps
     * @param policy            what a protected app asks for: a password, or a password and a second factor
     * @param users             who may sign in
     * @param protectedServices the apps Authelia guards
     * @param smtp              the mail server Authelia sends its one-time links through; absent:
     *                          Authelia writes them to a file on the server, which Berth reads back
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"enabled", "policy", "users", "protectedServices", "smtp"})
    public record Authelia(boolean enabled,
                           Policy policy,
                           List<@NotNull @Valid AutheliaUser> users,
                           List<@NotNull String> protectedServices,
                           @Valid Smtp smtp) {
        public static final Authelia OFF = new Authelia(false, Policy.TWO_FACTOR, List.of(), List.of(), null);

        /** Authelia without a mail server: its one-time links go to a file on the server. */
        public Authelia(boolean enabled, Policy policy, List<AutheliaUser> users, List<String> protectedServices) {
            this(enabled, policy, users, protectedServices, null);
        }

        public Authelia {
            users = users == null ? List.of() : List.copyOf(users);
            protectedServices = protectedServices == null ? List.of() : List.copyOf(protectedServices);
            policy = policy == null ? Policy.TWO_FACTOR : policy;
        }

        /** The same, with this mail server (null: none, one-time links go to a file). */
        public Authelia withSmtp(Smtp newSmtp) {
            return new Authelia(enabled, policy, users, protectedServices, newSmtp);
        }

        @JsonIgnore
        @AssertTrue(message = "Authelia needs at least one user who may sign in")
        public boolean isHasUser() {
            return !enabled || !users.isEmpty();
        }

        @JsonIgnore
        @AssertTrue(message = "two users have the same user name")
        public boolean isUserNamesUnique() {
            return users.stream().map(AutheliaUser::username).distinct().count() == users.size();
        }
    }

    /**
     * A mail server for Authelia's notifications (registering a second factor, resetting a password).
     *
     * @param host     the SMTP server's host name ("smtp.example.com")
     * @param port     its port: 465 (TLS from the start) or 587/25 (STARTTLS)
     * @param username the user to sign in as; absent: no sign-in
     * @param password optional. A secret: kept in secrets/authelia_smtp_password, never written to berth.yaml
     * @param sender   the From address ("Authelia <auth@example.com>" or "auth@example.com")
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"host", "port", "username", "password", "sender"})
    public record Smtp(@NotNull(message = "is required") @MailHost String host,
                       @NotNull(message = "is required") @jakarta.validation.constraints.Min(value = 1, message = SMTP_PORT)
                       @jakarta.validation.constraints.Max(value = 65535, message = SMTP_PORT) Integer port,
                       @SingleLine @Size(max = 254) String username,
                       @SingleLine @Size(max = 128) String password,
                       @NotNull(message = "is required") @MailSender @Size(max = 254) String sender) {
        static final String SMTP_PORT = "must be 1 to 65535: usually 587 (STARTTLS) or 465 (TLS), as your mail provider says";

        public Smtp withoutPassword() {
            return new Smtp(host, port, username, null, sender);
        }

        /** A password is sent only with a user name; alone it would be silently ignored. */
        @JsonIgnore
        @AssertTrue(message = "has a password but no username: add the username of the mail account, or remove the password")
        public boolean isPasswordHasUser() {
            return password == null || username != null;
        }
    }

    public enum Policy {
        ONE_FACTOR, TWO_FACTOR;

        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return Enums.key(this);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Policy fromKey(String key) {
            return Enums.parse(Policy.class, key);
        }

        /** The value Authelia's access_control uses. */
        public String autheliaName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
