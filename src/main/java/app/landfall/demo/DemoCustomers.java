package app.landfall.demo;

import app.landfall.demo.DemoDestinations.Destination;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** The people who buy from the store: names, addresses, emails and phones, a few coming back. */
final class DemoCustomers {

    record Customer(String name, String email, String phone, String line1, String line2, Destination destination) {
        String surname() {
            return name.substring(name.lastIndexOf(' ') + 1);
        }
    }

    private static final Map<String, List<String>> NAMES = Map.of(
            "US", List.of("Maya Thompson", "Jordan Reyes", "Priya Raman", "Marcus Bell", "Hannah Kowalski",
                    "Diego Alvarez", "Emily Chen", "Tyler Brooks", "Aisha Mohammed", "Connor Walsh", "Sofia Rossi",
                    "Ben Nakamura", "Grace Okafor", "Liam O'Connor", "Olivia Martinez", "Noah Fischer", "Chloe Nguyen",
                    "Ethan Park", "Zoe Campbell", "Samuel Greene", "Isabel Ortiz", "Ava Sullivan", "Caleb Jensen",
                    "Nora Lindgren", "Owen Patel", "Ruby Hayes", "Elijah Washington", "Leah Goldberg", "Miles Carter",
                    "Jasmine Ali", "Tessa Morgan", "Andre Jackson", "Clara Byrne", "Wyatt Hansen", "Mei Lin",
                    "Julian Vargas", "Harper Quinn", "Daniel Kim", "Rosa Delgado", "Finn Gallagher", "Sadie Holloway",
                    "Arjun Mehta", "Lucy Brennan", "Mateo Herrera", "Ivy Thornton", "Gabriel Stone", "Naomi Fletcher",
                    "Kofi Mensah"),
            "DE", List.of("Lena Hoffmann", "Jonas Becker", "Mia Schneider", "Felix Wagner"),
            "FR", List.of("Camille Laurent", "Théo Girard", "Léa Fontaine"),
            "GB", List.of("Oliver Hughes", "Amelia Clarke", "Harry Whitfield"),
            "CA", List.of("Ethan Tremblay", "Chloé Gagnon", "Liam MacDonald"));

    private final Random random;
    private final Map<String, Integer> used = new HashMap<>();
    private final List<Customer> returning = new ArrayList<>();

    DemoCustomers(Random random) {
        this.random = random;
    }

    /** A customer in the country: now and then (in the US) one who has ordered before. */
    Customer next(String country) {
        if (country.equals("US") && returning.size() >= 6 && random.nextInt(100) < 8) {
            return returning.get(random.nextInt(returning.size()));
        }
        List<String> names = NAMES.get(country);
        int index = used.merge(country, 1, Integer::sum) - 1;
        if (index >= names.size()) {
            throw new IllegalStateException("the demo plan has more orders for " + country + " than customer names");
        }
        List<Destination> towns = DemoDestinations.in(country);
        Customer customer = create(names.get(index), towns.get(random.nextInt(towns.size())));
        if (country.equals("US")) {
            returning.add(customer);
        }
        return customer;
    }

    private Customer create(String name, Destination destination) {
        String street = destination.streets().get(random.nextInt(destination.streets().size()));
        String line1 = destination.streetAddress(destination.abroad() ? 2 + random.nextInt(80) : 100 + random.nextInt(3900), street);
        String line2 = random.nextInt(4) == 0 ? apartment(destination) : null;
        return new Customer(name, email(name), phone(destination.phone()), line1, line2, destination);
    }

    private String apartment(Destination destination) {
        int floor = 1 + random.nextInt(5);
        return switch (destination.place().country()) {
            case "DE" -> floor + ". OG";
            case "FR" -> "Bâtiment B, " + floor + "e étage";
            case "GB" -> "Flat " + floor;
            default -> "Apt " + floor + (char) ('A' + random.nextInt(4));
        };
    }

    private String email(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("'", "")
                .toLowerCase(Locale.ROOT);
        String first = plain.substring(0, plain.indexOf(' '));
        String last = plain.substring(plain.lastIndexOf(' ') + 1);
        String local = switch (random.nextInt(4)) {
            case 0 -> first.charAt(0) + last;
            case 1 -> first + last.charAt(0) + (10 + random.nextInt(90));
            default -> first + "." + last;
        };
        return local + (random.nextInt(3) == 0 ? "@example.org" : "@example.com");
    }

    private String phone(String pattern) {
        StringBuilder phone = new StringBuilder(pattern.length());
        for (char c : pattern.toCharArray()) {
            phone.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
        }
        return phone.toString();
    }
}
