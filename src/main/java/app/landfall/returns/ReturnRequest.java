package app.landfall.returns;

import java.util.List;

/** What a shopper asks for: some units of some items, each with a reason, and how to resolve and send them. */
public record ReturnRequest(List<Line> lines, ReturnPolicy.Resolution resolution, ReturnPolicy.Method method) {

    public ReturnRequest {
        lines = List.copyOf(lines);
    }

    /**
     * @param photos            how many photos came with the line (already checked to be images)
     * @param exchangeVariant   for an exchange: the variant wanted instead
     */
    public record Line(long orderItemId, int quantity, Reason reason, String comment, int photos, String exchangeVariant) {
    }

    /** One of the merchant's return reasons, with what it asks of the shopper and which products it is for. */
    public record Reason(String code, boolean requiresComment, boolean requiresPhotos, boolean requiresReview, ReasonFit fit) {
        public Reason {
            fit = fit == null ? ReasonFit.ANY : fit;
        }

        /** A reason for every product. */
        public Reason(String code, boolean requiresComment, boolean requiresPhotos, boolean requiresReview) {
            this(code, requiresComment, requiresPhotos, requiresReview, ReasonFit.ANY);
        }

        /** Whether the shopper may leave the comment out: the page's "(optional)" and the rules' check both ask this. */
        public boolean commentOptional() {
            return !requiresComment;
        }
    }
}
