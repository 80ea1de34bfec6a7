package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * Reads the tool's version from the Maven metadata packaged in the jar; a build run from class
 * directories, which has none, says so.
 */
final class VersionProvider implements IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/org.crmkit/crm-examples/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"crm (crmkit) " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown version");
            }
        } catch (IOException e) {
            // fall through: the version is only informative
        }
        return "development build";
    }
}
