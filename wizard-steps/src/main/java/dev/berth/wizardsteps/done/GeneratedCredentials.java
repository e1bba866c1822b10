package dev.berth.wizardsteps.done;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.AutheliaUser;
import dev.berth.catalog.DownloadClientSpec;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.plan.PlannedService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials a deploy generated, from its plan: sign-ins (Grafana's admin, the download
 * clients' web sign-ins as their catalog files name them, Nginx Proxy Manager's admin, Authelia's
 * users) and the *arr apps' API keys. Left out: what the person typed (they know it), what the
 * stack had before (it was shown then), and what no person uses (hashes, Authelia's own keys).
 */
final class GeneratedCredentials {
    private static final String API_KEY = "_api_key";
    /** Generated sign-ins with a fixed user: the secret's name, what it opens, the user (as their catalog files set them). */
    private static final Map<String, String[]> SIGN_INS = Map.of(
            "grafana_admin_password", new String[] {"Grafana", "admin"});

    private GeneratedCredentials() {
    }

    static List<Credential> of(DeployPreview preview) {
        Answers answers = preview.plan().answers();
        Map<String, String> before = preview.before().secrets();
        List<Credential> out = new ArrayList<>();
        preview.plan().secrets().forEach((name, value) -> {
            if (!before.containsKey(name)) {
                describe(name, answers, preview).ifPresent(who -> out.add(new Credential(who[0], who[1], value,
                        preview.stackDir() + "/secrets/" + name)));
            }
        });
        return out;
    }

    /** The label and user of a secret a person signs in with, or empty for the others. */
    private static Optional<String[]> describe(String name, Answers answers, DeployPreview preview) {
        AccessAnswers access = answers.access();
        if (SIGN_INS.containsKey(name)) {
            return Optional.of(SIGN_INS.get(name));
        }
        // A download client's web sign-in, as its catalog file names it (downloadClient.username and passwordSecret).
        for (PlannedService s : preview.plan().services()) {
            DownloadClientSpec client = s.definition().downloadClient();
            if (client != null && name.equals(client.passwordSecret())) {
                return Optional.of(new String[] {s.definition().name(), client.username()});
            }
        }
        if (name.equals("npm_admin_password") && access.npm() != null && access.npm().adminPassword() == null) {
            return Optional.of(new String[] {"Nginx Proxy Manager", access.npm().adminEmail()});
        }
        for (AutheliaUser u : access.authelia().users()) {
            if (name.equals("authelia_user_" + u.username() + "_password") && u.password() == null) {
                return Optional.of(new String[] {"Authelia sign-in", u.username()});
            }
        }
        boolean keptFromTheApp = preview.plan().services().stream().anyMatch(s -> s.definition().setup() != null
                && s.definition().apiKey().map(k -> k.secret().equals(name)).orElse(false));
        if (keptFromTheApp) {
            // Jellyfin, Seerr and Bazarr make their own key; Berth keeps it after setting them up, so the plan's is not it.
            return Optional.empty();
        }
        if (name.endsWith(API_KEY)) {
            String app = name.substring(0, name.length() - API_KEY.length());
            String label = preview.plan().services().stream().filter(s -> s.definition().id().equals(app)).findFirst()
                    .map(PlannedService::definition).map(d -> d.name()).orElse(app);
            return Optional.of(new String[] {label + " API key", ""});
        }
        return Optional.empty();
    }
}
