package dev.corsfilter.docs;

import dev.corsfilter.testing.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The fenced code blocks of the project's Markdown documentation, read the way a renderer reads them. */
final class Markdown {

    /**
     * One fenced block.
     *
     * @param file the Markdown file
     * @param line the 1-based line of the opening fence
     * @param language the info string after the fence, e.g. {@code java}; empty when there is none
     * @param content the lines between the fences, joined with {@code \n}, without a final new line
     */
    record Block(Path file, int line, String language, String content) {

        List<String> lines() {
            return content.lines().toList();
        }

        @Override
        public String toString() {
            return Project.relative(file) + ":" + line + " (```" + language + ")";
        }
    }

    private Markdown() {
    }

    /** The documents whose blocks must be tested: README.md and docs/*.md. */
    static List<Path> documents() {
        List<Path> documents = new ArrayList<>();
        documents.add(Project.path("README.md"));
        try (Stream<Path> docs = Files.list(Project.path("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /**
     * Every Markdown file of the repository: the documents above, the other modules' and the project files
     * (CONTRIBUTING.md, SECURITY.md, ...), but nothing under a build's {@code target} or a hidden directory.
     */
    static List<Path> everyMarkdownFile() throws IOException {
        Path root = Project.path("");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> {
                        for (Path part : root.relativize(path)) {
                            if (part.toString().equals("target") || part.toString().startsWith(".")
                                    || part.toString().equals("node_modules")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().toList();
        }
    }

    /** Every fenced block of every document, in document order. */
    static List<Block> allBlocks() {
        return documents().stream().flatMap(file -> blocks(file).stream()).toList();
    }

    /**
     * The fenced blocks of one file. Only back-tick fences at the start of a line (after optional indentation)
     * are recognised; the closing fence must be at least as long as the opening one.
     */
    static List<Block> blocks(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String opening = lines.get(i).stripLeading();
            if (!opening.startsWith("```")) {
                continue;
            }
            int fence = countBackticks(opening);
            String language = opening.substring(fence).strip();
            List<String> content = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !isClosing(lines.get(j), fence)) {
                content.add(lines.get(j));
                j++;
            }
            if (j == lines.size()) {
                throw new AssertionError(Project.relative(file) + ":" + (i + 1) + ": code fence is never closed");
            }
            blocks.add(new Block(file, i + 1, language, String.join("\n", content)));
            i = j;
        }
        return blocks;
    }

    /** The text of a document, for checks on prose and links. */
    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isClosing(String line, int fence) {
        String stripped = line.strip();
        return stripped.startsWith("```") && countBackticks(stripped) >= fence && stripped.chars().allMatch(c -> c == '`');
    }

    private static int countBackticks(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '`') {
            n++;
        }
        return n;
    }
}
