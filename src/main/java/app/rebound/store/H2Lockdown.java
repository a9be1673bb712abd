package app.rebound.store;

import org.h2.engine.SysProperties;

/**
 * Keeps H2 from loading Java classes named inside a database file. H2 loads the class of a trigger, an
 * alias ({@code CREATE ALIAS … FOR 'java.lang.System.load'}), an aggregate or a table engine by name,
 * through one gate ({@code JdbcUtils.loadUserClass}), which allows only what the system property
 * {@value #PROPERTY} lists. H2 reads that property once, when its {@code SysProperties} class
 * initialises: so it is set here before H2 runs (at the program's start, and by the store's classes as a
 * backstop), and every open checks that H2 took it. Rebound itself has H2 load no class by name: the list
 * is empty. Triggers written as source code are not stopped by it; {@link SchemaCheck} refuses those
 * before H2 opens the file.
 */
public final class H2Lockdown {

    static final String PROPERTY = "h2.allowedClasses";
    /** No class: Rebound's schema has no trigger, alias, aggregate or table engine. */
    static final String NO_CLASSES = "";

    private H2Lockdown() {
    }

    /** Sets the property, unless it is set already (then {@link #ensureApplied} refuses a different one). */
    public static void apply() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, NO_CLASSES);
        }
    }

    /**
     * Applies the limit and checks that H2 took it.
     *
     * @throws StoreException when H2 started before the limit was set, or with another one
     */
    static void ensureApplied() {
        apply();
        if (!NO_CLASSES.equals(SysProperties.ALLOWED_CLASSES)) {
            throw new StoreException("H2 was started without Rebound's limit on the classes a database may load ("
                    + PROPERTY + "); the records are not opened", null);
        }
    }
}
