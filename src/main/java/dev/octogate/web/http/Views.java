package dev.octogate.web.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Renders pages with jte. The templates were compiled with the app (the build's {@code generate}
 * step), so nothing is compiled at run time; their static parts are UTF-8 bytes already, written
 * as they are.
 */
public final class Views {

    private final TemplateEngine engine;

    public Views() {
        // jte finds precompiled templates through the context class loader: make it the app's own,
        // whatever the container has set at this moment.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Views.class.getClassLoader());
        try {
            engine = TemplateEngine.createPrecompiled(ContentType.Html);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The page's HTML, whole. */
    public byte[] render(Page page) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(page.template(), page, out);
        return out.toByteArray();
    }

    /** Writes the page as the response, with its length. */
    public void write(HttpServletResponse response, int status, Page page) throws IOException {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(page.template(), page, out);
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(out.getContentLength());
        out.writeTo(response.getOutputStream());
    }
}
