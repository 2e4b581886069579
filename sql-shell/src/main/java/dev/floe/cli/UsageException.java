package dev.floe.cli;

/** A command line the CLI cannot make sense of; the message says what is wrong. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
