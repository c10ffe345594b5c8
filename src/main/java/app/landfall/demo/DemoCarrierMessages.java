package app.landfall.demo;

import static java.util.Map.entry;

import app.landfall.demo.DemoJourney.Step;
import java.util.Locale;
import java.util.Map;

/** Each carrier's own status codes and wording for a scan, as their tracking feeds word them. */
final class DemoCarrierMessages {

    record Raw(String code, String message) {
    }

    private static final Map<String, Map<Step, Raw>> MESSAGES = Map.of(
            "ups", Map.ofEntries(
                    entry(Step.LABEL, raw("MP", "Shipper created a label, UPS has not received the package yet.")),
                    entry(Step.PICKUP, raw("OR", "Pickup Scan")),
                    entry(Step.DROP_OFF, raw("DO", "Dropped off at a UPS Access Point™ location")),
                    entry(Step.ARRIVE, raw("AR", "Arrived at Facility")),
                    entry(Step.DEPART, raw("DP", "Departed from Facility")),
                    entry(Step.ARRIVE_COUNTRY, raw("AR", "Arrived at Facility in the destination country")),
                    entry(Step.CUSTOMS_CLEARED, raw("CR", "Your package was released by the customs agency.")),
                    entry(Step.OUT_FOR_DELIVERY, raw("OT", "Out For Delivery Today")),
                    entry(Step.DELIVERED_SIGNED, raw("KB", "Delivered. Signed by: {name}")),
                    entry(Step.DELIVERED_SAFE_PLACE, raw("FS", "Delivered. Left at: Front Door")),
                    entry(Step.DELIVERED_NEIGHBOUR, raw("FS", "Delivered. Left with: Neighbor")),
                    entry(Step.DELIVERED_MAILBOX, raw("FS", "Delivered. Left in: Mailbox")),
                    entry(Step.ATTEMPT_FAILED, raw("48", "The receiver was not available for delivery. We'll make a second attempt the next business day.")),
                    entry(Step.AT_PICKUP_POINT, raw("2W", "Your package is at a UPS Access Point™ location and is waiting for you to pick it up.")),
                    entry(Step.AT_POST_OFFICE, raw("2W", "Your package is at a UPS Access Point™ location and is waiting for you to pick it up.")),
                    entry(Step.COLLECTED, raw("KB", "Delivered. Picked up at the UPS Access Point™ location by: {name}")),
                    entry(Step.DELAYED, raw("X", "Severe weather conditions have delayed delivery. We're adjusting plans to deliver your package as quickly as possible.")),
                    entry(Step.DAMAGED, raw("X", "The package was damaged and is being repackaged. We'll update the delivery date once it moves again.")),
                    entry(Step.ADDRESS_ISSUE, raw("X", "The address is incomplete or incorrect. We're attempting to update this information.")),
                    entry(Step.CUSTOMS_DELAY, raw("X", "Your package is being held for review by the customs agency."))),
            "fedex", Map.ofEntries(
                    entry(Step.LABEL, raw("OC", "Shipment information sent to FedEx")),
                    entry(Step.PICKUP, raw("PU", "Picked up")),
                    entry(Step.DROP_OFF, raw("PU", "Dropped off at a FedEx location")),
                    entry(Step.ARRIVE, raw("AR", "Arrived at FedEx location")),
                    entry(Step.DEPART, raw("DP", "Departed FedEx location")),
                    entry(Step.ARRIVE_COUNTRY, raw("AR", "Arrived at FedEx location in the destination country")),
                    entry(Step.CUSTOMS_CLEARED, raw("CC", "International shipment release - Import")),
                    entry(Step.OUT_FOR_DELIVERY, raw("OD", "On FedEx vehicle for delivery")),
                    entry(Step.DELIVERED_SIGNED, raw("DL", "Delivered. Signed for by: {name}")),
                    entry(Step.DELIVERED_SAFE_PLACE, raw("DL", "Delivered. Left at front door. Package delivered to recipient address - release authorized")),
                    entry(Step.DELIVERED_NEIGHBOUR, raw("DL", "Delivered. Left with a neighbor at the recipient's address")),
                    entry(Step.DELIVERED_MAILBOX, raw("DL", "Delivered. Left in mailbox")),
                    entry(Step.ATTEMPT_FAILED, raw("DE", "Delivery exception. Customer not available or business closed")),
                    entry(Step.AT_PICKUP_POINT, raw("HP", "Ready for recipient pickup at a FedEx location")),
                    entry(Step.AT_POST_OFFICE, raw("HP", "Ready for recipient pickup at a FedEx location")),
                    entry(Step.COLLECTED, raw("DL", "Delivered. Picked up by the recipient at the FedEx location")),
                    entry(Step.DELAYED, raw("SE", "Delay. Local weather conditions have delayed your package")),
                    entry(Step.DAMAGED, raw("SE", "Shipment exception. Package damaged, FedEx will contact the shipper")),
                    entry(Step.ADDRESS_ISSUE, raw("DE", "Delivery exception. Incorrect address - we're working to confirm it with the shipper")),
                    entry(Step.CUSTOMS_DELAY, raw("CD", "Clearance delay - Import"))),
            "usps", Map.ofEntries(
                    entry(Step.LABEL, raw("GX", "Shipping Label Created, USPS Awaiting Item")),
                    entry(Step.PICKUP, raw("03", "USPS picked up item")),
                    entry(Step.DROP_OFF, raw("OA", "USPS in possession of item")),
                    entry(Step.ARRIVE, raw("10", "Arrived at USPS Regional Facility")),
                    entry(Step.DEPART, raw("EF", "Departed USPS Regional Facility")),
                    entry(Step.ARRIVE_COUNTRY, raw("A1", "Arrived in destination country")),
                    entry(Step.CUSTOMS_CLEARED, raw("A3", "Customs Clearance Processing Complete")),
                    entry(Step.OUT_FOR_DELIVERY, raw("OF", "Out for Delivery")),
                    entry(Step.DELIVERED_SIGNED, raw("01", "Delivered, Left with Individual")),
                    entry(Step.DELIVERED_SAFE_PLACE, raw("01", "Delivered, Front Door/Porch")),
                    entry(Step.DELIVERED_NEIGHBOUR, raw("01", "Delivered, Neighbor as Requested")),
                    entry(Step.DELIVERED_MAILBOX, raw("01", "Delivered, In/At Mailbox")),
                    entry(Step.ATTEMPT_FAILED, raw("02", "Notice Left (No Authorized Recipient Available)")),
                    entry(Step.AT_PICKUP_POINT, raw("16", "Available for Pickup at a Package Pickup Point")),
                    entry(Step.AT_POST_OFFICE, raw("16", "Available for Pickup")),
                    entry(Step.COLLECTED, raw("43", "Delivered, Individual Picked Up at Post Office")),
                    entry(Step.DELAYED, raw("NT", "In Transit, Arriving Late")),
                    entry(Step.DAMAGED, raw("DX", "Damaged Item, Rewrapped at USPS Facility")),
                    entry(Step.ADDRESS_ISSUE, raw("05", "Insufficient Address, Awaiting Correction")),
                    entry(Step.CUSTOMS_DELAY, raw("HC", "Held in Customs"))),
            "dhl", Map.ofEntries(
                    entry(Step.LABEL, raw("SI", "Shipment information received")),
                    entry(Step.PICKUP, raw("PU", "Shipment picked up")),
                    entry(Step.DROP_OFF, raw("PU", "Shipment dropped off at a DHL Service Point")),
                    entry(Step.ARRIVE, raw("AF", "Arrived at DHL Sort Facility {place}")),
                    entry(Step.DEPART, raw("DF", "Departed Facility in {place}")),
                    entry(Step.ARRIVE_COUNTRY, raw("AF", "Arrived at DHL Sort Facility {place}")),
                    entry(Step.CUSTOMS_CLEARED, raw("CR", "Clearance processing complete at {place}")),
                    entry(Step.OUT_FOR_DELIVERY, raw("WC", "With delivery courier")),
                    entry(Step.DELIVERED_SIGNED, raw("OK", "Delivered - Signed for by: {name}")),
                    entry(Step.DELIVERED_SAFE_PLACE, raw("OK", "Delivered - Left at the front door as authorised")),
                    entry(Step.DELIVERED_NEIGHBOUR, raw("OK", "Delivered to a neighbour")),
                    entry(Step.DELIVERED_MAILBOX, raw("OK", "Delivered to the letterbox")),
                    entry(Step.ATTEMPT_FAILED, raw("NH", "Recipient not at home. We will try to deliver again")),
                    entry(Step.AT_PICKUP_POINT, raw("AP", "Awaiting collection at a DHL Service Point")),
                    entry(Step.AT_POST_OFFICE, raw("AP", "Awaiting collection at a DHL Service Point")),
                    entry(Step.COLLECTED, raw("OK", "Delivered - Collected from the DHL Service Point by: {name}")),
                    entry(Step.DELAYED, raw("TD", "Shipment delayed by weather conditions at {place}")),
                    entry(Step.DAMAGED, raw("DM", "Shipment damaged; DHL is contacting the shipper")),
                    entry(Step.ADDRESS_ISSUE, raw("BA", "Incorrect address. DHL is contacting the recipient")),
                    entry(Step.CUSTOMS_DELAY, raw("CD", "Clearance event: further information is required from the receiver at {place}"))));

    private static final Map<String, String> COUNTRY_NAMES =
            Map.of("US", "USA", "DE", "GERMANY", "FR", "FRANCE", "GB", "UK", "CA", "CANADA");

    private DemoCarrierMessages() {
    }

    /** The code and text the carrier would send; recipients sign in capitals on carriers' screens. */
    static Raw describe(String carrier, Step step, DemoPlace place, String recipient) {
        Raw raw = MESSAGES.get(carrier).get(step);
        String dhlPlace = place.city().toUpperCase(Locale.ROOT) + " - " + COUNTRY_NAMES.get(place.country());
        return new Raw(raw.code(), raw.message()
                .replace("{name}", recipient.toUpperCase(Locale.ROOT))
                .replace("{place}", dhlPlace));
    }

    private static Raw raw(String code, String message) {
        return new Raw(code, message);
    }
}
