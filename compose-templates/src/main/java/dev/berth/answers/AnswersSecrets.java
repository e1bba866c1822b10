package dev.berth.answers;

import java.util.List;

/**
 * The parts of the answers that are secrets (typed passwords, VPN keys, the SMTP password, Plex's claim token, the backup bucket's
 * secret key). They go to the
 * stack's {@code secrets/} folder, never into {@code berth.yaml}.
 */
public final class AnswersSecrets {
    /** The file under {@code secrets/} that keeps Plex's claim token ({@code media.plexClaim}). */
    public static final String PLEX_CLAIM = "plex_claim";

    private AnswersSecrets() {
    }

    /** The same answers with every secret left out, for writing {@code berth.yaml}. */
    public static Answers strip(Answers a) {
        VpnAnswers vpn = a.vpn();
        VpnAnswers.WireGuard wg = vpn.wireguard() == null ? null
                : new VpnAnswers.WireGuard(null, vpn.wireguard().addresses(), null);
        VpnAnswers strippedVpn = new VpnAnswers(vpn.enabled(), vpn.provider(), vpn.type(), wg, null,
                vpn.countries(), vpn.routedServices(), vpn.lanSubnet(), vpn.portForwarding());
        AccessAnswers access = a.access();
        AccessAnswers.Npm npm = access.npm() == null ? null : new AccessAnswers.Npm(access.npm().adminEmail(), null);
        List<AutheliaUser> users = access.authelia().users().stream()
                .map(u -> new AutheliaUser(u.username(), u.displayName(), u.email(), u.admin(), null))
                .toList();
        AccessAnswers.Authelia authelia = new AccessAnswers.Authelia(access.authelia().enabled(),
                access.authelia().policy(), users, access.authelia().protectedServices(),
                access.authelia().smtp() == null ? null : access.authelia().smtp().withoutPassword());
        AccessAnswers strippedAccess = new AccessAnswers(access.mode(), access.domain(), access.letsEncrypt(), npm,
                authelia, access.fail2ban());
        return a.withVpn(strippedVpn).withAccess(strippedAccess).withMedia(a.media().withoutSecrets())
                .withBackup(a.backup().withoutSecrets());
    }
}
