package app.landfall.admin;

/**
 * The notice of one request's session: the one waiting to be shown, and the way to leave one for
 * the next page after a redirect. Notices live with the session on the server, never in the URL,
 * so nobody can put words in the admin's mouth with a crafted link.
 */
final class Flash {
    static final String ATTRIBUTE = "landfall.admin.flash";

    private final AdminSessions sessions;
    private final String sessionId;
    private String waiting;
    private final boolean problem;

    Flash(AdminSessions sessions, String sessionId, String waiting, boolean problem) {
        this.sessions = sessions;
        this.sessionId = sessionId;
        this.waiting = waiting;
        this.problem = problem;
    }

    void leave(String notice, boolean isProblem) {
        if (notice != null && !notice.isBlank()) {
            sessions.leaveFlash(sessionId, notice.strip(), isProblem);
        }
    }

    /** Whether the waiting notice says something went wrong (shown as an error, not a confirmation). */
    boolean problem() {
        return problem;
    }

    /** The waiting notice, once: the page that shows it clears it. */
    String take() {
        String shown = waiting;
        if (shown != null) {
            sessions.clearFlash(sessionId, shown);
            waiting = null;
        }
        return shown;
    }
}
