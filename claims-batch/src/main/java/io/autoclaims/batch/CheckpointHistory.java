package io.autoclaims.batch;

import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookHistory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a checkpoint was made with the rulebook history (and as-of setting) a run is given now, and
 * if not, what differs, in English and Chinese: a version added, removed or changed (its fingerprint or
 * its in-force date), the as-of setting, or one rulebook where the other had a history.
 */
final class CheckpointHistory {
    private CheckpointHistory() {
    }

    /**
     * Null when the checkpoint's history and as-of setting are the run's (or neither has a history: the
     * rulebook check then decides); else the message in English and in Chinese, without the advice to
     * start over.
     */
    static String[] differences(Path dir, Checkpoint cp, RulebookHistory history, AsOf asOf, Rulebook single) {
        List<Checkpoint.Version> now = history == null ? List.of() : Checkpoint.Version.of(history);
        String where = "The checkpoint in " + dir;
        String whereZh = "检查点目录 " + dir;
        if (cp.history().isEmpty() && now.isEmpty()) {
            return null;
        }
        if (cp.history().isEmpty()) {
            return new String[] {where + " was made with one rulebook (" + cp.rulebook() + ", fingerprint " + cp.rulebookFingerprint()
                    + "), not with a rulebook history (" + list(now) + ").", whereZh + " 是用单个规则集（"
                    + cp.rulebook() + "，指纹 " + cp.rulebookFingerprint() + "）生成的，而不是规则集历史（" + list(now) + "）。"};
        }
        if (now.isEmpty()) {
            return new String[] {where + " was made with a rulebook history (" + list(cp.history()) + "), not with one rulebook ("
                    + single.name() + " " + single.version() + ", fingerprint " + single.fingerprint() + ").",
                    whereZh + " 是用规则集历史（" + list(cp.history()) + "）生成的，而不是单个规则集（" + single.name() + " "
                    + single.version() + "，指纹 " + single.fingerprint() + "）。"};
        }
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        List<Checkpoint.Version> before = new ArrayList<>(cp.history());
        List<Checkpoint.Version> added = new ArrayList<>();
        for (Checkpoint.Version v : now) {
            if (!before.remove(v)) {
                added.add(v);
            }
        }
        // a version of the same name on both sides was changed; the others were added or removed
        for (Checkpoint.Version v : added) {
            Checkpoint.Version old = before.stream().filter(o -> o.version().equals(v.version())).findFirst().orElse(null);
            if (old == null) {
                en.add("version " + v + " was added");
                zh.add("新增了版本 " + zh(v));
                continue;
            }
            before.remove(old);
            if (!old.fingerprint().equals(v.fingerprint())) {
                en.add("version " + v.version() + " was changed (fingerprint " + old.fingerprint() + " -> "
                        + v.fingerprint() + ")");
                zh.add("版本 " + v.version() + " 已改动（指纹 " + old.fingerprint() + " → " + v.fingerprint() + "）");
            }
            if (!old.inForceFrom().equals(v.inForceFrom())) {
                en.add("version " + v.version() + " is in force from " + v.inForceFrom() + ", not " + old.inForceFrom());
                zh.add("版本 " + v.version() + " 的施行日期由 " + old.inForceFrom() + " 改为 " + v.inForceFrom());
            }
        }
        for (Checkpoint.Version v : before) {
            en.add("version " + v + " was removed");
            zh.add("删除了版本 " + zh(v));
        }
        if (!asOf.toString().equals(cp.asOf())) {
            en.add("the versions were chosen --as-of " + cp.asOf() + ", not " + asOf);
            zh.add("生成时按 --as-of " + cp.asOf() + " 选择版本，而现在是 " + asOf);
        }
        if (en.isEmpty()) {
            return null;
        }
        return new String[] {where + " was made with another rulebook history: " + String.join("; ", en) + ".",
            whereZh + " 是用另一个规则集历史生成的：" + String.join("；", zh) + "。"};
    }

    private static String list(List<Checkpoint.Version> versions) {
        return String.join(", ", versions.stream().map(Checkpoint.Version::toString).toList());
    }

    private static String zh(Checkpoint.Version v) {
        return v.version() + "（自 " + v.inForceFrom() + " 起施行，指纹 " + v.fingerprint() + "）";
    }
}
