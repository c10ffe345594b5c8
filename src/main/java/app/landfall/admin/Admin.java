package app.landfall.admin;

import app.landfall.api.ApiKeys;
import app.landfall.hooks.WebhookSecrets;
import app.landfall.returns.ReturnActions;
import app.landfall.web.ClientAddress;
import app.landfall.web.RateLimiter;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntFunction;
import org.jooq.DSLContext;

/** The merchant admin's handlers, for {@code Routes}; everything behind them is package-private. */
public final class Admin {
    private final AdminAccess access;
    private final AdminSessions sessions;
    private final AdminSignIn signIn;
    private final AdminPasswords passwords;
    private final AdminHome home;
    private final ReturnsQueue returnsQueue;
    private final ReturnDetail returnDetail;
    private final ReturnProcessing returnProcessing;
    private final AuditLogPage auditLog;
    private final Integrations integrations;
    private final ShipmentsDesk shipments;
    private final Team team;
    private final BrandingEditor branding;
    private final ReturnSettings returnSettings;

    /**
     * {@code apiKeys} and {@code webhookSecrets} are the instances the API and the hooks use, so a key
     * revoked or a secret changed here applies on this server at once (elsewhere within 5 s).
     */
    public Admin(DSLContext dsl, Clock clock, boolean https, ClientAddress clientAddress, IntFunction<String> baseUrl, ApiKeys apiKeys,
            WebhookSecrets webhookSecrets, app.landfall.outbound.OutboundWebhooks outbound, app.landfall.orders.OrderWriter orderWriter,
            app.landfall.tracking.ShipmentWriter shipmentWriter) {
        this.sessions = new AdminSessions(dsl, clock);
        this.access = new AdminAccess(sessions, https);
        AuditTrail audit = new AuditTrail(clock);
        // five tries an email, then one every two minutes; an address gets more (a shop's staff share one)
        this.signIn = new AdminSignIn(dsl, sessions, access, audit, clientAddress,
                new RateLimiter(5, Duration.ofMinutes(2), clock, 100_000),
                new RateLimiter(30, Duration.ofSeconds(10), clock, 100_000), clock);
        this.passwords = new AdminPasswords(dsl, audit, clientAddress, new RateLimiter(5, Duration.ofMinutes(10), clock, 100_000),
                baseUrl, clock);
        this.home = new AdminHome(dsl, clock);
        this.returnsQueue = new ReturnsQueue(dsl);
        this.returnDetail = new ReturnDetail(dsl);
        this.returnProcessing = new ReturnProcessing(new ReturnActions(dsl, clock), audit, clientAddress);
        this.auditLog = new AuditLogPage(dsl);
        this.shipments = new ShipmentsDesk(dsl, clock);
        this.branding = new BrandingEditor(dsl, audit, clientAddress);
        this.returnSettings = new ReturnSettings(dsl, audit, clientAddress);
        this.team = new Team(dsl, sessions, access, audit, clientAddress, baseUrl, clock);
        this.integrations = new Integrations(apiKeys, webhookSecrets, clientAddress, baseUrl,
                new OutboundEndpoints(dsl, outbound, audit), new CsvImport(dsl, orderWriter, shipmentWriter, audit, clientAddress));
    }

    public void guard(Context ctx) {
        access.guard(ctx);
    }

    public void showSignIn(Context ctx) {
        signIn.showForm(ctx);
    }

    public void signIn(Context ctx) {
        signIn.signIn(ctx);
    }

    public void signOut(Context ctx) {
        signIn.signOut(ctx);
    }

    public void showForgotPassword(Context ctx) {
        passwords.showForgot(ctx);
    }

    public void sendPasswordLink(Context ctx) {
        passwords.sendLink(ctx);
    }

    public void showPasswordReset(Context ctx) {
        passwords.showReset(ctx);
    }

    public void resetPassword(Context ctx) {
        passwords.reset(ctx);
    }

    public void showOverview(Context ctx) {
        home.show(ctx);
    }

    public void showReturns(Context ctx) {
        returnsQueue.show(ctx);
    }

    public void showReturn(Context ctx) {
        returnDetail.show(ctx);
    }

    public void showReturnPhoto(Context ctx) {
        returnDetail.photo(ctx);
    }

    public void approveReturn(Context ctx) {
        returnProcessing.approve(ctx);
    }

    public void rejectReturn(Context ctx) {
        returnProcessing.reject(ctx);
    }

    public void receiveReturn(Context ctx) {
        returnProcessing.receive(ctx);
    }

    public void resolveReturn(Context ctx) {
        returnProcessing.resolve(ctx);
    }

    public void processReturns(Context ctx) {
        returnProcessing.bulk(ctx);
    }

    public void showAuditLog(Context ctx) {
        auditLog.show(ctx);
    }

    public void showIntegrations(Context ctx) {
        integrations.show(ctx);
    }

    public void createApiKey(Context ctx) {
        integrations.createKey(ctx);
    }

    public void revokeApiKey(Context ctx) {
        integrations.revokeKey(ctx);
    }

    public void importCsv(Context ctx) {
        integrations.importCsv(ctx);
    }

    public void addWebhookEndpoint(Context ctx) {
        integrations.addEndpoint(ctx);
    }

    public void testWebhookEndpoint(Context ctx) {
        integrations.testEndpoint(ctx);
    }

    public void removeWebhookEndpoint(Context ctx) {
        integrations.removeEndpoint(ctx);
    }

    public void setWebhookSecret(Context ctx) {
        integrations.setSecret(ctx);
    }

    public void showShipments(Context ctx) {
        shipments.list(ctx);
    }

    public void showShipment(Context ctx) {
        shipments.show(ctx);
    }

    public void showTeam(Context ctx) {
        team.show(ctx);
    }

    public void invite(Context ctx) {
        team.invite(ctx);
    }

    public void changeRole(Context ctx) {
        team.changeRole(ctx);
    }

    public void removeFromTeam(Context ctx) {
        team.remove(ctx);
    }

    public void showInvitation(Context ctx) {
        team.showInvitation(ctx);
    }

    public void acceptInvitation(Context ctx) {
        team.accept(ctx);
    }

    public void showBranding(Context ctx) {
        branding.show(ctx);
    }

    public void previewBranding(Context ctx) {
        branding.preview(ctx);
    }

    public void brandingPreviewCss(Context ctx) {
        branding.previewCss(ctx);
    }

    public void saveBranding(Context ctx) {
        branding.save(ctx);
    }

    public void saveMarketing(Context ctx) {
        branding.saveMarketing(ctx);
    }

    public void uploadLogo(Context ctx) {
        branding.uploadLogo(ctx);
    }

    public void undoBranding(Context ctx) {
        branding.undo(ctx);
    }

    public void showReturnSettings(Context ctx) {
        returnSettings.show(ctx);
    }

    public void saveReturnPolicy(Context ctx) {
        returnSettings.savePolicy(ctx);
    }

    public void addWindowOverride(Context ctx) {
        returnSettings.addOverride(ctx);
    }

    public void removeWindowOverride(Context ctx) {
        returnSettings.removeOverride(ctx);
    }

    public void addStoreLocation(Context ctx) {
        returnSettings.addLocation(ctx);
    }

    public void setStoreLocationVisibility(Context ctx) {
        returnSettings.setLocationVisibility(ctx);
    }

    public void saveReturnMethods(Context ctx) {
        returnSettings.saveMethods(ctx);
    }

    public void addReturnReason(Context ctx) {
        returnSettings.addReason(ctx);
    }

    public void updateReturnReason(Context ctx) {
        returnSettings.updateReason(ctx);
    }

    public void moveReturnReason(Context ctx) {
        returnSettings.moveReason(ctx);
    }

    /** Deletes expired sessions (a background job). */
    public int purgeSessions() {
        return sessions.purge();
    }
}
