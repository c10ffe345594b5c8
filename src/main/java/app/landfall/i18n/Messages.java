package app.landfall.i18n;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/**
 * Page text in the page's language from {@code i18n/messages_<lang>.properties} (UTF-8), falling
 * back to English for a key a translation lacks, so a missing string never shows as {@code ??key??}.
 */
public final class Messages extends AbstractMessageResolver {
    private static final String BUNDLE = "i18n.messages";
    // never fall back to the JVM's default locale: English is the base bundle
    private static final int MAX_LANGUAGES = 64;
    private static final Map<Locale, Map<String, Text>> TEXTS = new ConcurrentHashMap<>();
    private static final ResourceBundle.Control CONTROL = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Messages() {
        setName("landfall");
    }

    /** The text for a key, or null when no bundle has it. */
    public static String text(Locale locale, String key, Object... args) {
        Map<String, Text> texts = TEXTS.get(locale);
        if (texts == null) {
            texts = load(locale);
            if (TEXTS.size() < MAX_LANGUAGES) { // locales come from a short list, but never let the cache grow without bound
                TEXTS.put(locale, texts);
            }
        }
        Text text = texts.get(key);
        if (text == null) {
            return null;
        }
        return args == null || args.length == 0 ? text.plain() : text.format(args);
    }

    /** Every key of a language, with English for those its bundle lacks; built once per language. */
    private static Map<String, Text> load(Locale locale) {
        Map<String, Text> texts = new HashMap<>();
        for (Locale candidate : new Locale[] {Locale.ROOT, locale}) { // the language's own text wins
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, candidate, CONTROL);
                for (String key : bundle.keySet()) {
                    texts.put(key, new Text(bundle.getString(key), locale));
                }
            } catch (MissingResourceException e) {
                // no bundle for this language: the base one stays
            }
        }
        return Map.copyOf(texts);
    }

    /** One message: its pattern parsed once; {@link MessageFormat} is not thread-safe, so each use formats a copy. */
    private record Text(String plain, MessageFormat format) {
        Text(String pattern, Locale locale) {
            this(pattern.replace("''", "'"), new MessageFormat(pattern, locale));
        }

        String format(Object[] args) {
            return ((MessageFormat) format.clone()).format(args);
        }
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
