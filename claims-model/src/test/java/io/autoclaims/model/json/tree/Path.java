/*
 * A frozen copy of the tree reader the codec used before it read claims straight from the token
 * stream (#14): the reference the streaming reader is proven against (StreamingEquivalenceTest).
 * Do not "fix" it: it is what the old code did, warts included.
 */
package io.autoclaims.model.json.tree;

/**
 * Where the reader stands in a claim: the dotted field path of the contract
 * ({@code lines[0].repairCostCny}), plus the line's first duplicate key, which the parser kept out
 * of the tree so that it can be reported in document order like any other defect.
 */
final class Path {

    private final Path parent;
    /** The field name, or null for an array element. */
    private final String name;
    private final int index;
    private final JsonLine.Duplicate duplicate;
    /** Spelled out only when a message or a duplicate check needs it: most claims never ask. */
    private String text;

    private Path(Path parent, String name, int index, JsonLine.Duplicate duplicate) {
        this.parent = parent;
        this.name = name;
        this.index = index;
        this.duplicate = duplicate;
        this.text = parent == null ? "" : null;
    }

    static Path root(JsonLine.Duplicate duplicate) {
        return new Path(null, null, -1, duplicate);
    }

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String join(String parent, int index) {
        return parent + "[" + index + "]";
    }

    Path field(String name) {
        return new Path(this, name, -1, duplicate);
    }

    Path index(int index) {
        return new Path(this, null, index, duplicate);
    }

    private String text() {
        if (text == null) {
            text = name != null ? join(parent.text(), name) : join(parent.text(), index);
        }
        return text;
    }

    /**
     * Called by object readers before the field at {@code position} and after the last one: throws
     * when the line's first duplicate key stood there.
     */
    void checkDuplicateAt(int position) {
        if (duplicate != null && duplicate.position() == position && duplicate.objectPath().equals(text())) {
            throw Invalid.invalidField(duplicate.fieldPath(),
                    "duplicate field \"" + duplicate.name() + "\": a field may appear only once in an object");
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
