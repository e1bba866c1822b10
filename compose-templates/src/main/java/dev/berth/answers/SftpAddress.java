package dev.berth.answers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SFTP repository's address in either of restic's forms: {@code sftp:user@host:/path} or
 * {@code sftp://user@host[:port]//path} (a path after {@code //} is absolute, after one {@code /}
 * relative to the user's home).
 *
 * @param user the user on the SFTP server
 * @param host its name or address
 * @param port its SSH port
 * @param path the repository's folder there
 */
public record SftpAddress(String user, String host, int port, String path) {
    private static final Pattern SHORT = Pattern.compile("sftp:([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:]+]):(.+)");
    private static final Pattern URL = Pattern.compile("sftp://([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:]+])(?::([0-9]{1,5}))?/(.+)");

    /** The address, or empty when the text is in neither form (or names no user). */
    public static Optional<SftpAddress> read(String repository) {
        if (repository == null) {
            return Optional.empty();
        }
        String r = repository.strip();
        Matcher m = URL.matcher(r);
        if (m.matches()) {
            int port = m.group(3) == null ? 22 : Integer.parseInt(m.group(3));
            return port < 1 || port > 65535 ? Optional.empty() : Optional.of(new SftpAddress(m.group(1), m.group(2), port, m.group(4)));
        }
        m = SHORT.matcher(r);
        if (m.matches() && !r.startsWith("sftp://")) {
            return Optional.of(new SftpAddress(m.group(1), m.group(2), 22, m.group(3)));
        }
        return Optional.empty();
    }

    /** The address of a repository the answers' validation accepted. */
    public static SftpAddress parse(String repository) {
        return read(repository).orElseThrow(() -> new IllegalArgumentException(
                "not an SFTP repository: " + repository + " (use sftp:user@host:/path or sftp://user@host:port//path)"));
    }
}
