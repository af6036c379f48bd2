package dev.octogate.cla;

import java.util.Locale;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Agreement texts are CommonMark, rendered on the server once per version: raw HTML in the text is
 * shown as text, never rendered, and only {@code http}, {@code https} and {@code mailto} links
 * become links (any other link is emptied).
 */
public final class Markdown {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new org.commonmark.renderer.html.UrlSanitizer() {
                @Override
                public String sanitizeLinkUrl(String url) {
                    return allowed(url) ? url : "";
                }

                @Override
                public String sanitizeImageUrl(String url) {
                    return allowed(url) ? url : "";
                }
            })
            .build();

    public String render(String text) {
        return renderer.render(parser.parse(text));
    }

    static boolean allowed(String url) {
        String lower = url.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
    }
}
