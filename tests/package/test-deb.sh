#!/usr/bin/env bash
# The Linux packages, end to end (CTest "package_deb", label package):
#   cpack -G DEB and -G TGZ in the build tree; the packages' contents and dependencies checked (the
#   server package without Qt); lintian (no errors); the .desktop and AppStream files validated; then
#   the packages INSTALLED with apt-get (as root: the CI machine is disposable) or, when not root or
#   GATEHOUSE_PACKAGE_TEST_MODE=extract, UNPACKED with dpkg-deb -x into a temporary root; the installed
#   gatehouse-server --version, the server started against a temporary database with the installed
#   portal files until /healthz and / answer; the installed gatehouse-admin --version offscreen; and
#   after purging, none of the packages' files left behind (only the state directory may stay).
# Usage: test-deb.sh BUILD_DIR PROJECT_VERSION
set -euo pipefail
build=$(cd "$1" && pwd)
version=$2
mode=${GATEHOUSE_PACKAGE_TEST_MODE:-}
if [ -z "$mode" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then mode=install; else mode=extract; fi
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/gh-package.XXXXXX")
server_pid=""
installed=0
fail() { echo "FAIL: $*" >&2; exit 1; }
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ $installed -eq 1 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 purge -y -qq gatehouse-server gatehouse-admin >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
echo "mode: $mode (work dir $work)"

# --- build the packages ----------------------------------------------------------------------------
cd "$build"
cpack -G DEB -B "$work/out" >"$work/cpack-deb.log" 2>&1 || { cat "$work/cpack-deb.log"; fail "cpack -G DEB"; }
cpack -G TGZ -B "$work/out" >"$work/cpack-tgz.log" 2>&1 || { cat "$work/cpack-tgz.log"; fail "cpack -G TGZ"; }
server_deb=$(ls "$work"/out/gatehouse-server_"$version"_*.deb)
admin_deb=$(ls "$work"/out/gatehouse-admin_"$version"_*.deb)
tgz=$(ls "$work"/out/gatehouse-"$version"-*.tar.gz)
echo "built: $(basename "$server_deb") $(basename "$admin_deb") $(basename "$tgz")"

# --- contents ----------------------------------------------------------------------------------------
contains() { # deb path...
  local deb=$1; shift
  local listing; listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
  for path in "$@"; do
    grep -qx "$path" <<<"$listing" || fail "$(basename "$deb") lacks $path"
  done
}
contains "$server_deb" ./usr/bin/gatehouse-server ./usr/share/gatehouse/portal/index.html \
  ./usr/share/gatehouse/portal/js/app.js ./usr/share/gatehouse/portal/css/portal.css \
  ./usr/share/gatehouse/portal/img/favicon.svg ./etc/gatehouse/gatehouse.properties \
  ./lib/systemd/system/gatehouse-server.service ./usr/share/man/man1/gatehouse-server.1.gz \
  ./usr/share/doc/gatehouse-server/copyright ./usr/share/doc/gatehouse-server/changelog.gz
contains "$admin_deb" ./usr/bin/gatehouse-admin ./usr/share/applications/org.gatehouse.Admin.desktop \
  ./usr/share/metainfo/org.gatehouse.Admin.metainfo.xml ./usr/share/icons/hicolor/scalable/apps/gatehouse-admin.svg \
  ./usr/share/icons/hicolor/48x48/apps/gatehouse-admin.png ./usr/share/icons/hicolor/256x256/apps/gatehouse-admin.png \
  ./usr/share/man/man1/gatehouse-admin.1.gz ./usr/share/doc/gatehouse-admin/copyright
# (Listings into variables first: grep -q closing a pipe early would kill dpkg-deb under pipefail.)
server_listing=$(dpkg-deb -c "$server_deb")
if grep -q gatehouse-admin <<<"$server_listing"; then fail "the server package carries the admin program"; fi
# The favicon is a file in the package, not a link into the source tree.
grep -q '^-.* ./usr/share/gatehouse/portal/img/favicon.svg$' <<<"$server_listing" || fail "favicon.svg is not a regular file"
conffiles=$(dpkg-deb -I "$server_deb" conffiles)
grep -qx /etc/gatehouse/gatehouse.properties <<<"$conffiles" || fail "the configuration is not a conffile"
for script in postinst prerm postrm; do dpkg-deb -I "$server_deb" "$script" >/dev/null || fail "no $script"; done
server_depends=$(dpkg-deb -f "$server_deb" Depends)
admin_depends=$(dpkg-deb -f "$admin_deb" Depends)
echo "gatehouse-server Depends: $server_depends"
echo "gatehouse-admin Depends: $admin_depends"
grep -q libpoco <<<"$server_depends" || fail "the server's Depends were not computed from the binary (no libpoco)"
grep -q adduser <<<"$server_depends" || fail "the server does not depend on adduser"
if grep -qi qt <<<"$server_depends"; then fail "the server package depends on Qt: $server_depends"; fi
grep -q libqt6widgets6 <<<"$admin_depends" || fail "the admin's Depends lack Qt Widgets"
[ "$(dpkg-deb -f "$server_deb" Version)" = "$version" ] || fail "package version is not $version"

# --- lintian, AppStream, desktop file --------------------------------------------------------------
if command -v lintian >/dev/null; then
  lintian --fail-on error --tag-display-limit 0 "$server_deb" "$admin_deb" | tee "$work/lintian.log" || fail "lintian reports errors"
else
  echo "lintian not installed: skipped"
fi
mkdir -p "$work/x-admin"
dpkg-deb -x "$admin_deb" "$work/x-admin"
appstreamcli validate --no-net "$work/x-admin/usr/share/metainfo/org.gatehouse.Admin.metainfo.xml" || fail "appstreamcli validate"
desktop-file-validate "$work/x-admin/usr/share/applications/org.gatehouse.Admin.desktop" || fail "desktop-file-validate"

# --- the TGZ: relative, complete, runnable where it is unpacked -------------------------------------
mkdir -p "$work/tgz"
tar -xzf "$tgz" -C "$work/tgz"
top=$(ls -d "$work"/tgz/gatehouse-"$version"-*)
for path in bin/gatehouse-server bin/gatehouse-admin share/gatehouse/portal/index.html etc/gatehouse/gatehouse.properties \
            lib/systemd/system/gatehouse-server.service share/man/man1/gatehouse-server.1.gz; do
  [ -e "$top/$path" ] || fail "the TGZ lacks $path"
done
[ "$("$top/bin/gatehouse-server" --version)" = "gatehouse-server $version" ] || fail "TGZ gatehouse-server --version"

# --- install (or unpack) ---------------------------------------------------------------------------
if [ "$mode" = install ]; then
  if dpkg-query -W gatehouse-server >/dev/null 2>&1; then fail "gatehouse-server is already installed on this machine"; fi
  export DEBIAN_FRONTEND=noninteractive
  installed=1
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$server_deb" "$admin_deb" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log"; fail "apt-get install"; }
  root=""
  getent passwd gatehouse >/dev/null || fail "postinst did not create the gatehouse system user"
  [ "$(stat -c %G /etc/gatehouse/gatehouse.properties)" = gatehouse ] || fail "configuration not readable by the gatehouse group"
  dpkg -L gatehouse-server gatehouse-admin | sort -u >"$work/files"
else
  root="$work/root"
  mkdir -p "$root"
  dpkg-deb -x "$server_deb" "$root"
  dpkg-deb -x "$admin_deb" "$root"
fi
server="$root/usr/bin/gatehouse-server"
admin="$root/usr/bin/gatehouse-admin"
[ "$("$server" --version)" = "gatehouse-server $version" ] || fail "installed gatehouse-server --version: $("$server" --version)"

# The installed server against a temporary database; the portal must come from the installed files.
mkdir -p "$work/state"
run_as=()
if [ "$mode" = install ]; then chown gatehouse:gatehouse "$work/state"; chmod 755 "$work"; run_as=(setpriv --reuid gatehouse --regid gatehouse --init-groups); fi  # execs: $! is the server
"${run_as[@]}" "$server" --listen 127.0.0.1:0 --db "sqlite:$work/state/gatehouse.db" \
  --set "gatehouse.dataDir=$work/state/var" >"$work/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 150); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" | head -n1 || true)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; fail "the installed server exited"; }
  sleep 0.2
done
[ -n "$url" ] || { cat "$work/server.log"; fail "the installed server did not say where it listens"; }
health=$(curl -fsS "$url/healthz") || fail "/healthz did not answer"
[ "$health" = '{"status":"ok"}' ] || fail "/healthz answered $health"
page=$(curl -fsS "$url/") || fail "/ did not answer"
grep -q '/js/app.js' <<<"$page" || fail "/ is not the portal page"
curl -fsS -o /dev/null "$url/js/app.js" || fail "/js/app.js not served from the installed portal files"
favicon=$(curl -fsS "$url/img/favicon.svg") || fail "favicon not served"
grep -q '<svg' <<<"$favicon" || fail "favicon is not the SVG"
kill -TERM "$server_pid"; wait "$server_pid" || fail "the server did not stop cleanly on SIGTERM"
server_pid=""
echo "installed server served /healthz and / at $url"

admin_version=$(QT_QPA_PLATFORM=offscreen "$admin" --version 2>"$work/admin.err") \
  || { cat "$work/admin.err"; fail "gatehouse-admin --version failed"; }
[ "$admin_version" = "Gatehouse Admin $version" ] || fail "gatehouse-admin --version printed '$admin_version'"
echo "installed $admin_version"

# --- removal ---------------------------------------------------------------------------------------
if [ "$mode" = install ]; then
  apt-get -o DPkg::Lock::Timeout=300 purge -y -qq gatehouse-server gatehouse-admin >"$work/purge.log" 2>&1 \
    || { cat "$work/purge.log"; fail "apt-get purge"; }
  installed=0
  left=""
  while read -r path; do
    [ -z "$path" ] && continue
    # Directories the packages share with others (/usr/bin, /usr/share/icons/...) stay, of course.
    if [ -d "$path" ]; then
      case "$path" in /etc/gatehouse|/usr/share/gatehouse*|/usr/share/doc/gatehouse-*) [ -e "$path" ] && left+="$path\n" ;; esac
      continue
    fi
    if [ -e "$path" ] || [ -L "$path" ]; then left+="$path\n"; fi
  done <"$work/files"
  for path in /etc/gatehouse /usr/share/gatehouse /etc/systemd/system/multi-user.target.wants/gatehouse-server.service; do
    [ -e "$path" ] && left+="$path\n"
  done
  [ -z "$left" ] || fail "left behind after purge:\n$(printf '%b' "$left")"
  echo "purge left nothing behind ($(wc -l <"$work/files") paths checked)"
else
  echo "removal not checked (packages unpacked, not installed: mode $mode)"
fi
echo "PASS"
