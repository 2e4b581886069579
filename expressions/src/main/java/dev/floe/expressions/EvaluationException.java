package dev.floe.expressions;

/**
 * A value that an expression cannot be evaluated on: an INT64 overflow, a string that a cast cannot
 * parse, a timestamp out of range. The message names the expression, the value and the row of the batch;
 * callers that know the file and line add them when they wrap it.
 */
public class EvaluationException extends RuntimeException {
    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
