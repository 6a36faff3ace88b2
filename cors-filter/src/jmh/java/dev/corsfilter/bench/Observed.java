package dev.corsfilter.bench;

import dev.corsfilter.testing.FakeResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one operation did: the status, whether the application ran, and the response header lines.
 *
 * @param status the response status
 * @param statusSet whether the implementation set a status
 * @param chainCalls how often the application (terminal chain or handler) ran
 * @param contentLength the content length set, or -1
 * @param headers the header lines, name and value, in order
 * @param writes the header writes that produced them, when they were recorded; otherwise none
 */
public record Observed(int status, boolean statusSet, int chainCalls, long contentLength, List<String[]> headers,
                       List<FakeResponse.Write> writes) {

    /** All values of a header, one per line, in order. */
    public List<String> values(String name) {
        List<String> out = new ArrayList<>();
        for (String[] line : headers) {
            if (line[0].equalsIgnoreCase(name)) {
                out.add(line[1]);
            }
        }
        return out;
    }

    /** The comma-separated elements of all lines of a header, trimmed. */
    public List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        for (String value : values(name)) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    out.add(token.strip());
                }
            }
        }
        return out;
    }

    /** Whether the elements of a header include {@code token}, ignoring case. */
    public boolean hasToken(String name, String token) {
        return tokens(name).stream().anyMatch(t -> t.equalsIgnoreCase(token));
    }

    /** The one value of a header, or null when absent; "(n lines)" when repeated. */
    public String single(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : "(" + values.size() + " lines)";
    }

    /** Whether any {@code Access-Control-*} header is present. */
    public boolean anyCorsHeader() {
        return headers.stream().anyMatch(line -> line[0].toLowerCase(Locale.ROOT).startsWith("access-control-"));
    }

    /** The longest header value. */
    public int longestValue() {
        return headers.stream().mapToInt(line -> line[1].length()).max().orElse(0);
    }

    /** A short description for the sanity matrix, e.g. {@code 200 app ACAO=https://app.example.com}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(status).append(chainCalls > 0 ? " app" : " no-app");
        String allowOrigin = single("Access-Control-Allow-Origin");
        out.append(allowOrigin == null ? " no-ACAO" : " ACAO");
        String allowHeaders = single("Access-Control-Allow-Headers");
        if (allowHeaders != null) {
            out.append(" ACAH=").append(allowHeaders.length() > 40 ? allowHeaders.length() + "chars" : allowHeaders);
        }
        return out.toString();
    }
}
