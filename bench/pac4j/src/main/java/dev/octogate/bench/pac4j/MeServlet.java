package dev.octogate.bench.pac4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/me}: the signed-in user as JSON, the same fields as Octogate's. */
@WebServlet("/api/me")
public final class MeServlet extends HttpServlet {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var user = Pac4jApp.user(request, response);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("login", user.getUsername());
        me.put("id", Long.valueOf(user.getId()));
        me.put("name", user.getDisplayName());
        me.put("avatar_url", user.getPictureUrl() == null ? null : user.getPictureUrl().toString());
        me.put("html_url", user.getProfileUrl() == null ? null : user.getProfileUrl().toString());
        byte[] body = JSON.writeValueAsBytes(me);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
