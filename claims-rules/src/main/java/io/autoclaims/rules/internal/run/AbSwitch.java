package io.autoclaims.rules.internal.run;

/** Temporary switch of the speed A/B experiment: removed before the branch is merged. */
public final class AbSwitch {
    private AbSwitch() {
    }

    public static boolean old(String what) {
        String v = System.getProperty("autoclaims.ab.old", "");
        return v.equals("all") || java.util.Arrays.asList(v.split(",")).contains(what);
    }
}
