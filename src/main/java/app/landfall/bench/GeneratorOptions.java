package app.landfall.bench;

import app.landfall.config.ConfigException;
import java.util.List;
import java.util.Locale;

/** The command line of generate-data. */
record GeneratorOptions(int merchants, int shipments, int eventsPerShipment) {
    static final String USAGE = "usage: java -jar landfall.jar generate-data"
            + " [--merchants N (10)] [--shipments N (1000000)] [--events-per-shipment N (10)]";

    /** The options, or null when help was asked for. */
    static GeneratorOptions parse(String[] args) {
        int merchants = 10;
        int shipments = 1_000_000;
        int events = 10;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (!List.of("--merchants", "--shipments", "--events-per-shipment").contains(option)) {
                throw new ConfigException("generate-data: unknown option \"" + arg + "\"; " + USAGE);
            }
            if (!arg.contains("=") && i + 1 == args.length) {
                throw new ConfigException("generate-data: " + option + " needs a value; " + USAGE);
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : args[++i];
            switch (option) {
                case "--merchants" -> merchants = number(option, value, 1, 10_000);
                case "--shipments" -> shipments = number(option, value, 1, 1_000_000_000);
                default -> events = number(option, value, 1, 1_000);
            }
        }
        return new GeneratorOptions(merchants, shipments, events);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(String.format(Locale.ROOT,
                "generate-data: %s must be a whole number from %,d to %,d, got \"%s\"", option, min, max, value));
    }
}
