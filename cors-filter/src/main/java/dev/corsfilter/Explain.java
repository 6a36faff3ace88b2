package dev.corsfilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line, the jar's main class: evaluates a policy file against a described request and prints what
 * the filter would do and why. The jar runs on its own; SLF4J is not needed.
 *
 * <pre>
 * java -jar cors-filter.jar --config cors.properties \
 *      --origin https://app.example.com --method PUT --headers content-type,x-request-id --preflight
 * </pre>
 *
 * <p>The file uses the init-param names ({@code allowed-origins=…}). Exit status: 0 when the request is
 * allowed (and for {@code --help}), 1 when it is refused, 2 when the arguments or the policy are invalid.
 * {@code shadow-report LOGFILE} instead counts the shadow disagreements a log holds, per origin (see
 * {@link CorsFilter#shadow(CorsPolicy)}).
 */
public final class Explain {

    private static final String USAGE = """
            usage: java -jar cors-filter.jar --config FILE [--origin ORIGIN] [--method METHOD] [--headers NAMES]
                                             [--preflight] [--path PATH]
            Says what the CORS filter would answer to a request, and why.
              --config     a properties file with the filter's settings (allowed-origins=..., see the docs)
              --origin     the request's Origin header; leave out for a request without one
              --method     the request method (with --preflight: the method the pre-flight asks for); default GET
              --headers    with --preflight: the Access-Control-Request-Headers value, e.g. content-type,x-id
              --preflight  evaluate the OPTIONS pre-flight a browser sends before the request
              --path       the request path, for a file with per-path policies; default /
              --help       this text
            Exit status: 0 allowed, 1 refused, 2 invalid arguments or policy.
            or:    java -jar cors-filter.jar shadow-report LOGFILE
              counts the shadow disagreements in a log (DEBUG lines of the logger dev.corsfilter.shadow): per origin,
              how many requests the shadow policy would refuse, allow or answer with other headers""";

    private Explain() {
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the arguments, see the class comment
     */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @param args the arguments
     * @param out where the explanation goes
     * @param err where errors go
     * @return 0 allowed (or help asked for), 1 refused, 2 invalid arguments or policy
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        if (!args.isEmpty() && args.get(0).equals("shadow-report")) {
            return shadowReport(args.subList(1, args.size()), out, err);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--preflight")) {
                options.put(arg, "true");
            } else if (List.of("--config", "--origin", "--method", "--headers", "--path").contains(arg) && i + 1 < args.size()) {
                options.put(arg, args.get(++i));
            } else {
                err.println("unknown or incomplete argument: " + arg);
                err.println(USAGE);
                return 2;
            }
        }
        if (!options.containsKey("--config")) {
            err.println(USAGE);
            return 2;
        }
        CorsPolicy policy;
        try {
            ConfigurationSources sources = new ConfigurationSources(
                    Map.of(ConfigurationSources.CONFIG_FILE, options.get("--config")), Map.of(), Map.of());
            InitParameters.Configuration configuration = sources.configuration(sources.readFile());
            String path = options.getOrDefault("--path", "/");
            policy = configuration.policy() != null ? configuration.policy() : configuration.paths().find(path);
            if (policy == null) {
                out.println("no policy covers path " + path + ": the filter adds no CORS headers there");
                return 1;
            }
        } catch (InvalidCorsPolicyException e) {
            err.println(e.getMessage());
            return 2;
        }
        String method = options.getOrDefault("--method", "GET");
        String origin = options.get("--origin");
        CorsRequest request = options.containsKey("--preflight")
                ? CorsRequest.preflight(origin, method, options.get("--headers"))
                : CorsRequest.actual(method, origin);
        if (request.origin() == null && options.containsKey("--preflight")) {
            err.println("--preflight needs --origin: a pre-flight always carries one");
            return 2;
        }
        CorsEvaluation evaluation = policy.evaluate(request);
        out.println(evaluation.explain());
        return evaluation.allowed() ? 0 : 1;
    }

    /** Prints the shadow report of a log file; 0 when it could be read, 2 otherwise. */
    private static int shadowReport(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println(USAGE);
            return 2;
        }
        // An InputStreamReader replaces malformed bytes instead of failing: logs hold whatever was logged.
        try (BufferedReader log = new BufferedReader(new InputStreamReader(Files.newInputStream(Path.of(args.get(0))),
                StandardCharsets.UTF_8))) {
            ShadowReport.read(log).print(out);
            return 0;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            err.println("cannot read " + args.get(0) + ": " + e.getMessage());
            return 2;
        }
    }
}
