package app.landfall.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/**
 * Page text in the page's language from {@code i18n/messages_<lang>.properties} (UTF-8), falling
 * back to English for a key a translation lacks, so a missing string never shows as {@code ??key??}.
 */
public final class Messages extends AbstractMessageResolver {
    private static final String BUNDLE = "i18n.messages";
    // never fall back to the JVM's default locale: English is the base bundle
    private static final ResourceBundle.Control CONTROL = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Messages() {
        setName("landfall");
    }

    /** The text for a key, or null when no bundle has it. */
    public static String text(Locale locale, String key, Object... args) {
        String pattern = pattern(locale, key);
        if (pattern == null) {
            return null;
        }
        return args == null || args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
    }

    private static String pattern(Locale locale, String key) {
        for (Locale candidate : new Locale[] {locale, Locale.ROOT}) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, candidate, CONTROL);
                if (bundle.containsKey(key)) {
                    return bundle.getString(key);
                }
            } catch (MissingResourceException e) {
                // no bundle for this language: try the base one
            }
        }
        return null;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        return text(context.getLocale(), key, messageParameters);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        return "??" + key + "??";
    }
}
