package dev.corsfilter.javax;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pom published with cors-filter-javax (maven-shade-plugin's dependency-reduced pom) gives users what the
 * core gives them: slf4j-api as the only runtime dependency, the servlet API provided by the container, and
 * no dependency on the jakarta cors-filter jar, whose classes are inside.
 */
class PublishedPomTest {

    @Test
    void slf4jApiIsTheOnlyRuntimeDependency() throws Exception {
        File pom = new File(System.getProperty("publishedPom"));
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom).getDocumentElement();
        NodeList dependencies = project.getElementsByTagName("dependency");
        List<String> runtime = new ArrayList<>();
        List<String> provided = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String coordinates = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
            String scope = text(dependency, "scope");
            if (scope == null || scope.equals("compile") || scope.equals("runtime")) {
                runtime.add(coordinates);
            } else if (scope.equals("provided")) {
                provided.add(coordinates);
            }
        }
        assertThat(runtime).containsExactly("org.slf4j:slf4j-api");
        assertThat(provided).containsExactly("javax.servlet:javax.servlet-api");
    }

    private static String text(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        return children.getLength() == 0 ? null : children.item(0).getTextContent().strip();
    }
}
