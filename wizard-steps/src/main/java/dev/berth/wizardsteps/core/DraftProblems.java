package dev.berth.wizardsteps.core;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.AnswerRule;
import dev.berth.answers.Answers;
import dev.berth.answers.AnswersValidator;
import dev.berth.answers.MediaAnswers;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.Problem;
import dev.berth.answers.StorageAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.answers.VpnAnswers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validator's problems with one part of the draft ({@code vpn}, {@code access}, ...).
 *
 * <p>The validator applies the catalog's rules (routed services must be chosen apps, Tautulli
 * needs Plex, ...) only once every field of the draft is good. A person who goes back and leaves
 * another page half-done would then see this page as finished while its own catalog rules fail.
 * So when other parts have problems, the part is checked once more in a draft where those other
 * parts are set to neutral values (the VPN off, home-network access, a stand-in storage).
 */
public final class DraftProblems {
    /** Stands in for missing or wrong storage, only so the catalog rules of other parts can run. */
    private static final StorageAnswers STAND_IN_STORAGE = new StorageAnswers("/opt/berth", "/srv/media",
            "/opt/berth/config", 1000, 1000, "UTC", false);
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9-]{0,30}");

    private final AnswersValidator validator;

    public DraftProblems(AnswersValidator validator) {
        this.validator = validator;
    }

    /** The problems of one part, the catalog's rules included even while other parts are unfinished. */
    public List<Problem> of(String part, Answers draft) {
        List<Problem> all = validator.validate(draft);
        Set<Problem> mine = new LinkedHashSet<>();
        Set<String> faulty = new HashSet<>();
        for (Problem p : all) {
            if (concerns(part, p)) {
                mine.add(p);
            } else {
                faulty.add(partOf(p));
            }
        }
        if (!faulty.isEmpty()) {
            for (Problem p : validator.validate(neutral(draft, faulty))) {
                if (concerns(part, p)) {
                    mine.add(p);
                }
            }
        }
        return List.copyOf(mine);
    }

    /** Whether a problem is about this part of the answers. */
    public static boolean concerns(String part, Problem p) {
        String f = p.field();
        if (f.isEmpty()) {
            // A rule on the whole answers, reported with an empty path, that belongs to the access part.
            return part.equals("access") && p.rule() == AnswerRule.AUTHELIA_HAS_DOMAIN;
        }
        return f.equals(part) || f.startsWith(part + ".") || f.startsWith(part + "[");
    }

    /** {@code vpn.countries[2]} → {@code vpn.countries}: list elements reported on their list. */
    public static String withoutIndexes(String field) {
        return field.replaceAll("\\[\\d+]", "");
    }

    /**
     * The element index in a path under a list, e.g. 2 for {@code access.authelia.users[2].email}
     * and list {@code access.authelia.users}; -1 when the path is not under that list.
     */
    public static int index(String field, String list) {
        Matcher m = Pattern.compile(Pattern.quote(list) + "\\[(\\d+)](\\..*)?").matcher(field);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String partOf(Problem p) {
        String f = p.field();
        if (f.isEmpty()) {
            return "";
        }
        int end = f.length();
        for (char c : new char[] {'.', '['}) {
            int i = f.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return f.substring(0, end);
    }

    private static Answers neutral(Answers a, Set<String> faulty) {
        boolean root = faulty.contains("");
        List<String> services = faulty.contains("services") && a.services() != null
                ? a.services().stream().filter(id -> id != null && SERVICE_ID.matcher(id).matches()).toList()
                : a.services();
        return new Answers(Answers.SCHEMA_VERSION,
                faulty.contains("projectName") ? "berth" : a.projectName(),
                faulty.contains("target") ? TargetAnswers.LOCAL : a.target(),
                faulty.contains("storage") ? STAND_IN_STORAGE : a.storage(),
                services == null ? List.of() : new ArrayList<>(services),
                faulty.contains("vpn") ? VpnAnswers.OFF : a.vpn(),
                faulty.contains("access") || root ? AccessAnswers.LAN_ONLY : a.access(),
                faulty.contains("monitoring") ? MonitoringAnswers.NONE : a.monitoring(),
                faulty.contains("media") ? MediaAnswers.DEFAULTS : a.media(),
                faulty.contains("portOverrides") || root ? Map.of() : a.portOverrides(),
                faulty.contains("backup") ? dev.berth.answers.BackupAnswers.OFF : a.backup());
    }
}
