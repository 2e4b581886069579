package dev.floe.dataframe.plan;

/** How a join treats rows without a match. NULL keys never match anything. */
public enum JoinType {
    /** Pairs of matching rows. */
    INNER,
    /** Pairs of matching rows, plus each left row without a match with NULLs for the right columns. */
    LEFT,
    /** Each left row that has at least one match, once; left columns only. */
    SEMI,
    /** Each left row that has no match; left columns only. */
    ANTI
}
