package app.landfall.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which status change is which moment, which waiting messages a new status makes stale, and the defaults. */
class ShipmentTriggerTest {

    @ParameterizedTest(name = "{0} -> {1} (first scan: {2}) is {3}")
    @CsvSource(nullValues = "none", value = {
            "Pending,            InfoReceived,       false, label_created",
            "InfoReceived,       InTransit,          true,  shipped",
            "Pending,            InTransit,          true,  shipped",
            "InTransit,          InTransit,          false, in_transit",
            "Exception,          InTransit,          false, in_transit",
            "InTransit,          OutForDelivery,     false, out_for_delivery",
            "InfoReceived,       OutForDelivery,     true,  out_for_delivery",
            "OutForDelivery,     AttemptFail,        false, failed_attempt",
            "AttemptFail,        AvailableForPickup, false, available_for_pickup",
            "OutForDelivery,     Delivered,          false, delivered",
            "InTransit,          Exception,          false, exception",
            "Exception,          Exception,          false, none",
            "AttemptFail,        AttemptFail,        false, none",
            "Delivered,          Delivered,          false, none",
            "InTransit,          Expired,            false, expired",
            "InfoReceived,       Pending,            false, none",
    })
    void a_status_change_is_the_moment_customers_hear_about(String from, String to, boolean firstScan, String expected) {
        assertEquals(Optional.ofNullable(expected), ShipmentTrigger.forChange(from, to, firstScan).map(ShipmentTrigger::code));
    }

    @ParameterizedTest(name = "in {0}, waiting messages that stay: {1}")
    @CsvSource({
            "Delivered,          delivered review_request",
            "OutForDelivery,     out_for_delivery",
            "InTransit,          shipped in_transit delayed",
            "InfoReceived,       label_created",
            "Exception,          exception",
            "AvailableForPickup, available_for_pickup pickup_reminder",
            "Pending,            ''",
    })
    void a_waiting_message_is_stale_once_the_parcel_is_no_longer_in_the_status_it_announces(String status, String kept) {
        List<String> stale = ShipmentTrigger.staleOnceIn(status).stream().map(ShipmentTrigger::code).toList();
        List<String> stays = Arrays.stream(ShipmentTrigger.values()).map(ShipmentTrigger::code).filter(c -> !stale.contains(c)).toList();
        assertEquals(kept.isBlank() ? List.of() : List.of(kept.split(" ")), stays);
    }

    @Test
    void every_email_is_on_by_default_except_in_transit_updates_and_other_channels_start_off() {
        assertEquals("in_transit", Arrays.stream(ShipmentTrigger.values()).filter(t -> !t.onByDefault("email"))
                .map(ShipmentTrigger::code).collect(Collectors.joining(",")));
        assertEquals(List.of(), Arrays.stream(ShipmentTrigger.values()).filter(t -> t.onByDefault("sms") || t.onByDefault("whatsapp"))
                .toList());
    }

    @Test
    void the_dedupe_key_names_the_parcel_and_moment_and_for_in_transit_updates_when_it_moved() {
        Instant since = Instant.parse("2026-12-07T10:15:00Z");
        assertEquals("shipment:42:out_for_delivery:email", ShipmentTrigger.OUT_FOR_DELIVERY.dedupeKey(42, "email", since));
        assertEquals("shipment:42:in_transit@2026-12-07T10:15:00Z:email", ShipmentTrigger.IN_TRANSIT.dedupeKey(42, "email", since));
    }

    @ParameterizedTest(name = "reached {0} before now: news {1}")
    @CsvSource({"PT0S, true", "PT47H59M, true", "PT48H, true", "PT48H1S, false", "P30D, false", "-PT1M, true"})
    void a_status_reached_more_than_two_days_ago_is_history_not_news(java.time.Duration ago, boolean news) {
        Instant now = Instant.parse("2026-12-07T18:00:00Z");
        assertEquals(news, ShipmentTrigger.isNews(now.minus(ago), now));
    }

    @Test
    void a_skipped_message_says_why_in_the_delivery_log() {
        assertEquals("Skipped: the parcel was already delivered when this would have gone out.",
                ShipmentTrigger.skippedReason("Delivered"));
    }
}
