package dev.floe.expressions;

/**
 * The user's mistake in a plan or a query: an unknown column, a type that does not fit an operator,
 * an aggregate where a row value is needed. The message names the expression and the types involved.
 */
public class PlanException extends RuntimeException {
    public PlanException(String message) {
        super(message);
    }

    public PlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
