package dev.corsfilter.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the project's files are, for tests that read the documentation, the build and the examples' sources. */
public final class Project {

    private static final Path ROOT = findRoot();

    private Project() {
    }

    /**
     * A file or directory of the project.
     *
     * @param relative its path from the project's root, e.g. {@code docs/configuration.md}
     * @return the path
     */
    public static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    /**
     * A path as seen from the project's root, for messages.
     *
     * @param path a path inside the project
     * @return the relative path
     */
    public static String relative(Path path) {
        return ROOT.relativize(path.toAbsolutePath()).toString();
    }

    /**
     * The directories of the build's modules, as the parent pom lists them.
     *
     * @return the module directories, relative to the root
     * @throws IOException when the pom cannot be read
     */
    public static List<String> modules() throws IOException {
        String parent = Files.readString(path("pom.xml"));
        List<String> modules = new ArrayList<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (module.find()) {
            modules.add(module.group(1));
        }
        return modules;
    }

    /**
     * The artifact ids of the build's modules.
     *
     * @return the artifact ids
     * @throws IOException when a pom cannot be read
     */
    public static List<String> moduleArtifactIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String module : modules()) {
            String pom = Files.readString(path(module).resolve("pom.xml"));
            String own = pom.substring(pom.indexOf("</parent>"));
            Matcher id = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(own);
            if (id.find()) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }

    /**
     * The parent pom and every module's pom, one after the other.
     *
     * @return the poms' text
     * @throws IOException when a pom cannot be read
     */
    public static String allPoms() throws IOException {
        StringBuilder poms = new StringBuilder(Files.readString(path("pom.xml")));
        for (String module : modules()) {
            poms.append(Files.readString(path(module).resolve("pom.xml")));
        }
        return poms.toString();
    }

    private static Path findRoot() {
        String basedir = System.getProperty("basedir");
        Path start = Path.of(basedir != null ? basedir : "").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("docs"))) {
                // The build's root, beside the documentation; the modules lie below it.
                return dir;
            }
        }
        throw new IllegalStateException("no project root (pom.xml beside docs/) above " + start);
    }
}
