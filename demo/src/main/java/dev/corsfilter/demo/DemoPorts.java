package dev.corsfilter.demo;

import java.util.Properties;

/**
 * The ports the demo asks for, read from command-line arguments and system properties.
 *
 * <p>Arguments win over system properties, which win over the defaults 8080 (API), 8081 (page) and 8082
 * (other origin):
 *
 * <pre>
 *   --port N         (-Dport=N)         API on N, page on N+1, other origin on N+2
 *   --api-port N     (-Dapi.port=N)
 *   --page-port N    (-Dpage.port=N)
 *   --other-port N   (-Dother.port=N)
 * </pre>
 *
 * <p>{@code --name=N} works too. Port 0 means any free port. A default port that is busy is replaced by a
 * free one; a port asked for explicitly is not, so that a typo is not hidden.
 *
 * @param api the API's port
 * @param page the playground page's port
 * @param other the not-allowed origin's port
 */
public record DemoPorts(Port api, Port page, Port other) {

    /** The first default port; the page and other origin follow it. */
    public static final int DEFAULT_BASE = 8080;

    /** How to set the ports, for error messages and {@code --help}. */
    public static final String USAGE = """
            Options (or the system properties in brackets):
              --port N        API on N, page on N+1, other origin on N+2 (-Dport=N; default 8080)
              --api-port N    the API's port (-Dapi.port=N)
              --page-port N   the playground page's port (-Dpage.port=N)
              --other-port N  the not-allowed origin's port (-Dother.port=N)
            Port 0 picks any free port.""";

    /**
     * A port to listen on.
     *
     * @param number the port number; 0 for any free port
     * @param fallBackToFree whether another free port may be used when this one is busy
     */
    public record Port(int number, boolean fallBackToFree) {

        /**
         * Checks the number.
         *
         * @param number the port number
         * @param fallBackToFree whether a free port may replace a busy one
         */
        public Port {
            if (number < 0 || number > 65535) {
                throw new IllegalArgumentException("port " + number + " is not from 0 to 65535");
            }
        }
    }

    /**
     * Any free ports, as tests want them.
     *
     * @return three port 0 requests
     */
    public static DemoPorts anyFree() {
        Port any = new Port(0, false);
        return new DemoPorts(any, any, any);
    }

    /**
     * Reads the ports from arguments and system properties.
     *
     * @param args the command-line arguments
     * @param properties the system properties
     * @return the ports
     * @throws IllegalArgumentException for an unknown argument or a value that is not a port number
     */
    public static DemoPorts parse(String[] args, Properties properties) {
        Properties settings = new Properties();
        for (String name : new String[] {"port", "api.port", "page.port", "other.port"}) {
            String value = properties.getProperty(name);
            if (value != null) {
                settings.setProperty(name, value);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String option = equals < 0 ? arg : arg.substring(0, equals);
            String key = switch (option) {
                case "--port" -> "port";
                case "--api-port" -> "api.port";
                case "--page-port" -> "page.port";
                case "--other-port" -> "other.port";
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            };
            if (equals >= 0) {
                settings.setProperty(key, arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                settings.setProperty(key, args[++i]);
            } else {
                throw new IllegalArgumentException(option + " needs a port number");
            }
        }
        String base = settings.getProperty("port");
        int baseNumber = base == null ? DEFAULT_BASE : number("port", base);
        // A base given explicitly, or port 0, covers all three: "--port 0" means three free ports.
        return new DemoPorts(
                port(settings, "api.port", baseNumber, 0, base != null),
                port(settings, "page.port", baseNumber, 1, base != null),
                port(settings, "other.port", baseNumber, 2, base != null));
    }

    private static Port port(Properties settings, String key, int base, int offset, boolean baseExplicit) {
        String value = settings.getProperty(key);
        if (value != null) {
            return new Port(number(key, value), false);
        }
        return new Port(base == 0 ? 0 : base + offset, !baseExplicit);
    }

    private static int number(String name, String value) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 0 || number > 65535) {
                throw new IllegalArgumentException(name + " is " + value + "; write a port from 0 to 65535");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is \"" + value + "\"; write a port from 0 to 65535", e);
        }
    }
}
