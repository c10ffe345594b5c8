import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes signed AfterShip tracking_update deliveries for the webhook benchmark (bench/webhook.lua):
 * one line per delivery, "signature TAB body", each a new event_id with one checkpoint for a
 * shipment from the input file ("carrier TAB tracking_number" per line, e.g. from psql).
 *
 * usage: java bench/SignedWebhooks.java <secret> <numbers.tsv> <out.tsv> <count>
 */
public class SignedWebhooks {
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java bench/SignedWebhooks.java <secret> <numbers.tsv> <out.tsv> <count>");
            System.exit(64);
        }
        String secret = args[0];
        List<String[]> numbers = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] parts = line.trim().split("\t");
            if (parts.length == 2) {
                numbers.add(parts);
            }
        }
        int count = Integer.parseInt(args[3]);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Random random = new Random(42);
        String run = Long.toString(System.currentTimeMillis(), 36);
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC).minusHours(12);
        StringBuilder out = new StringBuilder();
        String[] places = {"Memphis|TN|38118", "Louisville|KY|40209", "Hodgkins|IL|60525", "Ontario|CA|91761"};
        for (int i = 0; i < count; i++) {
            String[] shipment = numbers.get(random.nextInt(numbers.size()));
            String[] place = places[random.nextInt(places.length)].split("\\|");
            String time = base.plusSeconds(random.nextInt(12 * 3600)).withNano(0).toString();
            String body = "{\"event\":\"tracking_update\",\"event_id\":\"bench-" + run + "-" + i + "\","
                    + "\"is_tracking_first_tag\":false,\"msg\":{\"tracking_number\":\"" + shipment[1] + "\","
                    + "\"slug\":\"" + shipment[0] + "\",\"tag\":\"InTransit\",\"subtag\":\"InTransit_003\","
                    + "\"checkpoints\":[{\"checkpoint_time\":\"" + time + "\",\"tag\":\"InTransit\","
                    + "\"subtag\":\"InTransit_003\",\"message\":\"Arrived at facility\",\"city\":\"" + place[0]
                    + "\",\"state\":\"" + place[1] + "\",\"country_iso3\":\"USA\",\"zip\":\"" + place[2] + "\"}]},"
                    + "\"ts\":" + (System.currentTimeMillis() / 1000) + "}";
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            out.append(signature).append('\t').append(body).append('\n');
        }
        Files.writeString(Path.of(args[2]), out);
        System.out.println("wrote " + count + " signed deliveries for " + numbers.size() + " shipments to " + args[2]);
    }
}
