package app.landfall;

import app.landfall.api.ApiAuthentication;
import app.landfall.api.ApiKeyCommand;
import app.landfall.api.ApiKeys;
import app.landfall.api.ShipmentsApi;
import app.landfall.bench.BenchmarkData;
import app.landfall.config.Config;
import app.landfall.config.ConfigException;
import app.landfall.db.Database;
import app.landfall.demo.DemoData;
import app.landfall.demo.DemoLinks;
import app.landfall.home.HomePage;
import app.landfall.merchants.Merchants;
import app.landfall.ops.HealthCheck;
import app.landfall.tracking.EventIngestion;
import app.landfall.tracking.TrackingPages;
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

    private Landfall(Config config, Database database, Javalin web) {
        this.config = config;
        this.database = database;
        this.web = web;
    }

    public static void main(String[] args) {
        try {
            if (args.length > 0 && args[0].equals("generate-data")) {
                BenchmarkData.run(Config.fromEnvironment(), Arrays.copyOfRange(args, 1, args.length));
                return;
            }
            if (args.length > 0 && args[0].equals("api-key")) {
                ApiKeyCommand.run(Config.fromEnvironment(), Arrays.copyOfRange(args, 1, args.length));
                return;
            }
            if (args.length > 0 && !args[0].equals("serve")) {
                System.err.println("usage: java -jar landfall.jar [serve | generate-data --help | api-key create --merchant <slug>]");
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
            }
            Merchants merchants = new Merchants(database.dsl());
            HomePage home = new HomePage(database.dsl(), merchants);
            HealthCheck health = new HealthCheck(database);
            TrackingPages tracking = new TrackingPages(database.dsl());
            ApiAuthentication apiAuthentication = new ApiAuthentication(new ApiKeys(database.dsl()));
            EventIngestion ingestion = new EventIngestion(database.dsl(), Clock.systemUTC(), Duration.ofDays(30));
            ShipmentsApi shipmentsApi = new ShipmentsApi(database.dsl(), config::baseUrl, ingestion);
            boolean https = config.baseUrl().map(url -> url.startsWith("https:")).orElse(false);
            Javalin web = WebServer.create(https,
                    routes -> Routes.register(routes, home, health, tracking, apiAuthentication, shipmentsApi));
            web.start(config.port());
            return new Landfall(config, database, web);
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
            out.println("Admin: " + demo.admin());
            out.println("Admin email: " + demo.adminEmail());
            out.println("Admin password: " + demo.adminPassword());
        });
        out.flush();
    }

    @Override
    public void close() {
        LOG.info("stopping: finishing in-flight requests");
        try {
            web.stop();
        } finally {
            database.close();
        }
        LOG.info("stopped");
    }
}
