package app.landfall.testing;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Chromium for journey tests: PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * else the browser Playwright downloads itself. Never skipped: no browser is a failure.
 */
public final class Browsers {
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private Browsers() {
    }

    public static Playwright playwright() {
        Path chromium = chromiumPath();
        Map<String, String> env = chromium == null ? Map.of() : Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return Playwright.create(new Playwright.CreateOptions().setEnv(env));
    }

    public static Browser chromium(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(ARGS);
        Path chromium = chromiumPath();
        if (chromium != null) {
            options.setExecutablePath(chromium);
        }
        return playwright.chromium().launch(options);
    }

    private static Path chromiumPath() {
        String configured = System.getenv("PLAYWRIGHT_CHROMIUM_PATH");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/bin/chromium");
        return Files.isExecutable(debian) ? debian : null;
    }

    /** axe-core's WCAG 2.2 AA violations on the page as it is now, one line each ("" when clean). */
    public static String accessibilityViolations(Page page) {
        return accessibilityViolations(page, List.of());
    }

    /**
     * The same, leaving out the elements these selectors match: a frame whose sandbox forbids
     * scripts must be left out, or axe waits forever for the script it cannot run in it.
     */
    public static String accessibilityViolations(Page page, List<String> excluded) {
        AxeBuilder axe = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"));
        if (!excluded.isEmpty()) {
            axe.exclude(excluded);
        }
        AxeResults results = axe.analyze();
        return results.getViolations().stream()
                .map(Browsers::describe)
                .collect(Collectors.joining("\n"));
    }

    private static String describe(Rule rule) {
        return rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }

    /** Saves what the page looks like to target/screenshots/<name>.png, for people to look at. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
    }

    /**
     * The pages of one test, each in a context of its own (no cookies shared), with every console
     * error collected: a CSP violation or a script error shows up there.
     */
    public static final class Pages implements AutoCloseable {
        private final com.microsoft.playwright.Browser browser;
        private final List<com.microsoft.playwright.BrowserContext> contexts = new java.util.ArrayList<>();
        private final List<String> consoleErrors = new java.util.ArrayList<>();
        private final java.util.Set<Integer> expectedStatuses = new java.util.HashSet<>();

        public Pages(com.microsoft.playwright.Browser browser) {
            this.browser = browser;
        }

        public Page open(int width, int height, boolean javaScript) {
            com.microsoft.playwright.BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setViewportSize(width, height).setJavaScriptEnabled(javaScript).setLocale("en-US"));
            contexts.add(context);
            Page page = context.newPage();
            page.onConsoleMessage(m -> {
                if (m.type().equals("error") && expectedStatuses.stream()
                        .noneMatch(status -> m.text().equals("Failed to load resource: the server responded with a status of " + status
                                + " (" + (status == 422 ? "Unprocessable Entity" : "") + ")"))) {
                    consoleErrors.add(m.text());
                }
            });
            return page;
        }

        /**
         * A page that answers this status on purpose (a form sent back with errors is 422): Chromium
         * logs it as a failed load, which is then not counted as an error.
         */
        public void expectStatus(int status) {
            expectedStatuses.add(status);
        }

        /** The console errors of all pages so far. */
        public List<String> consoleErrors() {
            return List.copyOf(consoleErrors);
        }

        @Override
        public void close() {
            contexts.forEach(com.microsoft.playwright.BrowserContext::close);
        }
    }
}
