package dev.corsfilter.docs;

import dev.corsfilter.javax.Tomcat9Server;
import dev.corsfilter.testing.RawHttp;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Servlet 4.0 {@code web.xml} of the documentation ({@code xmlns.jcp.org}) deployed on Tomcat 9 with
 * cors-filter-javax, as the docs promise: the webapp starts, and a pre-flight and a request from
 * {@code https://app.example.com} get their CORS headers. The docs' web.xml declares only the filter; the
 * harness's probe servlet is added to it to answer.
 */
class DocWebXmlTomcat9Test {

    private static final String APP = "https://app.example.com";
    private static final String PROBE = """
              <servlet>
                <servlet-name>probe</servlet-name>
                <servlet-class>dev.corsfilter.browser.ProbeServlet</servlet-class>
                <async-supported>true</async-supported>
              </servlet>
              <servlet-mapping>
                <servlet-name>probe</servlet-name>
                <url-pattern>/</url-pattern>
              </servlet-mapping>
            </web-app>""";

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyServletFourWebXmlRunsOnTomcat9() {
        List<Markdown.Block> blocks = Markdown.allBlocks().stream()
                .filter(block -> block.language().equals("xml") && block.content().contains("xmlns.jcp.org")).toList();
        assertThat(blocks).as("Servlet 4.0 web.xml blocks in the docs").hasSizeGreaterThanOrEqualTo(2);
        return blocks.stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> {
            Path webapp = Files.createTempDirectory(temp, "webapp");
            Files.createDirectories(webapp.resolve("WEB-INF"));
            Files.writeString(webapp.resolve("WEB-INF/web.xml"), block.content().replace("</web-app>", PROBE));
            try (Tomcat9Server tomcat = Tomcat9Server.start(webapp, Files.createTempDirectory(temp, "tomcat"))) {
                assertThat(tomcat.available(Tomcat9Server.VALVE)).as(block + " deploys").isTrue();
                RawHttp.Response preflight = RawHttp.send(tomcat.port(), "OPTIONS", "/valve/items/echo",
                        "Origin", APP, "Access-Control-Request-Method", "PUT");
                RawHttp.Response get = RawHttp.send(tomcat.port(), "GET", "/valve/items/echo", "Origin", APP);

                assertThat(preflight.status()).isEqualTo(204);
                assertThat(preflight.values("Access-Control-Allow-Methods")).containsExactly("PUT");
                assertThat(get.status()).isEqualTo(200);
                assertThat(get.values("Access-Control-Allow-Origin")).containsExactly(APP);
                assertThat(get.values("Access-Control-Allow-Credentials")).containsExactly("true");
            }
        }));
    }
}
