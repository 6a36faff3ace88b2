package dev.corsfilter.docs;

import dev.corsfilter.testing.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The regions of the example sources marked {@code // tag::name[]} ... {@code // end::name[]}. Regions may
 * nest; marker lines never belong to a region's text.
 */
final class TaggedRegions {

    /**
     * Where the examples live: compiled test sources, sources compiled by the tests themselves, the
     * benchmarks (compiled with {@code -Pbench}), which docs/performance.md may quote, and the Spring Boot
     * starter's examples (compiled and run by that module's tests).
     */
    static final List<String> ROOTS = List.of("cors-filter/src/test/java/dev/corsfilter/docs", "cors-filter/src/jmh/java",
            "cors-filter-micrometer/src/test/java",
            "cors-filter-spring-boot-starter/src/test/java/dev/corsfilter/spring/boot/docs");

    private static final Pattern MARKER = Pattern.compile("^\\s*(?://|#|<!--)\\s*(tag|end)::([\\w.-]+)\\[]\\s*(?:-->)?\\s*$");

    /**
     * A region.
     *
     * @param name its tag
     * @param file the file it is in
     * @param lines its lines, markers of nested regions removed
     */
    record Region(String name, Path file, List<String> lines) {
    }

    private TaggedRegions() {
    }

    /** Every region of every example file, by name; a name used twice is an error. */
    static Map<String, Region> all() {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (String root : ROOTS) {
            if (!Files.isDirectory(Project.path(root))) {
                continue;
            }
            try (Stream<Path> files = Files.walk(Project.path(root))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    for (Region region : regions(file)) {
                        Region previous = regions.put(region.name(), region);
                        if (previous != null) {
                            throw new AssertionError("tag " + region.name() + " is used in " + Project.relative(previous.file())
                                    + " and " + Project.relative(file));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return regions;
    }

    static List<Region> regions(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> open = new LinkedHashMap<>();
        List<Region> done = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (marker.matches()) {
                String name = marker.group(2);
                if (marker.group(1).equals("tag")) {
                    if (open.put(name, new ArrayList<>()) != null) {
                        throw new AssertionError(Project.relative(file) + ":" + (i + 1) + ": tag " + name + " opened twice");
                    }
                } else {
                    List<String> region = open.remove(name);
                    if (region == null) {
                        throw new AssertionError(Project.relative(file) + ":" + (i + 1) + ": end of unopened tag " + name);
                    }
                    done.add(new Region(name, file, List.copyOf(region)));
                }
                continue;
            }
            for (List<String> region : open.values()) {
                region.add(lines.get(i));
            }
        }
        if (!open.isEmpty()) {
            throw new AssertionError(Project.relative(file) + ": tags never closed: " + open.keySet());
        }
        return done;
    }

    /** Lines compared "modulo indentation": leading and trailing white space removed. */
    static List<String> normalized(List<String> lines) {
        List<String> result = new ArrayList<>(lines.stream().map(String::strip).toList());
        while (!result.isEmpty() && result.get(0).isEmpty()) {
            result.remove(0);
        }
        while (!result.isEmpty() && result.get(result.size() - 1).isEmpty()) {
            result.remove(result.size() - 1);
        }
        return result;
    }
}
