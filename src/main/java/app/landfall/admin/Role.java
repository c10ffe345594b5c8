package app.landfall.admin;

import java.util.Arrays;

/**
 * What a team member may do. Owners do everything (the team, integrations); admins change settings
 * and process returns; support reads everything and processes returns.
 */
public enum Role {
    SUPPORT("support", "Support"),
    ADMIN("admin", "Admin"),
    OWNER("owner", "Owner");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Whether this role may do what {@code needed} may (roles are ordered: each includes the ones below). */
    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    public static Role of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + code));
    }

    public static java.util.Optional<Role> parse(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
