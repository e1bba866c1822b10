package dev.berth.answers;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;

/**
 * The rules {@link AnswersValidator} checks, one constant per rule. A field's own constraint is
 * named for its annotation ({@code @NotNull} is {@link #REQUIRED}); a cross-field rule (an
 * {@code @AssertTrue} method on an answers record) is named for its method; the catalog's rules
 * ({@link CatalogRules}) and the port range for their check.
 */
public enum AnswerRule implements RuleId {
    // A field's own constraint, by its annotation.
    REQUIRED(NotNull.class),
    PATTERN(Pattern.class),
    RANGE(Min.class, Max.class),
    LENGTH(Size.class),
    EMAIL(Email.class),
    ABSOLUTE_PATH(AbsolutePath.class),
    CIDR(Cidr.class),
    DOMAIN_NAME(DomainName.class),
    HOST_NAME(HostName.class),
    PASSWORD(Password.class),
    SINGLE_LINE(SingleLine.class),
    TIME_ZONE(TimeZoneId.class),
    VPN_PROVIDER(VpnProvider.class),
    WIREGUARD_KEY(WireGuardKey.class),
    MAIL_HOST(MailHost.class),
    MAIL_SENDER(MailSender.class),

    // Cross-field rules, by their @AssertTrue method.
    AUTHELIA_HAS_DOMAIN(Answers.class, "isAutheliaHasDomain"),
    SSH_COMPLETE(TargetAnswers.class, "isSshComplete"),
    VPN_PROVIDER_CHOSEN(VpnAnswers.class, "isProviderChosen"),
    WIREGUARD_HAS_ADDRESS(VpnAnswers.class, "isWireGuardHasAddress"),
    VPN_SOMETHING_ROUTED(VpnAnswers.class, "isSomethingRouted"),
    LAN_SUBNET_SET(VpnAnswers.class, "isLanSubnetSet"),
    DOMAIN_GIVEN_FOR_DOMAIN_MODE(AccessAnswers.class, "isDomainGivenForDomainMode"),
    NPM_ADMIN_GIVEN(AccessAnswers.class, "isNpmAdminGiven"),
    FAIL2BAN_HAS_PROXY(AccessAnswers.class, "isFail2banHasProxy"),
    AUTHELIA_HAS_USER(AccessAnswers.Authelia.class, "isHasUser"),
    USER_NAMES_UNIQUE(AccessAnswers.Authelia.class, "isUserNamesUnique"),
    SMTP_PASSWORD_HAS_USER(AccessAnswers.Smtp.class, "isPasswordHasUser"),

    /** A port override outside 1–65535. */
    PORT_RANGE,

    // The backup section's rules (BackupRules), each on its key.
    /** backup.enabled: true without backup.repository. */
    BACKUP_REPOSITORY_REQUIRED,
    /** A backup.repository that is none of the four forms Berth sets up. */
    BACKUP_REPOSITORY_FORM,
    /** A local backup.repository inside the folders it saves (the stack folder, the config root) or the data root. */
    BACKUP_REPOSITORY_INSIDE_STACK,
    /** An S3 repository without backup.credentials.accessKeyId. */
    BACKUP_S3_KEY_ID,
    /** Credentials that do not belong to the repository's kind, or a rest-server password without its user. */
    BACKUP_CREDENTIALS_KIND,

    // The rules of several hosts (HostRules), each on its key.
    /** Two hosts under hosts: with one name. */
    HOST_NAMES_UNIQUE,
    /** More than one host of kind local. */
    ONE_LOCAL_HOST,
    /** A local host without an address the other hosts reach it at. */
    LOCAL_HOST_ADDRESS,
    /** target: beside hosts:, and not the first host's target. */
    TARGET_IS_FIRST_HOST,
    /** placement: with a single target (no hosts:). */
    PLACEMENT_WITHOUT_HOSTS,
    /** A pin naming a host that is not under hosts:. */
    PIN_UNKNOWN_HOST,
    /** A placement.swarm entry that is not a service of the stack. */
    SWARM_NOT_CHOSEN,

    // The catalog's rules (CatalogRules).
    UNKNOWN_SERVICE,
    NO_APP_CHOSEN,
    SET_UP_ELSEWHERE,
    NO_WIREGUARD_SUPPORT,
    NOT_VPN_CAPABLE,
    /** vpn.portForwarding: true with a provider Gluetun forwards no port for. */
    NO_PORT_FORWARDING,
    /** vpn.portForwarding: true with a VPN type the provider forwards no port with (PIA: OpenVPN only). */
    NO_PORT_FORWARDING_WITH_TYPE,
    /** vpn.portForwarding: true with no routed app that takes a forwarded port (a torrent client). */
    NO_FORWARDED_PORT_CLIENT,
    ROUTED_NOT_CHOSEN,
    VPN_PORT_CLASH,
    NO_WEB_PAGE,
    PROTECTED_NOT_CHOSEN,
    TAUTULLI_NEEDS_PLEX,
    PLEX_CLAIM_NEEDS_PLEX,
    /** A media.qualityProfiles key that is not a chosen app Recyclarr serves. */
    QUALITY_PROFILE_APP,
    /** A media.qualityProfiles value the app's catalog entry does not offer. */
    UNKNOWN_QUALITY_PROFILE;

    private final List<Class<? extends Annotation>> constraints;
    private final Class<?> record;
    private final String method;

    @SafeVarargs
    AnswerRule(Class<? extends Annotation>... constraints) {
        this.constraints = List.of(constraints);
        this.record = null;
        this.method = null;
    }

    AnswerRule(Class<?> record, String method) {
        this.constraints = List.of();
        this.record = record;
        this.method = method;
    }

    /** The field constraints this rule stands for (empty for the others). */
    public List<Class<? extends Annotation>> constraints() {
        return constraints;
    }

    /** For a cross-field rule: the record holding its {@code @AssertTrue} method; null for the others. */
    public Class<?> record() {
        return record;
    }

    /** For a cross-field rule: the name of its {@code @AssertTrue} method; null for the others. */
    public String method() {
        return method;
    }

    /** The rule a Bean Validation violation on the answers breaks. */
    static AnswerRule of(ConstraintViolation<?> v) {
        Class<? extends Annotation> type = v.getConstraintDescriptor().getAnnotation().annotationType();
        if (type == AssertTrue.class) {
            Class<?> holder = v.getLeafBean().getClass();
            String name = null;
            for (Path.Node node : v.getPropertyPath()) {
                name = node.getName();
            }
            String getter = "is" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            return Arrays.stream(values()).filter(r -> r.record == holder && getter.equals(r.method)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no rule id for " + holder.getSimpleName() + "." + getter));
        }
        return Arrays.stream(values()).filter(r -> r.constraints.contains(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no rule id for @" + type.getSimpleName()));
    }
}
