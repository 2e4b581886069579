package dev.floe.expressions;

/** Binary operators, with the SQL symbol each prints as. */
public enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"),
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
    AND("AND"), OR("OR"),
    /** Floor division, SQL {@code //}. */
    INT_DIV("//"),
    /** String concatenation, SQL {@code ||}. */
    CONCAT("||");

    private final String symbol;

    BinaryOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isArithmetic() {
        return ordinal() <= MOD.ordinal() || this == INT_DIV;
    }

    public boolean isComparison() {
        return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
    }

    public boolean isLogical() {
        return this == AND || this == OR;
    }
}
