package com.alai.cloud.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A ledger's proof depends on the rows' contents and ids only, not on the order they streamed past. */
class LedgerTest {
    static final List<String> COLUMNS = List.of("id", "text", "at", "extra");

    static List<Object> row(long id, String text) {
        return Arrays.asList(id, text, Instant.ofEpochSecond(id), Map.of("k", id, "z", "v"));
    }

    static Ledger of(List<List<Object>> rows) {
        var ledger = new Ledger(COLUMNS);
        rows.forEach(ledger::add);
        return ledger;
    }

    @Test
    void rowsArrivingOutOfOrderHashLikeRowsInOrder() {
        Ledger ordered = of(List.of(row(1, "a"), row(2, "b"), row(3, "c")));
        Ledger shuffled = of(List.of(row(3, "c"), row(1, "a"), row(2, "b")));
        assertThat(shuffled.hash()).isEqualTo(ordered.hash());
        assertThat(Comparator.compare(ordered, shuffled, ids -> Map.of(), ids -> Map.of()).clean()).isTrue();
    }

    @Test
    void integralNumbersOfDifferentJavaTypesAreTheSameValue() {
        Ledger longs = of(List.of(Arrays.asList(1L, "a", null, Map.of("n", 5L))));
        Ledger ints = of(List.of(Arrays.asList(1, "a", null, Map.of("n", 5))));
        assertThat(ints.hash()).isEqualTo(longs.hash());
    }

    @Test
    void aWholeNumberTypedAsADoubleIsTheLongJsonbGivesBackButAFractionIsNot() {
        Ledger written = of(List.of(Arrays.asList(1L, "a", null, Map.of("n", 1714979289.0, "f", 0.1))));
        Ledger readBack = of(List.of(Arrays.asList(1L, "a", null, Map.of("n", 1714979289L, "f", new java.math.BigDecimal("0.10")))));
        Ledger changed = of(List.of(Arrays.asList(1L, "a", null, Map.of("n", 1714979289L, "f", 0.2))));
        assertThat(readBack.hash()).isEqualTo(written.hash());
        assertThat(changed.hash()).isNotEqualTo(written.hash());
    }

    @Test
    void textThatDiffersOnlyInALoneSurrogateDiffers() {
        Ledger lone = of(List.of(row(1, "x\uD83D")));
        Ledger replaced = of(List.of(row(1, "x?")));
        assertThat(lone.hash()).isNotEqualTo(replaced.hash());
    }

    @Test
    void adjacentValuesCannotTradeCharacters() {
        Ledger left = of(List.of(Arrays.asList(1L, "ab", null, Map.of("k", "c"))));
        Ledger right = of(List.of(Arrays.asList(1L, "a", null, Map.of("k", "bc"))));
        assertThat(left.hash()).isNotEqualTo(right.hash());
    }

    @Test
    void aDifferenceNamesTheRowAndItsColumns() {
        List<List<Object>> source = List.of(row(1, "a"), row(2, "b"));
        List<List<Object>> target = List.of(row(1, "a"), row(2, "B"), row(4, "d"));
        Verification v = Comparator.compare(COLUMNS, source, target);
        assertThat(v.clean()).isFalse();
        assertThat(v.rowsDiffering()).isEqualTo(2);
        assertThat(v.differences()).hasSize(2);
        assertThat(v.differences().get(0)).startsWith("row 2 differs in text:");
        assertThat(v.differences().get(1)).isEqualTo("row 4 is in the target but not in the source");
    }
}
