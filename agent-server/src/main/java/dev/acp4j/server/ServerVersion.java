package dev.acp4j.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The acp4j version, from the build. */
public final class ServerVersion {

    /** The version of this acp4j build, e.g. {@code 0.1.0}. */
    public static final String VERSION = read();

    private ServerVersion() {
    }

    private static String read() {
        try (InputStream in = ServerVersion.class.getResourceAsStream("/acp4j-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
