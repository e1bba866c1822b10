package dev.berth.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A person who may sign in through Authelia.
 *
 * @param password optional; generated when absent. A secret: never written to berth.yaml
 * @param admin    member of the {@code admins} group
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"username", "displayName", "email", "admin", "password"})
public record AutheliaUser(
        @NotNull(message = "is required")
        @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,31}", message = "must be 1-32 lower-case letters, digits, '.', '_' or '-'")
        String username,
        @NotNull(message = "is required") @Size(min = 1, max = 64, message = "must be 1 to 64 characters") @SingleLine String displayName,
        @NotNull(message = "is required") @Email(message = "is not an e-mail address") @SingleLine @Size(max = 254) String email,
        boolean admin,
        @Password String password) {
}
