package app.landfall.admin;

import java.util.Map;

/** {@link AdminClient} for tests outside the admin package. */
public final class AdminClientAccess {
    private final AdminClient client;

    public AdminClientAccess(String base) {
        this.client = new AdminClient(base);
    }

    public int signIn(String email, String password) {
        return client.signIn(email, password).statusCode();
    }

    /** Adds an outbound webhook endpoint; returns the page (with the secret shown once). */
    public String addEndpoint(String url) {
        return client.submit("/admin/integrations", "/admin/integrations/endpoints", Map.of("url", url)).body();
    }

    public String integrationsPage() {
        return client.get("/admin/integrations").body();
    }
}
