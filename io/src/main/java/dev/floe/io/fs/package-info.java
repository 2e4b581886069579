/**
 * Where input bytes come from: {@link dev.floe.io.fs.Storage} lists files (local globs with {@code **} that
 * never loop on symbolic links, lists of globs, any Hadoop FileSystem URI configured from the class path and
 * {@code HADOOP_CONF_DIR}) and opens them as {@link dev.floe.io.fs.ByteSource}s: positional FileChannel reads
 * for local files, Hadoop streams otherwise. A file that changed since it was listed is a
 * {@link dev.floe.io.fs.FileChangedException}, never a short read. Everything here is safe to call from many
 * threads at once.
 */
package dev.floe.io.fs;
