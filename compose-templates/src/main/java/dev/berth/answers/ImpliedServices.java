package dev.berth.answers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Services that answers outside the Apps screen switch on (the VPN, access and monitoring
 * screens), each with the reason a person is shown.
 */
public final class ImpliedServices {
    private ImpliedServices() {
    }

    /** Service id to the reason it runs, in a stable order. */
    public static Map<String, String> of(Answers answers) {
        Map<String, String> implied = new LinkedHashMap<>();
        if (answers.vpn().enabled()) {
            implied.put("gluetun", "you chose to send downloads through a VPN");
        }
        AccessAnswers access = answers.access();
        if (access.proxyEnabled()) {
            implied.put("npm", "you chose to reach your apps under " + access.domain());
        }
        if (access.authelia().enabled()) {
            implied.put("authelia", "you chose sign-in protection (Authelia)");
        }
        if (access.fail2ban()) {
            implied.put("fail2ban", "you chose to ban repeated failed sign-ins (Fail2Ban)");
        }
        MonitoringAnswers m = answers.monitoring();
        if (m.prometheus()) {
            String why = "you chose monitoring with Prometheus and Grafana";
            implied.put("prometheus", why);
            implied.put("grafana", why);
            implied.put("node-exporter", why);
            implied.put("cadvisor", why);
        }
        if (m.tautulli()) {
            implied.put("tautulli", "you chose Plex statistics (Tautulli)");
        }
        if (m.uptimeKuma()) {
            implied.put("uptime-kuma", "you chose uptime checks (Uptime Kuma)");
        }
        if (m.homepage()) {
            implied.put("homepage", "you chose a start page (Homepage)");
        }
        if (m.watchtower() != MonitoringAnswers.Watchtower.OFF) {
            implied.put("watchtower", "you chose to be told about new images (Watchtower)");
        }
        BackupAnswers backup = answers.backup();
        if (backup.enabled() && backup.scheduler() == BackupAnswers.Scheduler.CONTAINER) {
            implied.put("backup", "you chose nightly backups, and this server gets no systemd timer for them");
        }
        return implied;
    }

    /**
     * Services that are set up by another part of the answers and must not be listed in
     * {@code services} on their own: service id to the answer that switches it on.
     */
    public static final Map<String, String> CONTROLLED = Map.of(
            "gluetun", "vpn.enabled: true (with the VPN details)",
            "npm", "access.mode: domain (with access.domain and access.npm)",
            "authelia", "access.authelia.enabled: true (with its users)",
            "fail2ban", "access.fail2ban: true",
            "backup", "backup.enabled: true (the schedule runs in it where there is no systemd timer)");

    /** Whether a service is chosen on the Apps screen or switched on by another answer. */
    public static boolean chosen(Answers answers, String id) {
        return answers.services().contains(id) || of(answers).containsKey(id);
    }
}
