package app.landfall.tracking;

import app.landfall.branding.Brand;
import app.landfall.branding.BrandedPage;
import app.landfall.carriers.CarrierDirectory;
import app.landfall.i18n.LocalFormat;
import app.landfall.i18n.Messages;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One shipment's tracking page in one language, every sentence already worded. {@code detailed}
 * is false for a lookup by tracking number alone: then the order, destination and items stay hidden.
 */
public record TrackingView(
        BrandedPage page,
        String self,
        String version,
        boolean detailed,
        boolean isFinal,
        String status,
        String tone,
        String statusName,
        String substatusName,
        ArrivalWords.Promise promise,
        String explanation,
        String nextStep,
        boolean showContact,
        Milestones milestones,
        List<Entry> timeline,
        String carrierName,
        String service,
        String trackingNumber,
        String carrierUrl,
        String orderNumber,
        String destination,
        List<TrackingQueries.Item> items,
        String returnUrl,
        String returnBy,
        List<Sibling> siblings,
        Marketing marketing) {

    /** One parcel of a split order, for "This order was sent in 3 parcels": its page, and whether it is this one. */
    public record Sibling(int number, String url, boolean current) {
    }

    public record Entry(String iso, String when, String title, String detail, String location) {
        /**
         * The same as a map, for the template: Thymeleaf checks every method call an expression makes
         * against its list of forbidden classes, while reading a map key is a plain lookup, and the
         * timeline is the longest loop on the page.
         */
        Map<String, String> asMap() {
            Map<String, String> map = new HashMap<>(8);
            map.put("iso", iso);
            map.put("when", when);
            map.put("title", title);
            map.put("detail", detail);
            map.put("location", location);
            return map;
        }
    }

    /** The timeline as maps (see {@link Entry#asMap}). */
    public List<Map<String, String>> history() {
        return timeline.stream().map(Entry::asMap).toList();
    }

    public record Marketing(String headline, String body, String bannerImage, String bannerUrl, List<Pick> picks) {
    }

    public record Pick(String title, String image, String price, String url) {
    }

    /** Everything the page is built from. {@code clicks} is the base of the click-counting links. */
    record Inputs(TrackingQueries.ShipmentData data, Brand brand, String lang, String self, String version,
            boolean detailed, String clicks, String home, String returnUrl, LocalDate today, ZoneId customerZone,
            Optional<LocalDate> returnBy, boolean returnParcel, List<String> parcelTokens) {
    }

    static TrackingView of(Inputs in) {
        TrackingQueries.ShipmentData d = in.data();
        Locale locale = Locale.forLanguageTag(in.lang());
        LocalFormat format = new LocalFormat(locale, in.today());
        String carrier = CarrierDirectory.byCode(d.carrier()).map(CarrierDirectory.Carrier::displayName)
                .orElse(Messages.text(locale, "tracking.carrier.unknown"));
        String statusName = Messages.text(locale, "status." + d.status());
        String substatusName = d.substatus() == null ? null : Messages.text(locale, "substatus." + d.substatus());
        Optional<TrackingQueries.Event> atPickup = d.events().stream().filter(e -> "AvailableForPickup".equals(e.status())).findFirst();
        String pickupPlace = d.pickupLocation() != null ? d.pickupLocation()
                : atPickup.map(TrackingQueries.Event::location).orElse(d.events().isEmpty() ? null : d.events().get(0).location());
        Object[] args = {carrier, pickupPlace == null ? "" : pickupPlace,
                d.pickupDeadline() == null ? "" : format.day(d.pickupDeadline()), in.brand().name()};
        Arrival arrival = arrival(d, atPickup, in.today(), in.customerZone());
        String prefix = in.returnParcel() ? "return." : "";
        String explanation = firstText(locale, args, prefix + "explain." + d.substatus(),
                "AvailableForPickup".equals(d.status()) && pickupPlace == null ? "explain.AvailableForPickup.noplace" : "-",
                prefix + "explain." + d.status(), "explain." + d.substatus(), "explain." + d.status());
        String nextStep = firstText(locale, args,
                in.returnParcel() ? "return.next." + d.status() : "-",
                arrival.isLate() && waiting(d.status(), d.substatus()) ? "next.late" : "-",
                in.returnParcel() ? "return.next" : "-",
                "AvailableForPickup".equals(d.status()) && d.pickupDeadline() != null ? "next.AvailableForPickup.deadline" : "-",
                "next." + d.substatus(), "next." + d.status());

        List<Milestones.Reached> history = d.events().stream().map(e -> new Milestones.Reached(e.status(), e.substatus())).toList();
        boolean returnable = in.detailed() && in.returnUrl() != null && d.windowDays() != null
                && ReturnDeadline.isOpen(in.returnBy(), in.today());
        return new TrackingView(
                BrandedPage.of(in.brand(), in.lang(), in.self(), in.home()),
                in.self(),
                in.version(),
                in.detailed(),
                ShipmentStatus.fromCode(d.status()).map(ShipmentStatus::isFinal).orElse(false),
                d.status(),
                tone(d.status()),
                statusName,
                substatusName,
                ArrivalWords.of(arrival, locale, format, in.returnParcel()),
                explanation,
                nextStep,
                "Exception".equals(d.status()) || "Expired".equals(d.status()),
                Milestones.of(d.status(), d.substatus(), history, in.returnParcel()),
                timeline(d.events(), locale, format),
                carrier,
                d.service(),
                d.trackingNumber(),
                CarrierDirectory.byCode(d.carrier()).map(c -> c.trackingUrl(d.trackingNumber())).orElse(null),
                in.detailed() ? d.orderNumber() : null,
                in.detailed() ? destination(d, locale) : null,
                in.detailed() ? d.items() : List.of(),
                returnable ? in.returnUrl() : null,
                returnable ? format.day(in.returnBy().get()) : null,
                siblings(in),
                marketing(in.brand().marketing(), in.clicks()));
    }

    /** The first of the keys that has a text (a substatus explanation, else the status one). */
    private static String firstText(Locale locale, Object[] args, String... keys) {
        for (String key : keys) {
            String text = Messages.text(locale, key, args);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    static String tone(String status) {
        return switch (status) {
            case "Delivered" -> "done";
            case "AttemptFail", "AvailableForPickup" -> "attention";
            case "Exception", "Expired" -> "problem";
            default -> "moving";
        };
    }

    /** Statuses in which nothing is asked of the customer, so a late parcel's next step can say it is late. */
    static boolean waiting(String status, String substatus) {
        return switch (status) {
            case "Pending", "InfoReceived", "InTransit" -> true;
            default -> "Exception_Delayed".equals(substatus);
        };
    }

    /** Arrival on the customer's calendar; a pickup is ready since the day of its newest pickup scan there. */
    private static Arrival arrival(TrackingQueries.ShipmentData d, Optional<TrackingQueries.Event> atPickup, LocalDate today, ZoneId zone) {
        LocalDate deliveredOn = d.deliveredAt() == null ? null : d.deliveredAt().atZoneSameInstant(zone).toLocalDate();
        LocalDate readySince = atPickup.map(e -> e.occurredAt().atZoneSameInstant(zone).toLocalDate()).orElse(null);
        return Arrival.of(new Arrival.Facts(d.status(), d.substatus(), deliveredOn, d.carrierEstimate(), d.predictedFrom(),
                d.predictedTo(), d.promised(), readySince, d.pickupDeadline()), today);
    }

    /** The parcels of a split order (two or more), numbered in the order they were sent. */
    private static List<Sibling> siblings(Inputs in) {
        if (!in.detailed() || in.returnParcel() || in.parcelTokens().size() < 2) {
            return List.of();
        }
        List<Sibling> siblings = new ArrayList<>();
        for (int i = 0; i < in.parcelTokens().size(); i++) {
            String url = "/t/" + in.parcelTokens().get(i);
            siblings.add(new Sibling(i + 1, url, url.equals(in.self())));
        }
        return List.copyOf(siblings);
    }

    private static List<Entry> timeline(List<TrackingQueries.Event> events, Locale locale, LocalFormat format) {
        List<Entry> entries = new ArrayList<>();
        for (TrackingQueries.Event e : Timeline.withoutNearDuplicates(events)) {
            ZonedDateTime local = localTime(e.occurredAt(), e.timezone());
            String title = e.substatus() != null ? Messages.text(locale, "substatus." + e.substatus()) : null;
            if (title == null) {
                title = Messages.text(locale, "status." + e.status());
            }
            String detail = e.message() == null || e.message().equalsIgnoreCase(title) ? null : e.message();
            entries.add(new Entry(local.toOffsetDateTime().toString(), format.moment(local), title, detail, e.location()));
        }
        return entries;
    }

    /** Scans are shown at the local time of the place they happened, when the carrier said where. */
    static ZonedDateTime localTime(OffsetDateTime occurredAt, String timezone) {
        try {
            return occurredAt.atZoneSameInstant(timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone));
        } catch (DateTimeException e) {
            return occurredAt.atZoneSameInstant(ZoneOffset.UTC);
        }
    }

    private static String destination(TrackingQueries.ShipmentData d, Locale locale) {
        if (d.destinationCity() == null) {
            return null;
        }
        String country = d.destinationCountry() == null ? null
                : new Locale("", d.destinationCountry()).getDisplayCountry(locale);
        return country == null || country.isBlank() ? d.destinationCity() : d.destinationCity() + ", " + country;
    }

    private static Marketing marketing(Brand.Marketing m, String clicks) {
        if (m.isEmpty()) {
            return null;
        }
        List<Pick> picks = new ArrayList<>();
        for (int i = 0; i < m.recommendations().size(); i++) {
            Brand.Recommendation r = m.recommendations().get(i);
            picks.add(new Pick(r.title(), r.imageUrl(), r.price(), clicks + "/go/" + (i + 1)));
        }
        return new Marketing(m.headline(), m.body(), m.bannerImageUrl(), m.bannerUrl() == null ? null : clicks + "/go/0", picks);
    }
}
