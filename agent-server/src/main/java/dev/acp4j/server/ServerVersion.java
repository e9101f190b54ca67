package dev.acp4j.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The acp4j version, from the build. */
public final class ServerVersion {

    /** The version of this acp4j build, e.g. {@code 0.1.0}. */
    public static final String VERSION = read();

    /** The agent-server jar's {@code Implementation-Title}: its manifest, not an author's uber-jar's. */
    private static final String TITLE = "acp4j agent server";

    private ServerVersion() {
    }

    private static String read() {
        // The manifest is read already (the class loader defines the package from it); a resource
        // lookup would search the JDK's modules first and open the jar again, on every launch.
        Package own = ServerVersion.class.getPackage();
        if (own != null && TITLE.equals(own.getImplementationTitle()) && own.getImplementationVersion() != null) {
            return own.getImplementationVersion();
        }
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
