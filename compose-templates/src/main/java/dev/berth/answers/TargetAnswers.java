package dev.berth.answers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The machine the stack runs on: this computer, or a server reached over SSH.
 * A password is never stored here; keys are referenced by file (a path on the computer
 * running Berth, so {@code ~/.ssh/id_ed25519} or a Windows path is fine).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetAnswers(
        @NotNull(message = "choose 'local' or 'ssh'") Kind kind,
        @HostName String host,
        @Min(value = 1, message = "must be between 1 and 65535") @Max(value = 65535, message = "must be between 1 and 65535") Integer port,
        @Pattern(regexp = "[a-z_][a-z0-9_-]{0,31}\\$?", message = "is not a valid Linux user name (lower-case letters, digits, '_' or '-')") String user,
        @SingleLine @jakarta.validation.constraints.Size(max = 4096, message = "is too long") String keyFile) {

    public static final TargetAnswers LOCAL = new TargetAnswers(Kind.LOCAL, null, null, null, null);

    public enum Kind {
        LOCAL, SSH;

        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Kind fromKey(String key) {
            return Enums.parse(Kind.class, key);
        }
    }

    @JsonIgnore
    @AssertTrue(message = "an SSH target needs a host and a user")
    public boolean isSshComplete() {
        return kind != Kind.SSH || (host != null && !host.isBlank() && user != null && !user.isBlank());
    }

    public int portOrDefault() {
        return port == null ? 22 : port;
    }
}
