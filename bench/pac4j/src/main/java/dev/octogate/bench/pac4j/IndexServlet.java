package dev.octogate.bench.pac4j;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /}: greets the signed-in user, as Octogate's page does. */
@WebServlet("")
public final class IndexServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var user = Pac4jApp.user(request, response);
        String avatar = user.getPictureUrl() == null ? ""
                : "<img class=\"avatar\" src=\"" + escape(user.getPictureUrl().toString()) + "\" alt=\"\" width=\"96\" height=\"96\">\n";
        String name = user.getDisplayName() == null ? "" : "<p class=\"name\">" + escape(user.getDisplayName()) + "</p>\n";
        String link = user.getProfileUrl() == null ? ""
                : "<p><a href=\"" + escape(user.getProfileUrl().toString()) + "\">Your GitHub profile</a></p>\n";
        byte[] page = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Hello "
                + escape(user.getUsername()) + "</title>\n</head>\n<body>\n" + avatar
                + "<h1>Hello " + escape(user.getUsername()) + "!</h1>\n" + name + link + "</body>\n</html>\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
