package io.autoclaims.model.json;

/**
 * Where the reader stands in a claim: the dotted field path of the contract
 * ({@code lines[0].repairCostCny}), plus the line's first duplicate key, which the parser kept out
 * of the tree so that it can be reported in document order like any other defect.
 */
final class Path {

    private final String text;
    private final JsonLine.Duplicate duplicate;

    private Path(String text, JsonLine.Duplicate duplicate) {
        this.text = text;
        this.duplicate = duplicate;
    }

    static Path root(JsonLine.Duplicate duplicate) {
        return new Path("", duplicate);
    }

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String join(String parent, int index) {
        return parent + "[" + index + "]";
    }

    Path field(String name) {
        return new Path(join(text, name), duplicate);
    }

    Path index(int index) {
        return new Path(join(text, index), duplicate);
    }

    /**
     * Called by object readers before the field at {@code position} and after the last one: throws
     * when the line's first duplicate key stood there.
     */
    void checkDuplicateAt(int position) {
        if (duplicate != null && duplicate.position() == position && duplicate.objectPath().equals(text)) {
            throw InvalidClaimException.invalidField(duplicate.fieldPath(),
                    "duplicate field \"" + duplicate.name() + "\": a field may appear only once in an object");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
