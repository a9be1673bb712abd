package app.rebound.domain;

/**
 * One field that differs between what she typed and what was saved on another workstation meanwhile:
 * its path ("pelvicFloor.power", "phone"), the label the form gives it, and each value in her words.
 */
public record FieldDifference(String path, String label, String yours, String theirs) {
}
