package app.landfall.admin;

import app.landfall.merchants.Merchants;
import java.time.ZoneId;

/** Who is signed in to the admin, for which merchant, and the CSRF token of their session. */
public record AdminUser(long merchantId, String merchantSlug, String merchantName, String timezone, long userId, String email,
        String name, Role role, String csrf) {

    public boolean can(Role needed) {
        return role.includes(needed);
    }

    /** For templates: owners see the team, integrations and the audit log. */
    public boolean isOwner() {
        return role == Role.OWNER;
    }

    /** The store's time zone, for showing times (UTC if the stored name is not one Java knows). */
    public ZoneId zone() {
        return Merchants.zone(timezone);
    }

    /** For templates: admins and owners change settings. */
    public boolean isAdmin() {
        return role.includes(Role.ADMIN);
    }
}
