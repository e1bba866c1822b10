package dev.berth.plan;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.AnswersSecrets;
import dev.berth.answers.AutheliaUser;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.Problem;
import dev.berth.answers.VpnAnswers;
import dev.berth.catalog.ExporterSpec;
import dev.berth.catalog.GeneratedPassword;
import dev.berth.catalog.VolumeSpec;
import dev.berth.catalog.VpnGatewaySpec;
import dev.berth.catalog.WidgetField;
import dev.berth.secrets.Argon2idHasher;
import dev.berth.secrets.SecretGenerator;
import dev.berth.secrets.SecretStore;
import java.util.List;
import java.util.Map;

/**
 * The settings that tie services together: environment, secrets, users and commands. Every secret
 * reaches its app as a file under {@code /run/secrets/}, never as a value in compose.yaml.
 * What a service needs is read from its catalog entry (API key, passwords, public URL variable,
 * exporter); only settings made from answers (VPN, proxy admin, Authelia's users, Watchtower,
 * Fail2Ban's logs, Plex's claim token) and Homepage's widget keys are decided here by service id.
 */
final class Wiring {
    static final String WATCHTOWER_ENABLE = "com.centurylinklabs.watchtower.enable";

    private final Answers answers;
    private final Map<String, ServiceDraft> drafts;
    private final SecretStore secrets;
    private final SecretGenerator generator;
    private final Argon2idHasher hasher;

    Wiring(Answers answers, Map<String, ServiceDraft> drafts, SecretStore secrets, SecretGenerator generator,
           Argon2idHasher hasher) {
        this.answers = answers;
        this.drafts = drafts;
        this.secrets = secrets;
        this.generator = generator;
        this.hasher = hasher;
    }

    void wire(ServiceDraft d) {
        var storage = answers.storage();
        if (d.def.linuxserver()) {
            d.env.put("PUID", storage.puid().toString());
            d.env.put("PGID", storage.pgid().toString());
            d.env.put("UMASK", "002");
        }
        d.env.put("TZ", storage.timeZone());
        d.env.putAll(d.def.environment());
        if (d.def.web() != null && d.def.web().portEnv() != null) {
            d.env.put(d.def.web().portEnv(), Integer.toString(d.webPort));
        }
        if (d.def.run().runAsPuid()) {
            d.user = storage.puid() + ":" + storage.pgid();
        }
        if (d.placement == Placement.BRIDGE && d.def.category() == dev.berth.catalog.Category.MEDIA_SERVER
                && storage.hardwareTranscoding()) {
            d.devices.add("/dev/dri:/dev/dri");
        }
        if (answers.monitoring().watchtower() != MonitoringAnswers.Watchtower.OFF) {
            d.labels.put(WATCHTOWER_ENABLE, Boolean.toString(d.def.run().autoUpdate()));
        }
        // LinuxServer images read FILE__X into X; the *arr apps take their key from <APP>__AUTH__APIKEY.
        // Without a variable the app reads the secret from its own settings file (ClientSettings writes it).
        d.def.apiKey().filter(key -> key.fileVariable() != null).ifPresent(key -> d.secretFile(key.fileVariable(), key.secret()));
        for (GeneratedPassword p : d.def.passwords()) {
            if (p.fileVariable() != null) {
                d.secretFile(p.fileVariable(), secret(p.secret()));
            }
        }
        if (d.def.web() != null && d.def.web().publicUrlVariable() != null && answers.access().proxyEnabled()) {
            d.env.put(d.def.web().publicUrlVariable(), "https://" + d.name + "." + answers.access().domain());
        }
        if (d.exportedApp != null) {
            exporter(d);
        }
        switch (d.def.id()) {
            case "gluetun" -> gluetun(d);
            case "npm" -> npm(d);
            case "authelia" -> authelia(d);
            case "homepage" -> homepage(d);
            case "watchtower" -> watchtower(d);
            case "fail2ban" -> fail2ban(d);
            case "plex" -> plex(d);
            default -> { }
        }
    }

    private String secret(String name) {
        secrets.keepOrCreate(name, generator::password);
        return name;
    }

    /**
     * Every app's API key, decided before any service is wired: exporters, Homepage, Unpackerr
     * and Recyclarr are given the keys of apps they serve, and the app starts with the same key.
     */
    void decideApiKeys() {
        for (ServiceDraft d : drafts.values()) {
            // A key the app makes itself (Jellyfin) is never generated: the previous one (filled in by
            // Berth's setup of the app) is kept, and the first time its file starts empty, so the
            // containers that mount it (Homepage) start, and the setup writes the key into it.
            d.def.apiKey().ifPresent(key -> secrets.keepOrCreate(key.secret(), key.madeByApp() ? () -> "" : generator::apiKey));
        }
    }

    /**
     * The passwords no container reads from a file (an *arr app's sign-in, set through its API after
     * the deploy): generated and kept like the others, after every service is wired, so the secrets
     * made before keep their place in a seeded generator's sequence.
     */
    void decidePasswordsWithoutFile() {
        for (ServiceDraft d : drafts.values()) {
            d.def.passwords().stream().filter(p -> p.fileVariable() == null).forEach(p -> secret(p.secret()));
        }
    }

    /**
     * The gateway's control server keys (Berth's and Homepage's widget's), kept on re-runs. Decided
     * last, so the secrets made before keep their place in a seeded generator's sequence.
     */
    void decideGatewayKeys() {
        for (ServiceDraft d : drafts.values()) {
            VpnGatewaySpec gateway = d.def.vpnGateway();
            if (gateway != null) {
                // Gluetun's own keys are 22 base58 characters (~129 bits); 32 letters and digits are ~190.
                secrets.keepOrCreate(gateway.keySecret(), () -> generator.alphanumeric(32));
                secrets.keepOrCreate(gateway.widgetKeySecret(), () -> generator.alphanumeric(32));
            }
        }
    }

    /**
     * The control server's auth file is rendered into the stack folder (a secret, 0600, shown
     * redacted in diffs) and its folder mounted read-only over the gateway's config folder: a
     * folder rather than the file, since a file mount would keep the old file after a rewrite.
     */
    private void gatewayAuthMount(ServiceDraft d, VpnGatewaySpec gateway) {
        // The catalog requires a config volume and a folder in authFile (DefinitionChecker).
        String configTarget = d.def.volumes().stream().filter(v -> v.kind() == VolumeSpec.Kind.CONFIG)
                .map(VolumeSpec::target).findFirst().orElseThrow();
        d.mounts.add(Mount.bind("./config/" + d.def.id() + "/" + gateway.authFolder(), configTarget + "/" + gateway.authFolder(), true));
    }

    /** An exporter instance, pointed at its app's API with the app's key. */
    private void exporter(ServiceDraft d) {
        ServiceDraft app = d.exportedApp;
        ExporterSpec spec = d.def.exporter();
        List<String> command = app.def.metrics().command();
        if (!command.isEmpty()) {
            d.command = command;
        }
        d.env.put(spec.urlVariable(), "http://" + app.placement.addressOf(app.name) + ":" + app.webPort);
        // The catalog refuses metrics without api.key: an exporter reads the app's API with it.
        d.secretFile(spec.apiKeyFileVariable(), app.def.apiKey().orElseThrow().secret());
    }

    private void gluetun(ServiceDraft d) {
        VpnAnswers vpn = answers.vpn();
        d.env.put("VPN_SERVICE_PROVIDER", vpn.provider());
        d.env.put("VPN_TYPE", vpn.type().key());
        if (!vpn.countries().isEmpty()) {
            d.env.put("SERVER_COUNTRIES", String.join(",", vpn.countries()));
        }
        d.env.put("FIREWALL_OUTBOUND_SUBNETS", vpn.lanSubnet());
        if (d.def.vpnGateway() != null) {
            gatewayAuthMount(d, d.def.vpnGateway());
        }
        if (vpn.type() == VpnAnswers.Type.WIREGUARD) {
            VpnAnswers.WireGuard wg = vpn.wireguard();
            required("wireguard_private_key", wg.privateKey(), "vpn.wireguard.privateKey",
                    "is required: copy the private key from your provider's WireGuard configuration");
            // Gluetun reads /run/secrets/wireguard_private_key by default; naming the file is clearer.
            d.secretFile("WIREGUARD_PRIVATE_KEY_SECRETFILE", "wireguard_private_key");
            d.env.put("WIREGUARD_ADDRESSES", String.join(",", wg.addresses()));
            if (secrets.typedOrPrevious("wireguard_preshared_key", wg.presharedKey()) != null) {
                d.secretFile("WIREGUARD_PRESHARED_KEY_SECRETFILE", "wireguard_preshared_key");
            }
        } else {
            VpnAnswers.OpenVpn ovpn = vpn.openvpn();
            required("openvpn_user", ovpn == null ? null : ovpn.user(), "vpn.openvpn.user", "is required for OpenVPN");
            required("openvpn_password", ovpn == null ? null : ovpn.password(), "vpn.openvpn.password", "is required for OpenVPN");
            d.secretFile("OPENVPN_USER_SECRETFILE", "openvpn_user");
            d.secretFile("OPENVPN_PASSWORD_SECRETFILE", "openvpn_password");
        }
    }

    private void required(String name, String typed, String field, String message) {
        required(secrets, name, typed, field, message);
    }

    /** A secret only the person can give: typed now, or kept from an earlier run; else the answers are refused on {@code field}. */
    static void required(SecretStore secrets, String name, String typed, String field, String message) {
        if (secrets.typedOrPrevious(name, typed) == null) {
            throw new InvalidAnswersException(List.of(new Problem(field, message, PlanRule.SECRET_REQUIRED)));
        }
    }

    private void npm(ServiceDraft d) {
        AccessAnswers.Npm admin = answers.access().npm();
        d.env.put("INITIAL_ADMIN_EMAIL", admin.adminEmail());
        secrets.use("npm_admin_password", admin.adminPassword(), generator::password);
        d.secretFile("INITIAL_ADMIN_PASSWORD__FILE", "npm_admin_password");
    }

    private void authelia(ServiceDraft d) {
        d.env.put("PUID", answers.storage().puid().toString());
        d.env.put("PGID", answers.storage().pgid().toString());
        d.env.put("X_AUTHELIA_CONFIG", "/config/configuration.yml");
        secrets.keepOrCreate("authelia_jwt_secret", () -> generator.alphanumeric(64));
        secrets.keepOrCreate("authelia_session_secret", () -> generator.alphanumeric(64));
        secrets.keepOrCreate("authelia_storage_encryption_key", () -> generator.alphanumeric(64));
        d.secretFile("AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET_FILE", "authelia_jwt_secret");
        d.secretFile("AUTHELIA_SESSION_SECRET_FILE", "authelia_session_secret");
        d.secretFile("AUTHELIA_STORAGE_ENCRYPTION_KEY_FILE", "authelia_storage_encryption_key");
        AccessAnswers.Smtp smtp = answers.access().authelia().smtp();
        if (smtp != null && smtp.username() != null) {
            // Typed once, then kept in secrets/ (berth.yaml never holds it); a mail account's password cannot be made up.
            required("authelia_smtp_password", smtp.password(), "access.authelia.smtp.password",
                    "is required with a username: type the mail account's password (Berth keeps it in secrets/authelia_smtp_password)");
            d.secretFile("AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE", "authelia_smtp_password");
        }
        for (AutheliaUser u : answers.access().authelia().users()) {
            String passwordName = "authelia_user_" + u.username() + "_password";
            String hashName = "authelia_user_" + u.username() + "_hash";
            String previousPassword = secrets.previous(passwordName);
            String password = secrets.use(passwordName, u.password(), generator::password);
            String previousHash = secrets.previous(hashName);
            if (AutheliaPasswords.keepsHash(password, previousPassword, previousHash)) {
                secrets.keepOrCreate(hashName, () -> previousHash);
            } else {
                String hash = hasher.hash(password);
                secrets.use(hashName, hash, () -> hash);
            }
        }
    }

    /** Homepage reads the API key, and the passwords its catalog entry names, of every app whose tile has a widget. */
    private void homepage(ServiceDraft d) {
        for (ServiceDraft app : ChosenOrder.of(answers.services(), drafts.values(), a -> a.name)) {
            if (app.def.homepage() != null && app.exportedApp == null) {
                app.def.apiKey().ifPresent(key -> d.secretFile(HomepageKeys.variable(app.name), key.secret()));
                if (app.def.vpnGateway() != null) { // the read-only key of its control server's widget role
                    d.secretFile(HomepageKeys.variable(app.name), app.def.vpnGateway().widgetKeySecret());
                }
                app.def.homepage().fields().forEach((field, value) -> {
                    if (value instanceof WidgetField.FromSecret(String secret)) {
                        d.secretFile(HomepageKeys.variable(app.name, field), secret);
                    }
                });
            }
        }
    }

    private void watchtower(ServiceDraft d) {
        d.env.put("WATCHTOWER_SCHEDULE", "0 0 4 * * *");
        d.env.put("WATCHTOWER_LABEL_ENABLE", "true");
        // Monitor-only comes from the catalog in both modes: berth update applies updates.
    }

    /**
     * Plex's claim token as {@code PLEX_CLAIM}, read from a file by the image ({@code FILE__}), only
     * once one was ever given: Plex's start script claims the server with it while its
     * Preferences.xml has no {@code PlexOnlineToken} and ignores it afterwards, so a kept token
     * that went stale is harmless, and keeping it keeps compose.yaml the same on every later run.
     */
    private void plex(ServiceDraft d) {
        if (secrets.typedOrPrevious(AnswersSecrets.PLEX_CLAIM, answers.media().plexClaim()) != null) {
            d.secretFile("FILE__PLEX_CLAIM", AnswersSecrets.PLEX_CLAIM);
        }
    }

    private void fail2ban(ServiceDraft d) {
        String config = answers.storage().configRoot();
        d.mounts.add(Mount.bind(config + "/npm/logs", "/remotelogs/npm", true));
        if (drafts.containsKey("authelia")) {
            d.mounts.add(Mount.bind(config + "/authelia", "/remotelogs/authelia", true));
        }
    }
}
