#!/usr/bin/env bash
# Builds the Debian package (release build, stripped) in build-package and checks it the way a
# municipality's IT would: lintian (no errors; warnings are printed), the AppStream metainfo and
# the desktop entry as installed, the dependencies against this machine, and a scratch install
# (dpkg -x) whose programs start, make a registry and log a signal. Part of scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh

# The committed PNG icons must be what the SVG renders to.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
packaging/icons/render.sh "$scratch"
for size in 48 128 256; do
  if ! cmp -s "packaging/icons/buurtsignaal-$size.png" "$scratch/buurtsignaal-$size.png"; then
    echo "packaging/icons/buurtsignaal-$size.png wijkt af van buurtsignaal.svg: voer packaging/icons/render.sh uit" >&2
    exit 1
  fi
done

cmake -S . -B build-package -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUURTSIGNAAL_TESTS=OFF \
      -DBUURTSIGNAAL_PACKAGE=ON -DCMAKE_EXE_LINKER_FLAGS="-Wl,-z,relro,-z,now" >/dev/null
cmake --build build-package --parallel
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' build-package/CMakeCache.txt)
deb="build-package/buurtsignaal_${version}_amd64.deb"
rm -f "$deb"
(cd build-package && cpack -G DEB >/dev/null)
test -f "$deb"

echo "== $deb"
dpkg-deb --field "$deb" Package Version Architecture Depends Installed-Size
echo "== lintian (errors fail the build; warnings and notes are listed)"
lintian --fail-on error --display-info "$deb"

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
echo "== AppStream and desktop entry as installed"
appstreamcli validate --no-net "$root/usr/share/metainfo/nl.buurtsignaal.Buurtsignaal.metainfo.xml"
desktop-file-validate "$root/usr/share/applications/buurtsignaal.desktop"
for must in usr/share/man/man1/buurtsignaal.1.gz usr/share/man/man1/buurtsignaal-cli.1.gz \
            usr/share/doc/buurtsignaal/copyright usr/share/doc/buurtsignaal/changelog.gz \
            usr/share/icons/hicolor/scalable/apps/buurtsignaal.svg \
            usr/share/icons/hicolor/48x48/apps/buurtsignaal.png \
            usr/share/icons/hicolor/128x128/apps/buurtsignaal.png \
            usr/share/icons/hicolor/256x256/apps/buurtsignaal.png; do
  test -s "$root/$must" || { echo "ontbreekt in het pakket: /$must" >&2; exit 1; }
done

echo "== dependencies against this machine (dpkg --dry-run)"
dpkg --dry-run --install "$deb" >/dev/null

echo "== the installed programs run"
cli="$root/usr/bin/buurtsignaal-cli"
"$cli" --version
QT_QPA_PLATFORM=offscreen "$root/usr/bin/buurtsignaal" --version
registry="$scratch/proef.buurtsignaal"
"$cli" --db "$registry" init
ref=$("$cli" --db "$registry" signal add --buurt Oranjebuurt --category eenzaamheid --source huisbezoek \
      --impact individu --description "Proef na installatie")
"$cli" --db "$registry" signal show "$ref" | head -n 3
echo "Pakket in orde: $deb"
