package dev.berth.wizardsteps.core;

import dev.berth.answers.RuleId;

/** Rules a wizard page checks beyond the answers validator, on what the person types. */
public enum PageRule implements RuleId {
    /** Typed text that must be a whole number (an id, a port) is not one. */
    NOT_A_NUMBER,
    /** A VPN provider Gluetun cannot be set up for by Berth yet. */
    VPN_PROVIDER_UNSUPPORTED,
    /** OpenVPN chosen for a provider Gluetun reaches only with WireGuard. */
    OPENVPN_UNSUPPORTED,
    /**
     * The OpenVPN user name lacks what the provider needs to forward a port ({@code +pmp} for
     * ProtonVPN, from the gateway's catalog entry) while port forwarding is on.
     */
    PORT_FORWARDING_USER_SUFFIX,
    /** The sign-in page is on but protects no app. */
    NOTHING_PROTECTED,
    /** A part of the backup repository the Backups page asks for on its own (the SFTP server, the bucket) is empty. */
    BACKUP_REPOSITORY_PART
}
