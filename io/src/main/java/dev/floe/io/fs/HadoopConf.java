package dev.floe.io.fs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hadoop client configuration, found the way Hadoop's own scripts find it:
 * <ol>
 *   <li>{@code new Configuration()}: {@code core-default.xml}, then {@code core-site.xml} from the class path
 *       ({@code hdfs-site.xml} on the class path joins when the HDFS client loads);</li>
 *   <li>then the directory named by {@code HADOOP_CONF_DIR}, or, when that is unset, {@code $HADOOP_HOME/etc/hadoop}:
 *       its {@code core-site.xml} and {@code hdfs-site.xml}, if present, are added as resources, so that they
 *       win over the class path's copies (as they do when the scripts put that directory first on the class
 *       path). A variable naming a directory that does not exist is logged and ignored.</li>
 * </ol>
 * So on a configured client {@code hdfs:///data/*.csv} reads from {@code fs.defaultFS}'s name node.
 */
final class HadoopConf {
    static final List<String> SITE_FILES = List.of("core-site.xml", "hdfs-site.xml");
    private static final Logger log = LoggerFactory.getLogger(HadoopConf.class);

    private HadoopConf() {
    }

    /** Builds a configuration from the environment {@code env} (a lookup like {@code System::getenv}). */
    static Configuration build(UnaryOperator<String> env) {
        Configuration conf = new Configuration();
        // the HDFS client adds hdfs-site.xml to every Configuration when its classes load; add it now so that the
        // class path's copy is read in a fixed order (a missing class-path resource is ignored)
        conf.addResource("hdfs-site.xml");
        for (Path file : siteFiles(env)) {
            conf.addResource(new org.apache.hadoop.fs.Path(file.toUri()));
            log.debug("Hadoop configuration: added {}", file);
        }
        return conf;
    }

    /** The site files of the configuration directory the environment names, in the order they are added. */
    static List<Path> siteFiles(UnaryOperator<String> env) {
        Path dir = confDir(env);
        List<Path> files = new ArrayList<>();
        if (dir != null) {
            for (String name : SITE_FILES) {
                Path file = dir.resolve(name);
                if (Files.isRegularFile(file)) {
                    files.add(file.toAbsolutePath());
                }
            }
        }
        return files;
    }

    private static Path confDir(UnaryOperator<String> env) {
        String confDir = env.apply("HADOOP_CONF_DIR");
        if (confDir != null && !confDir.isBlank()) {
            Path dir = Path.of(confDir);
            if (Files.isDirectory(dir)) {
                return dir;
            }
            log.warn("HADOOP_CONF_DIR={} is not a directory; using the Hadoop configuration on the class path", confDir);
            return null;
        }
        String home = env.apply("HADOOP_HOME");
        if (home != null && !home.isBlank()) {
            Path dir = Path.of(home, "etc", "hadoop");
            if (Files.isDirectory(dir)) {
                return dir;
            }
            log.debug("HADOOP_HOME={} has no etc/hadoop directory", home);
        }
        return null;
    }
}
