package app.landfall.returns;

import app.landfall.auth.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the shopper has answered so far in the return wizard. It travels in the form (hidden fields
 * for the steps not on screen), never in a server session, so a back button or a second tab can
 * never confuse the server; only photos wait on the server, under the form's random key.
 *
 * @param asked  per item, the reason whose follow-up questions (comment, photos) were already on screen
 */
record ReturnDraft(String key, Map<Long, Integer> quantities, Map<Long, Long> reasons, Map<Long, String> comments,
        Map<Long, String> variants, Map<Long, Long> asked, ReturnPolicy.Resolution resolution, ReturnPolicy.Method method,
        List<ReturnPhotoUploads.Staged> photos) {

    static ReturnDraft fresh() {
        return new ReturnDraft(Tokens.newToken().substring(0, 32), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, null, List.of());
    }

    ReturnDraft withPhotos(List<ReturnPhotoUploads.Staged> staged) {
        return new ReturnDraft(key, quantities, reasons, comments, variants, asked, resolution, method, List.copyOf(staged));
    }

    ReturnDraft with(ReturnPolicy.Resolution otherResolution, ReturnPolicy.Method otherMethod) {
        return new ReturnDraft(key, quantities, reasons, comments, variants, asked, otherResolution, otherMethod, photos);
    }

    int quantity(long item) {
        return quantities.getOrDefault(item, 0);
    }

    int photoCount(long item) {
        return (int) photos.stream().filter(p -> p.orderItemId() == item).count();
    }

    List<ReturnSubmissions.Line> lines() {
        List<ReturnSubmissions.Line> lines = new ArrayList<>();
        quantities.forEach((item, quantity) -> {
            if (quantity != 0) {
                lines.add(new ReturnSubmissions.Line(item, quantity, reasons.get(item), comments.get(item), List.of(),
                        resolution == ReturnPolicy.Resolution.EXCHANGE ? variants.get(item) : null));
            }
        });
        return lines;
    }

    ReturnSubmissions.Submission submission() {
        return new ReturnSubmissions.Submission(key, lines(), resolution, method, null);
    }

    /**
     * The answers as form fields, except those the step on screen asks itself: what the page
     * carries in hidden fields. Only chosen items carry their answers.
     */
    List<Map.Entry<String, String>> carried(ReturnStep onScreen) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        quantities.forEach((item, quantity) -> {
            if (quantity == 0) {
                return;
            }
            if (onScreen != ReturnStep.ITEMS) {
                fields.add(Map.entry("qty_" + item, String.valueOf(quantity)));
            }
            if (onScreen == ReturnStep.REASON && reasons.get(item) == null && comments.get(item) != null && !comments.get(item).isEmpty()) {
                fields.add(Map.entry("comment_" + item, comments.get(item))); // kept until its question is on screen
            }
            if (onScreen != ReturnStep.REASON) {
                if (reasons.get(item) != null) {
                    fields.add(Map.entry("reason_" + item, String.valueOf(reasons.get(item))));
                }
                if (comments.get(item) != null && !comments.get(item).isEmpty()) {
                    fields.add(Map.entry("comment_" + item, comments.get(item)));
                }
                if (asked.get(item) != null) {
                    fields.add(Map.entry("asked_" + item, String.valueOf(asked.get(item))));
                }
            }
            if (onScreen != ReturnStep.RESOLUTION && variants.get(item) != null) {
                fields.add(Map.entry("variant_" + item, variants.get(item)));
            }
        });
        if (onScreen != ReturnStep.RESOLUTION && resolution != null) {
            fields.add(Map.entry("resolution", resolution.name().toLowerCase(Locale.ROOT)));
        }
        if (onScreen != ReturnStep.METHOD && method != null) {
            fields.add(Map.entry("method", method.name().toLowerCase(Locale.ROOT)));
        }
        return fields;
    }

    /**
     * Reads the answers back. On the items step the ticked cards say what is chosen (an item left
     * unticked is not returned, whatever its quantity field says); on the others, the carried fields.
     */
    static ReturnDraft parse(Map<String, List<String>> form, ReturnStep from) {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        Map<Long, Long> reasons = new HashMap<>();
        Map<Long, String> comments = new HashMap<>();
        Map<Long, String> variants = new HashMap<>();
        Map<Long, Long> asked = new HashMap<>();
        List<Long> picked = new ArrayList<>();
        for (String value : form.getOrDefault("pick", List.of())) {
            if (value.matches("\\d{1,18}")) {
                picked.add(Long.parseLong(value));
            }
        }
        form.forEach((name, values) -> {
            String value = values.isEmpty() ? "" : values.get(0);
            int underscore = name.indexOf('_');
            if (underscore < 0 || !name.substring(underscore + 1).matches("\\d{1,18}")) {
                return;
            }
            long item = Long.parseLong(name.substring(underscore + 1));
            switch (name.substring(0, underscore)) {
                // a negative or absurd number is kept as typed: the policy engine answers it in words
                case "qty" -> quantities.put(item, value.matches("-?\\d{1,6}") ? Integer.parseInt(value) : -1);
                case "reason" -> {
                    if (value.matches("\\d{1,18}")) {
                        reasons.put(item, Long.parseLong(value));
                    }
                }
                case "asked" -> {
                    if (value.matches("\\d{1,18}")) {
                        asked.put(item, Long.parseLong(value));
                    }
                }
                case "comment" -> comments.put(item, value.length() > 5_000 ? value.substring(0, 5_000) : value);
                case "variant" -> variants.put(item, value.isBlank() ? null : value);
                default -> { }
            }
        });
        Map<Long, Integer> chosen = quantities;
        if (from == ReturnStep.ITEMS) {
            chosen = new LinkedHashMap<>();
            for (long item : picked) {
                chosen.put(item, quantities.getOrDefault(item, 1));
            }
        }
        String key = first(form, "key");
        return new ReturnDraft(key != null && key.matches("[A-Za-z0-9_-]{16,64}") ? key : Tokens.newToken().substring(0, 32),
                chosen, reasons, comments, variants, asked, enumOf(ReturnPolicy.Resolution.class, first(form, "resolution")),
                enumOf(ReturnPolicy.Method.class, first(form, "method")), List.of());
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        return null;
    }
}
