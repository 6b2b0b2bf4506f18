#!/usr/bin/env bash
# Rebuilds the API baseline that japicmp compares each module with (api-baseline/<version>/), from a
# release tag: checks the tag out in a temporary worktree, builds its library modules offline, and keeps
# of each module's jar only its .class files and its manifest (no workbooks or other resources: the
# comparison needs classes only), written with fixed timestamps in name order so that the same classes
# give the same bytes.
#
#   scripts/build-api-baseline.sh [TAG]        # TAG defaults to v0.1.0
#
# Needs the tag's dependencies in the local Maven repository (as any offline build of it does).
set -euo pipefail

tag="${1:-v0.1.0}"
version="${tag#v}"
modules=(claims-model claims-rules claims-batch claims-cli claims-spark)

repo="$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)"
out="$repo/api-baseline/$version"
work="$(mktemp -d)"
trap 'git -C "$repo" worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$repo" worktree add --detach "$work/src" "$tag" >/dev/null
tag_version="$(python3 -c 'import sys, xml.etree.ElementTree as t
print(t.parse(sys.argv[1]).getroot().find("{http://maven.apache.org/POM/4.0.0}version").text)' "$work/src/pom.xml")"
if [ "$tag_version" != "$version" ]; then
  echo "build-api-baseline.sh: $tag builds version $tag_version, not $version" >&2
  exit 1
fi

list="$(IFS=,; echo "${modules[*]}")"
(cd "$work/src" && mvn -B -o -q package -DskipTests -Dmaven.source.skip -Dmaven.javadoc.skip -Djapicmp.skip \
  -pl "$list" -am)

mkdir -p "$out"
for module in "${modules[@]}"; do
  # the module's own jar: claims-cli's is claims.jar, claims-spark's claims-spark.jar (beside -app.jar)
  jar="$(find "$work/src/$module/target" -maxdepth 1 -name '*.jar' \
           ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-app.jar' | head -n 1)"
  [ -n "$jar" ] || { echo "build-api-baseline.sh: no jar built for $module" >&2; exit 1; }
  python3 - "$jar" "$out/$module-$version.jar" <<'PY'
import sys, zipfile
source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as jar:
    names = sorted(n for n in jar.namelist() if n.endswith(".class"))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name in ["META-INF/MANIFEST.MF"] + names:
            entry = zipfile.ZipInfo(name, date_time=(1980, 2, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, jar.read(name))
PY
  echo "$out/$module-$version.jar: $(unzip -Z1 "$out/$module-$version.jar" | grep -c '\.class$') classes"
done
