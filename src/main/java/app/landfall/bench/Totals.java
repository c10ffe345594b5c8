package app.landfall.bench;

/** Rows written so far in this run, for the progress lines and the summary. */
final class Totals {
    long merchants;
    long brands;
    long orders;
    long items;
    long shipments;
    long events;

    void add(ShipmentChunk.Counts chunk) {
        orders += chunk.shipments();
        shipments += chunk.shipments();
        items += chunk.items();
        events += chunk.events();
    }
}
