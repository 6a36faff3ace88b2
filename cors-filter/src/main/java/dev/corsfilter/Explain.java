package dev.corsfilter;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: evaluates a policy file against a described request and prints what the filter would
 * do and why.
 *
 * <pre>
 * java -cp cors-filter.jar:slf4j-api.jar dev.corsfilter.Explain --config cors.properties \
 *      --origin https://app.example.com --method PUT --headers content-type,x-request-id --preflight
 * </pre>
 *
 * <p>The file uses the init-param names ({@code allowed-origins=…}). Exit status: 0 when the request is
 * allowed, 1 when it is refused, 2 when the arguments or the policy are invalid.
 */
public final class Explain {

    private static final String USAGE = """
            usage: Explain --config FILE [--origin ORIGIN] [--method METHOD] [--headers NAMES] [--preflight] [--path PATH]
              --config     a properties file with the filter's settings (allowed-origins=..., see the docs)
              --origin     the request's Origin header; leave out for a request without one
              --method     the request method (with --preflight: the method the pre-flight asks for); default GET
              --headers    with --preflight: the Access-Control-Request-Headers value, e.g. content-type,x-id
              --preflight  evaluate the OPTIONS pre-flight a browser sends before the request
              --path       the request path, for a file with per-path policies; default /""";

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
     * @return 0 allowed, 1 refused, 2 invalid arguments or policy
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
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
}
