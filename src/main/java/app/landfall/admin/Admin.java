package app.landfall.admin;

import app.landfall.ops.BackgroundJobs;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;

/**
 * What is admin-wide: the door to every merchant page ({@link AdminAccess}: sessions, roles, CSRF)
 * and the overview. Each feature's own admin screens live in that feature's package.
 */
public final class Admin {
    private final AdminSessions sessions;
    private final PreSessions preSessions;
    private final AdminAccess access;
    private final AdminHome overview;

    /** {@code sections}: what the overview shows, in order, from the features that own the data. */
    public Admin(DSLContext dsl, Clock clock, boolean https, List<OverviewSection> sections) {
        this.sessions = new AdminSessions(dsl, clock);
        this.preSessions = new PreSessions(dsl, clock);
        this.access = new AdminAccess(sessions, preSessions, https);
        this.overview = new AdminHome(sections, clock);
    }

    public AdminAccess access() {
        return access;
    }

    public AdminHome overview() {
        return overview;
    }

    public void schedule(BackgroundJobs jobs) {
        jobs.schedule("admin sessions past their timeouts purged", Duration.ofMinutes(2), Duration.ofMinutes(30), sessions::purge);
        jobs.schedule("admin pre-sessions past their two hours purged", Duration.ofMinutes(3), Duration.ofMinutes(30), preSessions::purge);
    }
}
