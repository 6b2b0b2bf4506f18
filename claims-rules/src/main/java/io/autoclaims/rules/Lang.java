package io.autoclaims.rules;

/** The language of a text the library renders for people: Chinese or English. */
public enum Lang {
    /** Chinese (简体中文). */
    ZH,
    /** English. */
    EN
}
