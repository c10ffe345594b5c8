package app.landfall.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A store's own words for a message, in the small placeholder language of docs/notifications.md:
 * text, and {@code {{name}}} where a fact of the parcel or return goes. Parsing is strict, so a typo
 * is a form error (with its line and column), never a message that says "{{oder_number}}" to a
 * customer. Rendering makes plain text: escaping is the email layout's job (it escapes every word).
 */
final class WordsTemplate {
    static final int SUBJECT_MAX = 150;
    static final int BODY_MAX = 2000;
    /** A text of four SMS at most, once the opt-out line is added. */
    static final int TEXT_MAX = 560;

    /** A piece of a template: words as written, or a placeholder. */
    sealed interface Part permits Words, Slot {
    }

    record Words(String text) implements Part {
    }

    record Slot(Placeholder placeholder) implements Part {
    }

    /** What is wrong, in words that say how to fix it, and where (1-based). */
    record Problem(String message, int line, int column) {
    }

    static final class Invalid extends Exception {
        private final transient List<Problem> problems;

        Invalid(List<Problem> problems) {
            super(problems.get(0).message(), null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    private final List<Part> parts;

    private WordsTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    List<Part> parts() {
        return parts;
    }

    /** A subject: one line, at most {@link #SUBJECT_MAX} characters. */
    static WordsTemplate subject(String source, Placeholder.Kind kind) throws Invalid {
        List<Problem> problems = new ArrayList<>();
        String text = source == null ? "" : source.strip();
        int lineBreak = indexOfLineBreak(text);
        if (text.isEmpty()) {
            problems.add(new Problem("Write a subject.", 1, 1));
        } else if (lineBreak >= 0) {
            // a line break in a subject would start a new header of the email
            problems.add(new Problem("A subject is one line: remove the line break after \"" + text.substring(0, lineBreak).strip() + "\".",
                    1, lineBreak + 1));
        } else if (text.length() > SUBJECT_MAX) {
            problems.add(new Problem("A subject has at most " + SUBJECT_MAX + " characters; this one has " + text.length() + ".",
                    1, SUBJECT_MAX + 1));
        }
        return parse(text, kind, problems);
    }

    /** A message's body: paragraphs separated by a blank line, at most {@link #BODY_MAX} characters. */
    static WordsTemplate body(String source, Placeholder.Kind kind) throws Invalid {
        return body(source, kind, BODY_MAX);
    }

    /** An SMS or WhatsApp message: like a body, at most {@link #TEXT_MAX} characters. */
    static WordsTemplate text(String source, Placeholder.Kind kind) throws Invalid {
        return body(source, kind, TEXT_MAX);
    }

    private static WordsTemplate body(String source, Placeholder.Kind kind, int max) throws Invalid {
        List<Problem> problems = new ArrayList<>();
        String text = source == null ? "" : source.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            problems.add(new Problem("Write the message.", 1, 1));
        } else if (text.length() > max) {
            problems.add(new Problem("A message has at most " + max + " characters; this one has " + text.length() + ".", 1, 1));
        }
        return parse(text, kind, problems);
    }

    private static WordsTemplate parse(String text, Placeholder.Kind kind, List<Problem> problems) throws Invalid {
        List<Part> parts = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            int strayClose = text.indexOf("}}", i);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                problems.add(problem(text, strayClose, "\"}}\" closes no placeholder: remove it, or open the placeholder with \"{{\"."));
                i = strayClose + 2;
                continue;
            }
            if (open < 0) {
                words.append(text, i, text.length());
                break;
            }
            words.append(text, i, open);
            int close = text.indexOf("}}", open + 2);
            int nextOpen = text.indexOf("{{", open + 2);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                problems.add(problem(text, open, "\"{{\" is never closed: end the placeholder with \"}}\", as in {{order_number}}."));
                i = open + 2;
                continue;
            }
            String name = text.substring(open + 2, close).strip();
            String written = "{{" + text.substring(open + 2, close) + "}}";
            var placeholder = Placeholder.byCode(name);
            if (name.isEmpty()) {
                problems.add(problem(text, open, "An empty placeholder {{}}: write a name between the braces, or remove them."));
            } else if (placeholder.isEmpty()) {
                String guess = closest(name, kind);
                problems.add(problem(text, open, written + " is not a placeholder" + (guess == null ? "." : ". Did you mean {{" + guess + "}}?")));
            } else if (!placeholder.get().in(kind)) {
                problems.add(problem(text, open, written + " is not available in " + kind.words() + " messages."));
            } else {
                if (!words.isEmpty()) {
                    parts.add(new Words(words.toString()));
                    words.setLength(0);
                }
                parts.add(new Slot(placeholder.get()));
            }
            i = close + 2;
        }
        if (!words.isEmpty()) {
            parts.add(new Words(words.toString()));
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new WordsTemplate(parts);
    }

    /** The words with each placeholder filled in ({@code values} by code; a missing one is empty). */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part instanceof Slot s ? value(values, s.placeholder()) : ((Words) part).text());
        }
        return out.toString();
    }

    /**
     * The filled-in paragraphs (split on blank lines). A paragraph whose placeholders are all empty
     * is left out: "Estimated delivery: {{estimated_delivery}}" says nothing when there is no estimate.
     */
    List<String> paragraphs(Map<String, String> values) {
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        boolean[] slots = {false, false}; // has a placeholder, has a filled one
        for (Part part : parts) {
            if (part instanceof Slot s) {
                String value = value(values, s.placeholder());
                slots[0] = true;
                slots[1] |= !value.isBlank();
                paragraph.append(value);
                continue;
            }
            String[] pieces = ((Words) part).text().split("\\n[ \\t]*\\n", -1);
            for (int p = 0; p < pieces.length; p++) {
                if (p > 0) {
                    finish(out, paragraph, slots);
                }
                paragraph.append(pieces[p]);
            }
        }
        finish(out, paragraph, slots);
        return out;
    }

    private static String value(Map<String, String> values, Placeholder placeholder) {
        String value = values.get(placeholder.code());
        return value == null ? "" : value;
    }

    private static void finish(List<String> out, StringBuilder paragraph, boolean[] slots) {
        String text = paragraph.toString().strip();
        if (!text.isEmpty() && (!slots[0] || slots[1])) {
            out.add(text);
        }
        paragraph.setLength(0);
        slots[0] = false;
        slots[1] = false;
    }

    private static Problem problem(String text, int at, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = at - lineStart + 1;
        return new Problem(message + " (line " + line + ", column " + column + ")", line, column);
    }

    private static int indexOfLineBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                return i;
            }
        }
        return -1;
    }

    /** The placeholder of this kind a typo most likely meant, if one is close. */
    private static String closest(String typed, Placeholder.Kind kind) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = typed.toLowerCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Placeholder p : Placeholder.of(kind)) {
            int d = distance(lower, p.code());
            if (d < bestDistance) {
                bestDistance = d;
                best = p.code();
            }
        }
        return bestDistance <= Math.max(2, typed.length() / 4) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
