package shop.kefu.support;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.quarkus.datasource.common.runtime.DatabaseKind;

/**
 * The database the tests run on: H2 in memory (the {@code %test} profile), or a PostgreSQL database when
 * the standard Quarkus datasource settings point at one, as {@code .ci/with-postgres} does through the
 * {@code QUARKUS_DATASOURCE_*} variables (README, "Tests on PostgreSQL"). Those variables outrank the
 * {@code %test} lines of application.properties, so every test class follows them without a profile of
 * its own; a test profile that needs a database of its own asks here for one.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Whether this run is against PostgreSQL. */
    public static boolean postgres() {
        String kind = setting("quarkus.datasource.db-kind");
        return kind != null && DatabaseKind.isPostgreSQL(kind);
    }

    /**
     * Configuration overrides that give a test profile a database of its own, empty at its start, so that
     * what it counts is what it made: an H2 in-memory database named after it, or on PostgreSQL a schema
     * of that name in the run's database (Flyway creates it; dropping the run's database drops it).
     */
    public static Map<String, String> own(String name, Map<String, String> otherOverrides) {
        Map<String, String> overrides = new HashMap<>(otherOverrides);
        if (postgres()) {
            String schema = "kefu_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
            String url = setting("quarkus.datasource.jdbc.url");
            overrides.put("quarkus.datasource.jdbc.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            overrides.put("quarkus.flyway.schemas", schema);
        } else {
            overrides.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:kefu-" + name + ";DB_CLOSE_DELAY=-1");
        }
        return overrides;
    }

    /** A setting as Quarkus reads it ahead of application.properties: a system property, else the environment. */
    private static String setting(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value;
    }
}
