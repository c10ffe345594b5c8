package app.landfall.notifications;

import java.util.List;

/**
 * What one email says, before it is laid out: the same words make its HTML part (the branded
 * layout in {@code templates/email/message.html}) and its plain-text part, so the two never differ.
 *
 * @param preheader the line inboxes show after the subject
 * @param action    the one button (and its link), or null
 * @param footer    small print: why the recipient gets this, what to do if it was not them
 * @param preferences the link to the recipient's email preferences (shoppers' emails), or null (staff's)
 */
record EmailContent(String language, String subject, String preheader, String heading, List<String> paragraphs,
        Action action, List<String> footer, Action preferences) {

    EmailContent(String language, String subject, String preheader, String heading, List<String> paragraphs, Action action,
            List<String> footer) {
        this(language, subject, preheader, heading, paragraphs, action, footer, null);
    }

    /** The same words with a link to the recipient's email preferences in the small print. */
    EmailContent withPreferences(Action link) {
        return new EmailContent(language, subject, preheader, heading, paragraphs, action, footer, link);
    }

    /** The same words with another button (the same one through the click-counting redirect). */
    EmailContent withAction(Action button) {
        return new EmailContent(language, subject, preheader, heading, paragraphs, button, footer, preferences);
    }

    record Action(String label, String url) {
    }

    EmailContent {
        subject = oneLine(subject);
        paragraphs = List.copyOf(paragraphs);
        footer = List.copyOf(footer);
    }

    /** The plain-text alternative: the same words, the link written out. */
    String text(String storeName) {
        StringBuilder text = new StringBuilder();
        text.append(heading).append("\n\n");
        paragraphs.forEach(p -> text.append(p).append("\n\n"));
        if (action != null) {
            text.append(action.label()).append(":\n").append(action.url()).append("\n\n");
        }
        text.append("-- \n").append(storeName).append("\n");
        footer.forEach(f -> text.append(f).append("\n"));
        if (preferences != null) {
            text.append(preferences.label()).append(": ").append(preferences.url()).append("\n");
        }
        return text.toString();
    }

    /** A subject is one line: a CR or LF in a store's name or a template must not start a new header. */
    static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
}
