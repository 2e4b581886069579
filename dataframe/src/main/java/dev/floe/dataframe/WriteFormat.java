package dev.floe.dataframe;

/** The file formats a frame can be written as. */
public enum WriteFormat {
    /** RFC 4180 CSV with a header line. */
    CSV,
    /** The Arrow IPC file format. */
    ARROW
}
