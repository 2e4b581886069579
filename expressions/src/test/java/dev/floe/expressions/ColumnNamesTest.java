package dev.floe.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The repeated-name rule's documented cases (the CSV reader's and SQL's tests check it end to end). */
class ColumnNamesTest {
    @Test
    void repeatedNamesGetSuffixesThatNoWrittenNameHas() {
        assertEquals(List.of("a", "b"), ColumnNames.unique(List.of("a", "b")));
        assertEquals(List.of("k", "k_1"), ColumnNames.unique(List.of("k", "k")));
        assertEquals(List.of("id", "name", "id_1", "name_1"), ColumnNames.unique(List.of("id", "name", "id", "name")));
        assertEquals(List.of("k", "k_2", "k_1"), ColumnNames.unique(List.of("k", "k", "k_1")));
        assertEquals(List.of("K", "k"), ColumnNames.unique(List.of("K", "k")));
    }
}
