package io.autoclaims.batch;

import java.util.Locale;

/** Formats durations as a clock: {@code 0:12}, {@code 1:02:03}. */
final class Durations {
    private Durations() {
    }

    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        long h = s / 3600;
        long m = s / 60 % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", m, s % 60);
    }
}
