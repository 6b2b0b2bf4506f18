package io.autoclaims.model;

/** An enumeration constant of the contract with its Chinese name (for reasons and workbooks). */
public interface Labelled {
    /**
     * The constant's name.
     *
     * @return the constant as it is written in JSON and workbooks, e.g. {@code QUALITY_DEFECT}
     */
    String name();

    /**
     * The constant's Chinese name, as reasons and workbooks show it.
     *
     * @return the Chinese name, e.g. {@code 质量问题}
     */
    String zh();
}
