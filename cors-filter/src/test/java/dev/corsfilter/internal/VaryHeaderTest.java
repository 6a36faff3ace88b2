package dev.corsfilter.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VaryHeaderTest {

    @ParameterizedTest(name = "{0} + [{1}] is missing [{2}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "'' | Origin | Origin",
            "Accept-Encoding | Origin | Origin",
            "Accept-Encoding/Cookie | Origin | Origin",
            "Origin | Origin | NULL",
            "origin | Origin | NULL",
            "Accept-Encoding/Cookie, ORIGIN | Origin | NULL",
            "Accept/ origin | Origin, Access-Control-Request-Method | Access-Control-Request-Method",
            "Originals | Origin | Origin",
            "'' | Origin, origin, Cookie | Origin, Cookie",
            "'' | Origin,, Cookie | Origin, Cookie",
            "Cookie | Origin, Cookie, Accept | Origin, Accept",
    })
    void findsTheMembersNoLineLists(String lines, String candidates, String missing) {
        assertThat(VaryHeader.missing(lines(lines), candidates)).isEqualTo(missing);
    }

    @Test
    void returnsTheCandidatesThemselvesWhenAllAreMissing() {
        String candidates = "Origin, Access-Control-Request-Method";
        assertThat(VaryHeader.missing(List.of("Accept-Encoding", "Cookie"), candidates)).isSameAs(candidates);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"* | true", "Accept-Encoding/Cookie,* | true", "Cookie/ * | true",
            "Accept-Encoding/Cookie | false", "'' | false", "*x | false"})
    void seesAWildcardOnAnyLine(String lines, boolean wildcard) {
        assertThat(VaryHeader.isWildcard(lines(lines))).isEqualTo(wildcard);
    }

    /** Adding what is missing as a new line gives the union of both lists, each member once. */
    @Property(tries = 2_000)
    void addingTheMissingMembersGivesTheUnionOnce(@ForAll("lines") List<String> lines,
                                                  @ForAll("members") List<String> candidates) {
        String missing = VaryHeader.missing(lines, String.join(", ", candidates));
        List<String> after = new ArrayList<>(lines);
        if (missing != null) {
            after.add(missing);
        }
        Set<String> expected = new LinkedHashSet<>(members(lines));
        candidates.forEach(candidate -> expected.add(candidate.toLowerCase(Locale.ROOT)));
        List<String> members = members(after);
        assertThat(new LinkedHashSet<>(members)).isEqualTo(expected);
        List<String> added = missing == null ? List.of() : members(List.of(missing));
        assertThat(added).doesNotHaveDuplicates().noneMatch(members(lines)::contains);
    }

    @Provide
    Arbitrary<List<String>> lines() {
        return members().map(list -> String.join(", ", list)).list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<String>> members() {
        return Arbitraries.of("Origin", "origin", "Cookie", "Accept-Encoding", "ACCEPT-ENCODING", "Accept-Language",
                "Access-Control-Request-Method").list().ofMinSize(1).ofMaxSize(4);
    }

    private static List<String> members(List<String> lines) {
        List<String> members = new ArrayList<>();
        for (String line : lines) {
            for (String member : line.split(",")) {
                if (!member.isBlank()) {
                    members.add(member.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return members;
    }

    private static List<String> lines(String slashSeparated) {
        return slashSeparated.isEmpty() ? List.of() : Arrays.asList(slashSeparated.split("/"));
    }
}
