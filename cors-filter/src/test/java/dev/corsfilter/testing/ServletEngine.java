package dev.corsfilter.testing;

/** The servlet containers the integration tests run on, each embedded and listening on a free loopback port. */
public enum ServletEngine {

    /** Eclipse Jetty 12 (ee10, Servlet 6.0). */
    JETTY {
        @Override
        public RunningServer start(WebApp app) {
            return JettyServer.start(app);
        }
    },

    /** Apache Tomcat 11 (Servlet 6.1). */
    TOMCAT {
        @Override
        public RunningServer start(WebApp app) {
            return TomcatServer.start(app);
        }
    };

    /**
     * Deploys an application and starts the server.
     *
     * @param app the application
     * @return the running server; close it to stop it
     */
    public abstract RunningServer start(WebApp app);
}
