package app.landfall;

import app.landfall.analytics.Engagement;
import app.landfall.admin.Admin;
import app.landfall.admin.BrandLogos;
import app.landfall.admin.UserCommand;
import app.landfall.outbound.OutboundWebhooks;
import app.landfall.api.ApiAuthentication;
import app.landfall.api.ApiKeyCommand;
import app.landfall.api.ApiKeys;
import app.landfall.api.Idempotency;
import app.landfall.api.OrdersApi;
import app.landfall.api.ShipmentsApi;
import app.landfall.auth.SignedLinks;
import app.landfall.bench.BenchmarkData;
import app.landfall.branding.BrandStyles;
import app.landfall.branding.Brands;
import app.landfall.config.Config;
import app.landfall.config.ConfigException;
import app.landfall.db.Database;
import app.landfall.demo.DemoCredentials;
import app.landfall.demo.DemoData;
import app.landfall.demo.DemoLinks;
import app.landfall.home.HomePage;
import app.landfall.images.RemoteImages;
import app.landfall.returns.ReturnActions;
import app.landfall.returns.ReturnExpiry;
import app.landfall.returns.ReturnFlow;
import app.landfall.returns.ReturnSubmissions;
import app.landfall.returns.RmaNumbers;
import app.landfall.returns.ReturnPages;
import app.landfall.returns.ReturnParcels;
import app.landfall.returns.ReturnPhotoUploads;
import app.landfall.returns.ReturnRecords;
import app.landfall.hooks.WebhookCommand;
import app.landfall.hooks.WebhookInbox;
import app.landfall.hooks.WebhookSecrets;
import app.landfall.hooks.Webhooks;
import app.landfall.merchants.Merchants;
import app.landfall.ops.BackgroundJobs;
import app.landfall.ops.HealthCheck;
import app.landfall.orders.OrderWriter;
import app.landfall.tracking.EventIngestion;
import app.landfall.tracking.ExpirySweep;
import app.landfall.tracking.ShipmentWriter;
import app.landfall.tracking.NotFoundPages;
import app.landfall.tracking.TrackingLookup;
import app.landfall.tracking.TrackingPages;
import app.landfall.tracking.TokenVersions;
import app.landfall.tracking.TrackingQueries;
import app.landfall.web.Assets;
import app.landfall.web.RateLimiter;
import app.landfall.web.RequestLog;
import app.landfall.web.Templates;
import app.landfall.web.WebServer;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
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
    private final TokenVersions tokenVersions;
    private final RequestLog requestLog;

    private Landfall(Config config, Database database, Javalin web, BackgroundJobs jobs, Engagement engagement,
            TokenVersions tokenVersions, RequestLog requestLog) {
        this.engagement = engagement;
        this.requestLog = requestLog;
        this.tokenVersions = tokenVersions;
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
                WebhookCommand.run(Config.fromEnvironment(), Arrays.copyOfRange(args, 1, args.length));
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
        Database database = Database.start(config);
        try {
            if (config.demo()) {
                DemoData.seedIfEmpty(database.dsl(), Clock.systemUTC());
                DemoCredentials.ensure(database.dsl());
            }
            Clock clock = Clock.systemUTC();
            Duration expireAfter = Duration.ofDays(30);
            Merchants merchants = new Merchants(database.dsl(), clock);
            HomePage home = new HomePage(database.dsl(), merchants);
            HealthCheck health = new HealthCheck(database);
            Assets assets = new Assets();
            Templates templates = new Templates(assets);
            RemoteImages images = RemoteImages.load(database.dsl(), clock, config.imagesFromAnyHost());
            Brands brands = new Brands(database.dsl(), images::src);
            Engagement engagement = new Engagement(database.dsl(), clock);
            NotFoundPages notFound = new NotFoundPages(brands, templates);
            TrackingQueries trackingQueries = new TrackingQueries(database.lookups(), images::src);
            TokenVersions tokenVersions = new TokenVersions(trackingQueries, 2);
            TrackingPages tracking = new TrackingPages(trackingQueries, tokenVersions, brands, merchants, templates, engagement, clock, notFound);
            SignedLinks signedLinks = SignedLinks.load(database.dsl(), clock);
            TrackingLookup lookup = new TrackingLookup(merchants, trackingQueries, tracking, notFound,
                    signedLinks, config.clientAddress(),
                    // a shopper retrying typos is fine; a script walking through order numbers is not
                    new RateLimiter(20, Duration.ofSeconds(6), clock, 100_000),
                    new RateLimiter(600, Duration.ofMillis(100), clock, 100_000));
            ApiKeys apiKeys = new ApiKeys(database.dsl());
            ApiAuthentication apiAuthentication = new ApiAuthentication(apiKeys);
            Idempotency idempotency = new Idempotency(database.dsl(), clock);
            EventIngestion ingestion = new EventIngestion(database.dsl(), clock, expireAfter, new ReturnParcels());
            OrderWriter orderWriter = new OrderWriter(clock);
            ShipmentWriter shipmentWriter = new ShipmentWriter(ingestion, clock);
            ShipmentsApi shipmentsApi = new ShipmentsApi(database.dsl(), config::baseUrl, ingestion, shipmentWriter);
            OrdersApi ordersApi = new OrdersApi(database.dsl(), orderWriter);
            WebhookInbox inbox = new WebhookInbox(database.dsl(), orderWriter, shipmentWriter, clock);
            WebhookSecrets webhookSecrets = new WebhookSecrets(database.dsl());
            Webhooks webhooks = new Webhooks(webhookSecrets, inbox);
            boolean https = config.baseUrl().map(url -> url.startsWith("https:")).orElse(false);
            RequestLog requestLog = new RequestLog();
            ReturnPhotoUploads photoUploads = new ReturnPhotoUploads(database.dsl(), clock);
            OutboundWebhooks outbound = new OutboundWebhooks(database.dsl(), clock, config.webhooksToAnyHost());
            Admin admin = new Admin(database.dsl(), clock, https, config.clientAddress(), config::baseUrl, apiKeys, webhookSecrets, outbound,
                    orderWriter, shipmentWriter);
            Javalin web = WebServer.create(https, templates, requestLog, routes -> Routes.register(routes, new Routes.Handlers(home, health,
                    assets, new BrandStyles(brands), images, tracking,
                    new ReturnPages(new ReturnRecords(database.dsl()), new ReturnActions(database.dsl(), clock), brands, templates),
                    new ReturnFlow(merchants, signedLinks, database.dsl(), new ReturnSubmissions(database.dsl(), clock, new RmaNumbers()),
                            photoUploads, brands, templates, clock, images::src), lookup, apiAuthentication, idempotency, ordersApi, shipmentsApi, webhooks, admin, new BrandLogos(database.dsl()))));
            web.start(config.port());
            ExpirySweep expiry = new ExpirySweep(database.dsl(), ingestion, clock, expireAfter);
            ReturnExpiry returnExpiry = new ReturnExpiry(database.dsl(), clock);
            BackgroundJobs jobs = new BackgroundJobs()
                    .schedule("engagement counts written", Duration.ofSeconds(5), Duration.ofSeconds(5), engagement::flush)
                    .schedule("shipments expired", Duration.ofMinutes(1), Duration.ofHours(1), expiry::run)
                    .schedule("approved returns never sent back expired", Duration.ofMinutes(3), Duration.ofHours(1), returnExpiry::run)
                    .schedule("webhook deliveries retried", Duration.ofMinutes(1), Duration.ofMinutes(1), inbox::retryFailed)
                    .schedule("images not shown for 30 days purged", Duration.ofMinutes(15), Duration.ofHours(6),
                            () -> images.purge(Duration.ofDays(30)))
                    .schedule("photos of return forms never submitted purged", Duration.ofMinutes(20), Duration.ofHours(1),
                            () -> photoUploads.purge(Duration.ofDays(1)))
                    // like the other jobs, these start a while after start-up (tests drive them by hand before that)
                    .schedule("events queued for merchants' webhook endpoints", Duration.ofSeconds(30), Duration.ofSeconds(5),
                            outbound::enqueue)
                    .schedule("merchants' webhooks sent", Duration.ofSeconds(31), Duration.ofSeconds(5), outbound::send)
                    .schedule("admin sessions past their timeouts purged", Duration.ofMinutes(2), Duration.ofMinutes(30),
                            admin::purgeSessions)
                    .schedule("idempotency keys purged", Duration.ofMinutes(5), Duration.ofHours(1), idempotency::purge)
                    .schedule("webhook deliveries older than 90 days purged", Duration.ofMinutes(10), Duration.ofHours(6),
                            () -> inbox.purgeProcessed(Duration.ofDays(90)));
            return new Landfall(config, database, web, jobs, engagement, tokenVersions, requestLog);
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

    void printWelcome(PrintStream out) {
        String url = baseUrl();
        out.println("Landfall is running: " + url);
        out.println("Database: " + database.description());
        out.println("Health: " + url + "/health");
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
            out.println("Admin password: " + demo.adminPassword());
        });
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
            tokenVersions.close();
            engagement.flush(); // the last few seconds of page views
            requestLog.close();
        } finally {
            database.close();
        }
        LOG.info("stopped");
    }
}
