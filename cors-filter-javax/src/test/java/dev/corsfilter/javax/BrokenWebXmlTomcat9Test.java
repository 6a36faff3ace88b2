package dev.corsfilter.javax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invalid policy in web.xml stops the webapp on Tomcat 9, and with the SLF4J provider the docs name for
 * Tomcat (slf4j-jdk14) the reason reaches Tomcat's log: the library's problem list, not only Tomcat's
 * "One or more Filters failed to start".
 */
class BrokenWebXmlTomcat9Test {

    @Test
    void anInvalidPolicyStopsTheWebappWithTheProblemsInTomcatsLog(@TempDir Path tomcatFiles) throws Exception {
        try (JulRecorder library = JulRecorder.start("dev.corsfilter", Level.INFO);
             JulRecorder tomcatLog = JulRecorder.start("org.apache.catalina.core", Level.INFO);
             Tomcat9Server tomcat = Tomcat9Server.start("broken", tomcatFiles)) {

            assertThat(tomcat.available(Tomcat9Server.VALVE)).isFalse();
            assertThat(library.lines()).anySatisfy(line -> assertThat(line)
                    .startsWith("SEVERE CORS filter 'cors' not started: Invalid CORS policy (2 problems):")
                    .contains("\"https://app.example.com/\" has a path")
                    .contains("unknown init-param \"allowed-method\"; did you mean \"allowed-methods\"?"));
            assertThat(tomcatLog.lines()).anySatisfy(line -> assertThat(line).contains("One or more Filters failed to start"));
        }
    }
}
