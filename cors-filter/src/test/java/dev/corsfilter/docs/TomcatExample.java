package dev.corsfilter.docs;

// tag::tomcat[]
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import java.nio.file.Files;
import java.time.Duration;

public class TomcatExample {

    public static void main(String[] args) throws Exception {
        start(8080).getServer().await();
    }

    static Tomcat start(int port) throws Exception {
        CorsPolicy policy = CorsPolicy.builder()
                .allowedOrigins("https://app.example.com")
                .allowedMethods("PUT", "DELETE")
                .allowedHeaders("Content-Type", "Authorization")
                .allowCredentials(true)
                .maxAge(Duration.ofMinutes(10))
                .build();

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        tomcat.setPort(port);
        Context context = tomcat.addContext("", null);

        FilterDef cors = new FilterDef();
        cors.setFilterName("cors");
        cors.setFilter(new CorsFilter(policy));
        cors.setAsyncSupported("true");
        context.addFilterDef(cors);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("cors");
        mapping.addURLPattern("/*");
        mapping.setDispatcher("REQUEST");
        mapping.setDispatcher("ASYNC");
        mapping.setDispatcher("ERROR");
        context.addFilterMap(mapping); // filters run in the order their mappings are added: CORS first

        Tomcat.addServlet(context, "api", new ApiServlet()).setAsyncSupported(true);
        context.addServletMapping("/api/*", "api");

        tomcat.getConnector(); // creates the HTTP connector on the port
        tomcat.start();
        return tomcat;
    }
}
// end::tomcat[]
