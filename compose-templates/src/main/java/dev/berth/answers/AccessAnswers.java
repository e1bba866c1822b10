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
            adminEmail = adminEmail == null ? null : adminEmail.strip().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param enabled           run Authelia in front of the protected apps
     * @param policy            what a protected app asks for: a password, or a password and a second factor
     * @param users             who may sign in
     * @param protectedServices the apps Authelia guards
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"enabled", "policy", "users", "protectedServices"})
    public record Authelia(boolean enabled,
                           Policy policy,
                           List<@NotNull @Valid AutheliaUser> users,
                           List<@NotNull String> protectedServices) {
        public static final Authelia OFF = new Authelia(false, Policy.TWO_FACTOR, List.of(), List.of());

        public Authelia {
            users = users == null ? List.of() : List.copyOf(users);
            protectedServices = protectedServices == null ? List.of() : List.copyOf(protectedServices);
            policy = policy == null ? Policy.TWO_FACTOR : policy;
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
