package app.landfall.api;

import app.landfall.config.Config;
import app.landfall.config.ConfigException;
import app.landfall.db.Database;
import app.landfall.merchants.Merchants;

/** {@code java -jar landfall.jar api-key create --merchant <slug> [--name <label>]} */
public final class ApiKeyCommand {
    static final String USAGE = "usage: java -jar landfall.jar api-key create --merchant <slug> [--name <label>]";

    private ApiKeyCommand() {
    }

    public static void run(Config config, String[] args) {
        if (args.length == 0 || !args[0].equals("create")) {
            throw new ConfigException(USAGE);
        }
        String slug = null;
        String name = "API key";
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new ConfigException(args[i] + " needs a value; " + USAGE);
            }
            switch (args[i]) {
                case "--merchant" -> slug = args[i + 1];
                case "--name" -> name = args[i + 1];
                default -> throw new ConfigException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (slug == null) {
            throw new ConfigException("--merchant is required; " + USAGE);
        }
        try (Database database = Database.start(config)) {
            String merchant = slug;
            long merchantId = new Merchants(database.dsl(), java.time.Clock.systemUTC()).bySlug(slug)
                    .orElseThrow(() -> new ConfigException("no merchant with slug \"" + merchant + "\""))
                    .id();
            String key = new ApiKeys(database.dsl()).create(merchantId, name);
            System.out.println("API key: " + key);
            System.out.println("Store it now: Landfall keeps only a hash and cannot show it again.");
        }
    }
}
