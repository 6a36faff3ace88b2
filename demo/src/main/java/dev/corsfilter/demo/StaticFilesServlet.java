package dev.corsfilter.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serves a fixed set of files from the class path folder {@code demo/}. Each origin lists exactly the
 * files it serves, so the not-allowed origin cannot serve the playground by accident; the files are read
 * once, at start-up, and a missing one stops the demo from starting rather than showing a broken page.
 */
final class StaticFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "png", "image/png");

    private final transient Map<String, byte[]> files = new LinkedHashMap<>();
    private final transient Map<String, String> types = new LinkedHashMap<>();

    /**
     * Loads the files.
     *
     * @param pathsToFiles request paths, such as {@code /}, to file names in {@code demo/}
     * @throws IllegalStateException when a file is missing
     */
    StaticFilesServlet(Map<String, String> pathsToFiles) {
        pathsToFiles.forEach((path, file) -> {
            files.put(path, read(file));
            types.put(path, CONTENT_TYPES.getOrDefault(file.substring(file.lastIndexOf('.') + 1),
                    "application/octet-stream"));
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        byte[] content = files.get(path);
        if (content == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(types.get(path));
        // The demo is for tinkering: a reload must show edited files, never a cached copy.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    private static byte[] read(String file) {
        String name = "demo/" + file;
        try (InputStream in = StaticFilesServlet.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("demo file missing from the class path: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
