package dev.floe.cli;

import dev.floe.scheduler.TaskFailedException;

/** The message a user sees for an exception: the original cause's, without wrapper noise. */
final class ErrorMessages {
    private ErrorMessages() {
    }

    static String describe(Throwable e) {
        Throwable t = e;
        String where = null;
        while (t instanceof TaskFailedException tf && tf.getCause() != null) {
            where = tf.description().isEmpty() ? tf.key() : tf.description();
            t = tf.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof dev.floe.io.CsvFormatException || where == null) {
            return message;
        }
        return message + " (while reading " + where + ")";
    }
}
