package app.landfall.hooks;

import app.landfall.config.Config;
import app.landfall.config.ConfigException;
import app.landfall.db.Database;
import app.landfall.merchants.Merchants;
import app.landfall.orders.OrderWriter;
import app.landfall.tracking.EventIngestion;
import app.landfall.tracking.ShipmentWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jooq.DSLContext;

/**
 * {@code java -jar landfall.jar webhooks secret --merchant <slug> --provider <aftership|easypost|shopify> [--secret <s>]}
 * sets the secret a provider signs with (generated when not given) and prints it with the URL to
 * give the provider. {@code webhooks replay --merchant <slug> (--id <n> | --failed)} applies stored
 * deliveries again.
 */
public final class WebhookCommand {
    static final String USAGE = "usage: java -jar landfall.jar webhooks secret --merchant <slug> "
            + "--provider <aftership|easypost|shopify> [--secret <secret>]\n"
            + "       java -jar landfall.jar webhooks replay --merchant <slug> (--id <inbox id> | --failed)";

    private WebhookCommand() {
    }

    /**
     * {@code ingestion}: how events are applied, with the same listeners as the server's (a
     * replayed delivery moves returns along and tells customers, as it would have live).
     */
    public static void run(Config config, String[] args, BiFunction<DSLContext, Clock, EventIngestion> ingestion) {
        if (args.length == 0 || !(args[0].equals("secret") || args[0].equals("replay"))) {
            throw new ConfigException(USAGE);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--failed")) {
                options.put(option, "yes");
            } else if (List.of("--merchant", "--provider", "--secret", "--id").contains(option) && i + 1 < args.length) {
                options.put(option, args[++i]);
            } else {
                throw new ConfigException("unknown option or missing value: " + option + "\n" + USAGE);
            }
        }
        String slug = options.get("--merchant");
        if (slug == null) {
            throw new ConfigException("--merchant is required\n" + USAGE);
        }
        try (Database database = Database.start(config)) {
            long merchantId = new Merchants(database.dsl(), java.time.Clock.systemUTC()).bySlug(slug)
                    .orElseThrow(() -> new ConfigException("no merchant with slug \"" + slug + "\""))
                    .id();
            if (args[0].equals("secret")) {
                secret(database, merchantId, slug, options, config);
            } else {
                replay(database, merchantId, options, ingestion);
            }
        }
    }

    private static void secret(Database database, long merchantId, String slug, Map<String, String> options, Config config) {
        Provider provider = Provider.fromCode(String.valueOf(options.get("--provider")))
                .orElseThrow(() -> new ConfigException("--provider must be aftership, easypost or shopify\n" + USAGE));
        String given = options.get("--secret");
        if (given != null && (given.length() < 8 || given.length() > 200)) {
            throw new ConfigException("--secret must be 8 to 200 characters");
        }
        String secret = new WebhookSecrets(database.dsl()).set(merchantId, provider, given);
        System.out.println(provider.displayName() + " webhook secret: " + secret);
        System.out.println(provider.displayName() + " webhook URL: " + config.baseUrl(config.port())
                + "/hooks/" + provider.code() + "/" + slug);
    }

    private static void replay(Database database, long merchantId, Map<String, String> options,
            BiFunction<DSLContext, Clock, EventIngestion> ingestions) {
        Clock clock = Clock.systemUTC();
        EventIngestion ingestion = ingestions.apply(database.dsl(), clock);
        WebhookInbox inbox = new WebhookInbox(database.dsl(), new OrderWriter(clock),
                new ShipmentWriter(ingestion, clock), clock);
        List<Long> ids;
        if (options.containsKey("--failed")) {
            ids = inbox.failed(merchantId);
        } else if (options.get("--id") != null && options.get("--id").matches("[1-9][0-9]{0,17}")) {
            ids = List.of(Long.parseLong(options.get("--id")));
        } else {
            throw new ConfigException("give --id <inbox id> or --failed\n" + USAGE);
        }
        int failures = 0;
        for (long id : ids) {
            try {
                var outcome = inbox.replay(merchantId, id);
                if (outcome.isEmpty()) {
                    System.out.println("inbox " + id + ": no such delivery for this merchant");
                    failures++;
                } else {
                    System.out.println("inbox " + id + ": applied (" + outcome.get().shipments() + " shipments, "
                            + outcome.get().eventsStored() + " new events)");
                }
            } catch (WebhookInbox.ApplyFailed e) {
                System.out.println("inbox " + id + ": failed again: " + e.getCause().getMessage());
                failures++;
            }
        }
        System.out.println(ids.size() - failures + " of " + ids.size() + " applied");
        if (failures > 0) {
            System.exit(1);
        }
    }
}
