package app.rebound.store;

/** A row as read, with the version a later save of it names ({@link Change#readVersion()}). */
public record Versioned<T>(T value, long version) {
}
