package app.landfall.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextContentsTest {
    private static final String LINK = "https://returns.alder-and-ash.example/r/Q2hR7sK9mP4xT1vB8nW3yZ6cL5";
    private static final String TRACKING = "https://returns.alder-and-ash.example/t/Q2hR7sK9mP4xT1vB8nW3yZ6cL5";

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "return.requested, en", "return.requested, de", "return.requested, fr", "return.requested, es",
            "return.approved, en", "return.approved, de", "return.approved, fr", "return.approved, es",
            "return.rejected, en", "return.rejected, de", "return.rejected, fr", "return.rejected, es",
            "return.in_transit, en", "return.in_transit, de", "return.in_transit, fr", "return.in_transit, es",
            "return.received, en", "return.received, de", "return.received, fr", "return.received, es",
            "return.refunded, en", "return.refunded, de", "return.refunded, fr", "return.refunded, es",
            "return.credited, en", "return.credited, de", "return.credited, fr", "return.credited, es",
            "return.exchanged, en", "return.exchanged, de", "return.exchanged, fr", "return.exchanged, es",
            "return.cancelled, en", "return.cancelled, de", "return.cancelled, fr", "return.cancelled, es",
            "return.expired, en", "return.expired, de", "return.expired, fr", "return.expired, es",
            "return.needs_review, en", "return.needs_review, de", "return.needs_review, fr", "return.needs_review, es",
            "return.expiring_soon, en", "return.expiring_soon, de", "return.expiring_soon, fr", "return.expiring_soon, es",
    })
    void each_return_text_carries_its_link_and_fits_in_two_sms(String template, String language) {
        fitsInTwoSms(template, language, "R-7K3P9Q", "1.234,56 €", LINK);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "shipment.label_created, en", "shipment.label_created, de", "shipment.label_created, fr", "shipment.label_created, es",
            "shipment.shipped, en", "shipment.shipped, de", "shipment.shipped, fr", "shipment.shipped, es",
            "shipment.in_transit, en", "shipment.in_transit, de", "shipment.in_transit, fr", "shipment.in_transit, es",
            "shipment.out_for_delivery, en", "shipment.out_for_delivery, de", "shipment.out_for_delivery, fr",
            "shipment.out_for_delivery, es",
            "shipment.failed_attempt, en", "shipment.failed_attempt, de", "shipment.failed_attempt, fr", "shipment.failed_attempt, es",
            "shipment.available_for_pickup, en", "shipment.available_for_pickup, de", "shipment.available_for_pickup, fr",
            "shipment.available_for_pickup, es",
            "shipment.delivered, en", "shipment.delivered, de", "shipment.delivered, fr", "shipment.delivered, es",
            "shipment.exception, en", "shipment.exception, de", "shipment.exception, fr", "shipment.exception, es",
            "shipment.expired, en", "shipment.expired, de", "shipment.expired, fr", "shipment.expired, es",
            "shipment.pickup_reminder, en", "shipment.pickup_reminder, de", "shipment.pickup_reminder, fr",
            "shipment.pickup_reminder, es",
            "shipment.delayed, en", "shipment.delayed, de", "shipment.delayed, fr", "shipment.delayed, es",
    })
    void each_shipment_text_carries_the_order_number_and_tracking_link_and_fits_in_two_sms(String template, String language) {
        fitsInTwoSms(template, language, "#ALDER-100428", "", TRACKING);
    }

    @org.junit.jupiter.api.Test
    void every_moment_of_a_parcels_journey_has_a_text_but_the_review_request_which_is_an_email() {
        for (ShipmentTrigger trigger : ShipmentTrigger.values()) {
            if (trigger == ShipmentTrigger.REVIEW_REQUEST) {
                continue;
            }
            for (String language : app.landfall.i18n.Languages.SUPPORTED) {
                TextContents.text(Locale.forLanguageTag(language), trigger.template(),
                        new TextContents.Facts("#1042", "Harbour", "", TRACKING, null));
            }
        }
    }

    private static void fitsInTwoSms(String template, String language, String reference, String amount, String link) {
        String text = TextContents.text(Locale.forLanguageTag(language), template,
                new TextContents.Facts(reference, "Alder & Ash Outfitters", amount, link, "DE"));
        assertTrue(text.contains(link + " "), "the link, whole, with a space after it: " + text);
        assertTrue(text.contains(reference) && text.contains("Alder & Ash Outfitters"), text);
        assertTrue(text.contains("STOP"), "says how to opt out: " + text);
        TextSegments segments = TextSegments.of(SmsText.fit(text));
        assertTrue(segments.segments() <= 2, segments + ": " + SmsText.fit(text));
        if (!language.equals("es")) { // Spanish needs ó, á, í: its SMS drop the accents when that saves a segment
            assertEquals(TextSegments.Encoding.GSM_7, TextSegments.of(text).encoding(), "no character that needs UCS-2: " + text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"admin.password_reset", "admin.invitation", "return.unheard_of"})
    void a_template_without_a_text_is_never_texted(String template) {
        var e = assertThrows(EmailContents.Unrenderable.class, () -> TextContents.text(Locale.ENGLISH, template,
                new TextContents.Facts("", "Harbour", "", LINK, null)));
        assertEquals("There is no text message for " + template + ".", e.getMessage());
    }
}
