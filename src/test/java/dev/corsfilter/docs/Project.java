package dev.corsfilter.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's files are, for tests that read the documentation and the examples' sources. */
final class Project {

    private static final Path ROOT = findRoot();

    private Project() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String relative(Path path) {
        return ROOT.relativize(path.toAbsolutePath()).toString();
    }

    private static Path findRoot() {
        String basedir = System.getProperty("basedir");
        Path start = Path.of(basedir != null ? basedir : "").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no project root (pom.xml beside docs/) above " + start);
    }
}
