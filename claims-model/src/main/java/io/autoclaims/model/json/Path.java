package io.autoclaims.model.json;

/**
 * Where the reader stands in a claim: the dotted field path of the contract
 * ({@code lines[0].repairCostCny}), spelled out only when a message needs it.
 */
final class Path {

    private static final Path ROOT = new Path(null, null, -1);

    private final Path parent;
    /** The field name, or null for an array element. */
    private final String name;
    private final int index;
    /** Spelled out only when a message asks for it: most claims never ask. */
    private String text;

    private Path(Path parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
        this.text = parent == null ? "" : null;
    }

    static Path root() {
        return ROOT;
    }

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String join(String parent, int index) {
        return parent + "[" + index + "]";
    }

    Path field(String name) {
        return new Path(this, name, -1);
    }

    Path index(int index) {
        return new Path(this, null, index);
    }

    private String text() {
        if (text == null) {
            text = name != null ? join(parent.text(), name) : join(parent.text(), index);
        }
        return text;
    }

    @Override
    public String toString() {
        return text();
    }
}
