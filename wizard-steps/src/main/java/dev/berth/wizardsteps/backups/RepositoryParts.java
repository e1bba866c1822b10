package dev.berth.wizardsteps.backups;

import dev.berth.answers.BackupAnswers.RepositoryKind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A restic repository as the Backups page asks for it, in parts, and the notation restic reads
 * ({@code BackupAnswers.repository}). Parsing what {@link #notation()} made gives the same parts
 * back, so a stack's answers fill the page's fields on a re-run.
 *
 * @param kind       which of the four kinds
 * @param folder     a folder or disk on the server: {@code /mnt/backup/berth}
 * @param sftpUser   the SFTP server's user
 * @param sftpHost   the SFTP server
 * @param sftpPort   its port as typed; empty means 22 (and restic's short form)
 * @param sftpPath   the folder on the SFTP server
 * @param s3Endpoint the S3-compatible service's address: {@code https://s3.eu-central-003.backblazeb2.com}
 * @param s3Bucket   the bucket, optionally with a folder in it: {@code media-backups/berth}
 * @param restUrl    the rest-server's address: {@code https://backup.lan:8000/berth}
 */
public record RepositoryParts(RepositoryKind kind, String folder, String sftpUser, String sftpHost, String sftpPort,
                              String sftpPath, String s3Endpoint, String s3Bucket, String restUrl) {
    /** {@code sftp:user@host:/path}, restic's short form (port 22). */
    private static final Pattern SFTP_SHORT = Pattern.compile("sftp:(?:([^@/]*)@)?([^:/]*):(.*)");
    /** {@code sftp://user@host:2222//path}: restic's URL form, the one that carries a port. */
    private static final Pattern SFTP_URL = Pattern.compile("sftp://(?:([^@/]*)@)?(\\[[^]]*]|[^:/]*)(?::([^/]*))?/(.*)");
    /** {@code https://host:8000}: an address without a path. */
    private static final Pattern SERVER_ONLY = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/]+");
    /** {@code s3:https://host[:port]/bucket/path}. */
    private static final Pattern S3_URL = Pattern.compile("s3:(https?://[^/]*)/?(.*)", Pattern.CASE_INSENSITIVE);

    public RepositoryParts {
        folder = text(folder);
        sftpUser = text(sftpUser);
        sftpHost = text(sftpHost);
        sftpPort = text(sftpPort);
        sftpPath = text(sftpPath);
        s3Endpoint = text(s3Endpoint);
        s3Bucket = text(s3Bucket);
        restUrl = text(restUrl);
    }

    /**
     * restic's notation for the parts of the chosen kind; null when they are all empty (no
     * repository named yet).
     */
    public String notation() {
        return switch (kind) {
            case LOCAL -> folder.isEmpty() ? null : folder;
            case SFTP -> sftpUser.isEmpty() && sftpHost.isEmpty() && sftpPath.isEmpty() && sftpPort.isEmpty() ? null
                    // restic reads a port only in its URL form, where the path follows one more slash.
                    : sftpPort.isEmpty()
                    ? "sftp:" + userAt() + sftpHost + ":" + sftpPath
                    : "sftp://" + userAt() + sftpHost + ":" + sftpPort + "/" + sftpPath;
            case S3 -> s3Endpoint.isEmpty() && s3Bucket.isEmpty() ? null
                    : "s3:" + stripEnd(s3Endpoint, "/") + "/" + stripStart(s3Bucket, "/");
            // restic's rest: form ends the server's address with a slash when no path follows.
            case REST -> restUrl.isEmpty() ? null : "rest:" + restUrl + (SERVER_ONLY.matcher(restUrl).matches() ? "/" : "");
        };
    }

    /**
     * The parts of a repository in restic's notation; a repository Berth does not know (or none)
     * gives a folder on the server with the text as it is, so nothing typed is lost.
     */
    public static RepositoryParts parse(String repository) {
        String r = text(repository);
        RepositoryKind kind = RepositoryKind.of(r).orElse(RepositoryKind.LOCAL);
        String lower = r.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case LOCAL -> new RepositoryParts(kind, r, "", "", "", "", "", "", "");
            case SFTP -> {
                Matcher url = SFTP_URL.matcher(r);
                if (lower.startsWith("sftp://") && url.matches()) {
                    yield new RepositoryParts(kind, "", url.group(1), url.group(2), url.group(3), url.group(4), "", "", "");
                }
                Matcher shortForm = SFTP_SHORT.matcher(r);
                yield shortForm.matches()
                        ? new RepositoryParts(kind, "", shortForm.group(1), shortForm.group(2), "", shortForm.group(3), "", "", "")
                        : new RepositoryParts(kind, "", "", "", "", r.substring("sftp:".length()), "", "", "");
            }
            case S3 -> {
                Matcher url = S3_URL.matcher(r);
                if (url.matches()) {
                    yield new RepositoryParts(kind, "", "", "", "", "", url.group(1), url.group(2), "");
                }
                // s3:host/bucket/path: restic's short form, HTTPS to that host.
                String rest = r.substring("s3:".length());
                int slash = rest.indexOf('/');
                yield slash < 0 ? new RepositoryParts(kind, "", "", "", "", "", rest, "", "")
                        : new RepositoryParts(kind, "", "", "", "", "", rest.substring(0, slash), rest.substring(slash + 1), "");
            }
            case REST -> new RepositoryParts(kind, "", "", "", "", "", "", "", r.substring("rest:".length()));
        };
    }

    private String userAt() {
        return sftpUser.isEmpty() ? "" : sftpUser + "@";
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static String stripEnd(String s, String c) {
        String out = s;
        while (out.endsWith(c)) {
            out = out.substring(0, out.length() - c.length());
        }
        return out;
    }

    private static String stripStart(String s, String c) {
        String out = s;
        while (out.startsWith(c)) {
            out = out.substring(c.length());
        }
        return out;
    }
}
