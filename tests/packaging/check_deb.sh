#!/usr/bin/env bash
# check_deb.sh BUILD_DIR OUT_DIR VERSION CPACK [LINTIAN_ACCEPTED]
# Builds the .deb from BUILD_DIR with CPack into OUT_DIR and checks that it is well formed: control fields,
# contents, the desktop entry, the AppStream metainfo, icons, man pages, the systemd unit; lintian when
# installed (its errors and warnings fail the test unless LINTIAN_ACCEPTED lists the tag with a reason).
set -uo pipefail

build=$1 out=$2 version=$3 cpack=$4 accepted=${5:-/dev/null}
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

rm -rf "$out"
mkdir -p "$out"
if ! "$cpack" -G DEB -B "$out" --config "$build/CPackConfig.cmake" >"$out/cpack.log" 2>&1; then
    cat "$out/cpack.log"
    echo "FAIL: cpack -G DEB"
    exit 1
fi
shopt -s nullglob
debs=("$out"/parceldesk_*.deb)
if [ ${#debs[@]} -ne 1 ]; then
    echo "FAIL: expected one parceldesk_*.deb in $out, found ${#debs[@]}"
    exit 1
fi
deb=${debs[0]}
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "parceldesk_${version}_${arch}.deb" ] && pass "file name $(basename "$deb")" ||
    fail "file name $(basename "$deb") (want parceldesk_${version}_${arch}.deb)"

echo "--- dpkg-deb -I"
dpkg-deb -I "$deb" || fail "dpkg-deb -I"
field() { dpkg-deb -f "$deb" "$1"; }

[ "$(field Package)" = parceldesk ] && pass "Package" || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] && pass "Version $version" || fail "Version is '$(field Version)'"
[ "$(field Architecture)" = "$arch" ] && pass "Architecture $arch" || fail "Architecture is '$(field Architecture)'"
[[ "$(field Maintainer)" =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]] && pass "Maintainer" ||
    fail "Maintainer is '$(field Maintainer)'"
desc=$(field Description)
[ -n "$(head -n1 <<<"$desc")" ] && [ "$(wc -l <<<"$desc")" -ge 2 ] && pass "Description (summary + long)" ||
    fail "Description needs a summary line and a long description"
[ -n "$(field Section)" ] && [ -n "$(field Priority)" ] && pass "Section, Priority" || fail "Section/Priority missing"
[ -n "$(field Installed-Size)" ] && pass "Installed-Size" || fail "Installed-Size missing"

# Depends: a list of alternatives; every wanted package must be one of them.
depends=$(field Depends)
has_dep() { tr ',' '\n' <<<"$1" | sed 's/([^)]*)//g; s/|/\n/g' | tr -d ' ' | grep -qx "$2"; }
for dep in libqt6sql6-sqlite libqt6svg6 fonts-noto-cjk libqt6core6 libqt6widgets6 libqt6sql6 \
    libqt6websockets6 libqt6keychain1 libc6; do
    has_dep "$depends" "$dep" && pass "Depends: $dep" || fail "Depends lacks $dep"
done
has_dep "$(field Recommends)" gnome-keyring && pass "Recommends: gnome-keyring" ||
    fail "Recommends lacks gnome-keyring"

# The maintainer script that creates the service's user.
ctrl=$(dpkg-deb --ctrl-tarfile "$deb" | tar -tvf -)
grep -qE '^-rwxr-xr-x .* \./postinst$' <<<"$ctrl" && pass "postinst (0755)" || fail "postinst missing or not 0755"
dpkg-deb -I "$deb" postinst | grep -q 'systemd-sysusers parceldesk-server.conf' && pass "postinst creates the user" ||
    fail "postinst does not create the user"

echo "--- dpkg-deb -c"
contents=$(dpkg-deb -c "$deb") || fail "dpkg-deb -c"
echo "$contents"
want=(
    ./usr/bin/parceldesk
    ./usr/bin/parceldesk-server
    ./usr/share/applications/example.parceldesk.ParcelDesk.desktop
    ./usr/share/metainfo/example.parceldesk.ParcelDesk.metainfo.xml
    ./usr/share/icons/hicolor/scalable/apps/parceldesk.svg
    ./usr/share/icons/hicolor/16x16/apps/parceldesk.png
    ./usr/share/icons/hicolor/48x48/apps/parceldesk.png
    ./usr/share/icons/hicolor/256x256/apps/parceldesk.png
    ./usr/share/man/man1/parceldesk.1.gz
    ./usr/share/man/man1/parceldesk-server.1.gz
    ./usr/lib/systemd/system/parceldesk-server.service
    ./usr/lib/sysusers.d/parceldesk-server.conf
    ./usr/share/doc/parceldesk/copyright
    ./usr/share/doc/parceldesk/changelog.gz
)
for f in "${want[@]}"; do
    awk '{print $6}' <<<"$contents" | grep -qx -- "$f" && pass "contains $f" || fail "missing $f"
done
awk '$1 ~ /^-/ && $6 ~ /^\.\/usr\/bin\// && $1 != "-rwxr-xr-x" {bad=1} END {exit bad}' <<<"$contents" &&
    pass "programs are 0755" || fail "a program in /usr/bin is not 0755"
awk '$2 != "root/root" {bad=1} END {exit bad}' <<<"$contents" && pass "owned by root/root" ||
    fail "files not owned by root/root"

# The unpacked files themselves.
root="$out/root"
mkdir -p "$root"
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x"
for p in parceldesk parceldesk-server; do
    info=$(file -b "$root/usr/bin/$p")
    [[ "$info" == *ELF* && "$info" == *", stripped"* ]] && pass "$p is a stripped ELF" || fail "$p: $info"
done
for size in 16 22 24 32 48 64 128 256 512; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/parceldesk.png"
    [[ "$(file -b "$png" 2>/dev/null)" == "PNG image data, $size x $size,"* ]] && pass "icon ${size}px" ||
        fail "icon ${size}px: $(file -b "$png" 2>&1)"
done
desktop="$root/usr/share/applications/example.parceldesk.ParcelDesk.desktop"
grep -qx 'Exec=parceldesk' "$desktop" && grep -qx 'Icon=parceldesk' "$desktop" && pass "desktop Exec/Icon" ||
    fail "desktop entry Exec/Icon"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop" && pass "desktop-file-validate" || fail "desktop-file-validate"
else
    echo "skip: desktop-file-validate not installed"
fi
metainfo="$root/usr/share/metainfo/example.parceldesk.ParcelDesk.metainfo.xml"
grep -q "<release version=\"$version\"" "$metainfo" && pass "metainfo release $version" ||
    fail "metainfo has no release $version"
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$metainfo" && pass "appstreamcli validate" || fail "appstreamcli validate"
else
    echo "skip: appstreamcli not installed"
fi
for m in parceldesk parceldesk-server; do
    page="$root/usr/share/man/man1/$m.1.gz"
    if gzip -t "$page" 2>/dev/null && zcat "$page" | grep -q "^\.TH ${m^^} 1 .*ParcelDesk $version"; then
        pass "man page $m(1) for $version"
    else
        fail "man page $m(1)"
    fi
    if command -v groff >/dev/null; then
        warnings=$(zcat "$page" | LC_ALL=C.UTF-8 MANWIDTH=80 groff -man -Tutf8 -ww -z 2>&1)
        [ -z "$warnings" ] && pass "groff -ww $m(1)" || fail "groff warnings in $m(1): $warnings"
    fi
done
unit="$root/usr/lib/systemd/system/parceldesk-server.service"
grep -q '^ExecStart=/usr/bin/parceldesk-server --listen ${PD_LISTEN} --db ${PD_DB}' "$unit" &&
    grep -q '^WantedBy=multi-user.target' "$unit" && grep -q '^User=parceldesk$' "$unit" &&
    pass "systemd unit ExecStart/User/WantedBy" || fail "systemd unit"
# The man pages document every option the programs' --help lists (and the unit uses only real ones).
for cmd in "parceldesk" "parceldesk sync" "parceldesk-server"; do
    prog=${cmd%% *}
    sub=${cmd#"$prog"}
    dir=app
    [ "$prog" = parceldesk-server ] && dir=server
    # shellcheck disable=SC2086
    opts=$(QT_QPA_PLATFORM=offscreen "$build/$dir/$prog" $sub --help 2>&1 | grep -oE -- '--[a-z][a-z-]+' | sort -u)
    [ -n "$opts" ] || fail "$cmd --help printed no options"
    page=$(zcat "$root/usr/share/man/man1/$prog.1.gz" | sed 's/\\-/-/g')
    for opt in $opts; do
        grep -q -- "$opt\b" <<<"$page" || fail "$prog(1) does not document $cmd $opt"
    done
    [ -n "$opts" ] && pass "$prog(1) documents every option of '$cmd --help' ($(wc -w <<<"$opts"))"
done
# Every option the unit passes exists in the program's --help.
help=$(QT_QPA_PLATFORM=offscreen "$build/server/parceldesk-server" --help 2>&1)
for opt in --listen --db; do
    grep -q -- "$opt" <<<"$help" && pass "server knows $opt" || fail "server --help lacks $opt"
done

# lintian: errors and warnings fail unless accepted (tag + reason in LINTIAN_ACCEPTED).
if command -v lintian >/dev/null; then
    echo "--- lintian"
    lintian --tag-display-limit 0 "$deb" >"$out/lintian.txt" 2>&1
    cat "$out/lintian.txt"
    while read -r sev _pkg tag _rest; do
        case "$sev" in
        E: | W:)
            if grep -qE "^$tag( |$)" "$accepted"; then
                echo "accepted lintian $sev $tag"
            else
                fail "lintian $sev $tag $_rest"
            fi
            ;;
        esac
    done < <(sed 's/^\([EW]:\) \([^:]*\): /\1 \2 /' "$out/lintian.txt")
else
    echo "skip: lintian not installed"
fi

echo "package: $deb"
if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
