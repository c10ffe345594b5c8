package app.landfall;

import app.landfall.accounts.Accounts;
import app.landfall.accounts.UserCommand;
import app.landfall.admin.Admin;
import app.landfall.analytics.Engagement;
import app.landfall.api.Api;
import app.landfall.api.ApiKeyCommand;
import app.landfall.audit.Audit;
import app.landfall.auth.SignedLinks;
import app.landfall.bench.BenchmarkData;
import app.landfall.branding.Branding;
import app.landfall.branding.ErrorLook;
import app.landfall.config.Config;
import app.landfall.config.ConfigException;
import app.landfall.db.Database;
import app.landfall.demo.DemoCredentials;
import app.landfall.demo.DemoData;
import app.landfall.demo.DemoLinks;
import app.landfall.home.HomePage;
import app.landfall.hooks.Hooks;
import app.landfall.hooks.WebhookCommand;
import app.landfall.images.RemoteImages;
import app.landfall.lookup.ShopperLookup;
import app.landfall.merchants.Merchants;
import app.landfall.ops.BackgroundJobs;
import app.landfall.ops.HealthCheck;
import app.landfall.orders.OrderWriter;
import app.landfall.notifications.Notifications;
import app.landfall.notifications.Outbox;
import app.landfall.notifications.ShipmentNotices;
import app.landfall.outbound.Outbound;
import app.landfall.postage.Postage;
import app.landfall.returns.Returns;
import app.landfall.tracking.Tracking;
import app.landfall.web.Assets;
import app.landfall.web.RequestLog;
import app.landfall.web.Templates;
import app.landfall.web.WebServer;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start-up: configuration, then the database, then the features, then the web server. */
public final class Landfall implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Landfall.class);

    private final Config config;
    private final Database database;
    private final Javalin web;
    private final BackgroundJobs jobs;
    private final Engagement engagement;
    private final Tracking tracking;
    private final RequestLog requestLog;
    private final Notifications notifications;

    private Landfall(Config config, Database database, Javalin web, BackgroundJobs jobs, Engagement engagement,
            Tracking tracking, RequestLog requestLog, Notifications notifications) {
        this.notifications = notifications;
        this.engagement = engagement;
        this.requestLog = requestLog;
        this.tracking = tracking;
        this.config = config;
        this.database = database;
        this.web = web;
        this.jobs = jobs;
    }

    public static void main(String[] args) {
        try {
            if (args.length > 0 && args[0].equals("generate-data")) {
                BenchmarkData.run(Config.fromEnvironment(), Arrays.copyOfRange(args, 1, args.length));
                return;
            }
            if (args.length > 0 && args[0].equals("user")) {
                UserCommand.run(Config.fromEnvironment(), Arrays.copyOfRange(args, 1, args.length));
                return;
            }
            if (args.length > 0 && args[0].equals("api-key")) {
                ApiKeyCommand.run(Config.fromEnvironment(), Arrays.copyOfRange(args, 1, args.length));
                return;
            }
            if (args.length > 0 && args[0].equals("webhooks")) {
                WebhookCommand.run(Config.fromEnvironment(), Arrays.copyOfRange(args, 1, args.length), (dsl, clock) ->
                        Tracking.ingestion(dsl, clock, Returns.parcelListener(new Outbox()), new ShipmentNotices(new Outbox())));
                return;
            }
            if (args.length > 0 && !args[0].equals("serve")) {
                System.err.println("usage: java -jar landfall.jar [serve | generate-data --help"
                        + " | user create --merchant <slug> --email <email> | api-key create --merchant <slug> | webhooks (secret | replay) --merchant <slug> ...]");
                System.exit(64);
            }
            Landfall landfall = start(Config.fromEnvironment());
            Runtime.getRuntime().addShutdownHook(new Thread(landfall::close, "landfall-shutdown"));
            landfall.printWelcome(System.out);
        } catch (ConfigException e) {
            System.err.println("landfall: " + e.getMessage());
            System.exit(2);
        }
    }

    public static Landfall start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /** With the clock every feature reads the time from (a test's, to cross an expiry without waiting). */
    public static Landfall start(Config config, Clock clock) {
        Database database = Database.start(config);
        try {
            DSLContext dsl = database.dsl();
            if (config.demo()) {
                DemoData.seedIfEmpty(dsl, clock);
                DemoCredentials.ensure(dsl);
            }
            boolean https = config.baseUrl().map(url -> url.startsWith("https:")).orElse(false);
            IntFunction<String> baseUrl = config::baseUrl;
            Assets assets = new Assets();
            // Built before the features whose pages list their messages, and so before the server listens:
            // links in messages and link previews name the server's port, read through this holder when a page is rendered.
            AtomicReference<Javalin> server = new AtomicReference<>();
            Templates templates = new Templates(assets,
                    () -> server.get() == null ? config.baseUrl().orElse("") : config.baseUrl(server.get().port()));
            RemoteImages images = RemoteImages.load(dsl, clock, config.imagesFromAnyHost());
            Merchants merchants = new Merchants(dsl, clock);
            SignedLinks links = SignedLinks.load(dsl, clock);
            Engagement engagement = new Engagement(dsl, clock);
            OrderWriter orderWriter = new OrderWriter(clock);

            Outbox outbox = new Outbox();
            Audit audit = new Audit(dsl, clock);
            Branding branding = new Branding(dsl, images::src, templates, audit.trail(), config.clientAddress());
            Notifications notifications = new Notifications(dsl, clock, outbox, templates, config.mail(), config.twilio(),
                    () -> config.baseUrl(server.get().port()), baseUrl, audit.trail(), config.clientAddress(), links, branding.pages(), merchants,
                    config.secretKey());
            ShopperLookup lookup = new ShopperLookup(database.lookups(), merchants, branding.pages(), config.clientAddress(), clock);
            Tracking tracking = new Tracking(dsl, database.lookups(), clock, config.tuning().pageCacheBytes(), images::src, merchants,
                    branding, templates, engagement, links, lookup, Returns.parcelListener(outbox), Returns.deadline(dsl, clock),
                    new ShipmentNotices(outbox), (merchantId, shipmentId, zone) -> notifications.messagesForShipment(merchantId, shipmentId, zone)
                            .stream().map(m -> new Tracking.ParcelMessage(m.id(), m.when(), m.channel(), m.title(), m.status(), m.tone()))
                            .toList(), notifications.signups(), config.clientAddress());
            Postage postage = new Postage(dsl, clock, config.easyPost(), config.secretKey());
            Returns returns = new Returns(dsl, clock, config.tuning(), images::src, merchants, branding, templates, tracking, lookup, links,
                    audit.trail(), config.clientAddress(), outbox, notifications, baseUrl, postage);
            Admin admin = new Admin(dsl, clock, https, List.of(returns.overview(), tracking.overview(), notifications.overview()));
            Accounts accounts = new Accounts(dsl, clock, outbox, admin.access(), audit.trail(), config.clientAddress(), baseUrl);
            Hooks hooks = new Hooks(dsl, clock, orderWriter, tracking.shipments());
            Outbound outbound = new Outbound(dsl, clock, config.webhooksToAnyHost(), audit.trail(), outbox);
            Api api = new Api(dsl, clock, baseUrl, orderWriter, tracking, hooks, outbound, audit.trail(), config.clientAddress(),
                    returns.parcelPapers(), postage, returns::returnAddress);

            RequestLog requestLog = new RequestLog();
            Routes.Features features = new Routes.Features(new HomePage(() -> DemoLinks.find(dsl, "")), new HealthCheck(database),
                    assets, images, branding, tracking, returns, admin, accounts, audit, api, hooks, notifications);
            Javalin web = WebServer.create(https, templates, requestLog, new ErrorLook(merchants, branding.brands()),
                    routes -> Routes.register(routes, features));
            server.set(web);
            web.start(config.port());
            BackgroundJobs jobs = (config.backgroundJobs() ? new BackgroundJobs() : BackgroundJobs.none())
                    .schedule("engagement counts written", Duration.ofSeconds(5), Duration.ofSeconds(5), engagement::flush)
                    .schedule("images not shown for 30 days purged", Duration.ofMinutes(15), Duration.ofHours(6),
                            () -> images.purge(Duration.ofDays(30)));
            tracking.schedule(jobs);
            returns.schedule(jobs);
            admin.schedule(jobs);
            hooks.schedule(jobs);
            outbound.schedule(jobs);
            api.schedule(jobs);
            notifications.schedule(jobs);
            return new Landfall(config, database, web, jobs, engagement, tracking, requestLog, notifications);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return web.port();
    }

    public String baseUrl() {
        return config.baseUrl(web.port());
    }

    public Database database() {
        return database;
    }

    public Notifications notifications() {
        return notifications;
    }

    void printWelcome(PrintStream out) {
        String url = baseUrl();
        out.println("Landfall is running: " + url);
        out.println("Database: " + database.description());
        out.println("Health: " + url + "/health");
        out.println("Email: " + config.mail().server().map(server -> "sent through " + server.describe())
                .orElse("kept, not sent (set LANDFALL_SMTP_URL to send)"));
        out.println("Texts: " + (config.twilio().account().isPresent() ? "sent through " + config.twilio().apiUrl()
                : "kept, not sent (set LANDFALL_TWILIO_ACCOUNT_SID to send)"));
        DemoLinks.find(database.dsl(), url).ifPresent(demo -> {
            out.println("Demo store: " + demo.storeName());
            out.println("Tracking page: " + demo.trackingPage());
            out.println("Tracking lookup: " + demo.trackingLookup());
            out.println("Returns: " + demo.returns());
            if (demo.returnPage() != null) {
                out.println("Return page: " + demo.returnPage());
            }
            out.println("Admin: " + demo.admin());
            out.println("Admin email: " + demo.adminEmail());
            DemoLinks.publishedPassword(database.dsl()).ifPresent(password -> out.println("Admin password: " + password));
        });
        out.println("Messages: " + url + "/admin/messages"); // what was (or, without a mail server, would have been) sent
        DemoCredentials.find(database.dsl()).ifPresent(demo -> {
            demo.apiKey().ifPresent(key -> out.println("API key: " + key));
            demo.webhookSecrets().forEach((provider, secret) ->
                    out.println(provider.displayName() + " webhook secret: " + secret));
        });
        out.flush();
    }

    @Override
    public void close() {
        LOG.info("stopping: finishing in-flight requests");
        try {
            jobs.close();
            web.stop();
            tracking.close();
            engagement.flush(); // the last few seconds of page views
            requestLog.close();
        } finally {
            database.close();
        }
        LOG.info("stopped");
    }
}
