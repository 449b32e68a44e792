#!/usr/bin/env bash
# The WiX sources, checked with wixl (Debian's msitools) as far as Linux allows (CTest "package_wix"):
# the install tree's files (cmake --install, components admin and server) become a test MSI with the
# upgrade GUID of installer/Packaging.cmake, the product icon and license, a Start-menu shortcut, an
# optional server feature, and the Windows service exactly as installer/windows/wix-patch.xml declares
# it; msiinfo then reads the tables back. The real MSI is made by CPack's WiX on Windows (workflow).
# Usage: test-wix.sh BUILD_DIR SOURCE_DIR PROJECT_VERSION
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
version=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/gh-wix.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

guid=$(sed -n 's/^set(CPACK_WIX_UPGRADE_GUID "\([0-9A-F-]*\)")$/\1/p' "$source_dir/installer/Packaging.cmake")
[ -n "$guid" ] || fail "no fixed CPACK_WIX_UPGRADE_GUID in installer/Packaging.cmake"
xmllint --noout "$source_dir/installer/windows/wix-patch.xml" || fail "wix-patch.xml is not XML"

cmake --install "$build" --component admin --prefix "$work/admin" >/dev/null
cmake --install "$build" --component server --prefix "$work/server" >/dev/null
server_exe="$work/server/bin/gatehouse-server"
[ -x "$server_exe" ] || fail "the server component has no bin/gatehouse-server"
find "$work/admin" -type f | sort \
  | wixl-heat --prefix "$work/admin/" --directory-ref INSTALL_ROOT --component-group AdminFiles --var var.AdminDir >"$work/admin.wxs"
find "$work/server" -type f ! -path "$work/server/bin/gatehouse-server" | sort \
  | wixl-heat --prefix "$work/server/" --directory-ref INSTALL_ROOT --component-group ServerFiles --var var.ServerDir >"$work/server.wxs"

# The service elements of the patch's server fragment, as CPack would put them into its component.
service=$(python3 - "$source_dir/installer/windows/wix-patch.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
fragment = [f for f in root.findall('CPackWiXFragment') if f.get('Id', '').startswith('CM_CP_server.')]
if not fragment:
    sys.exit('no CPackWiXFragment for the server component')
for child in fragment[0]:
    print(ET.tostring(child, encoding='unicode').strip())
PY
) || fail "cannot read the service out of wix-patch.xml"
grep -q ServiceInstall <<<"$service" || fail "wix-patch.xml declares no ServiceInstall"

[ -f "$build/installer/icons/gatehouse.ico" ] || fail "no gatehouse.ico made by the build"
# wixl takes sources relative to the folder it runs in.
cp "$build/installer/icons/gatehouse.ico" "$source_dir/installer/windows/license.rtf" "$work/"
python3 - "$source_dir/tests/package/wix-test-product.wxs.in" "$work/product.wxs" <<PY
import sys
text = open(sys.argv[1]).read()
for key, value in {'@VERSION@': '$version', '@UPGRADE_GUID@': '$guid', '@ICON@': 'gatehouse.ico',
                   '@LICENSE@': 'license.rtf', '@SERVER_EXE@': 'server/bin/gatehouse-server',
                   '@SERVICE@': '''$service'''}.items():
    text = text.replace(key, value)
open(sys.argv[2], 'w').write(text)
PY

(cd "$work" && wixl -a x64 -D AdminDir=admin -D ServerDir=server -o gatehouse-test.msi product.wxs admin.wxs server.wxs) \
  || fail "wixl could not build the test MSI"
msi="$work/gatehouse-test.msi"
# One table as text; grep -c reads it to the end (grep -q closing the pipe early fails under pipefail).
table() { local text; text=$(cd "$work" && msiinfo export "$msi" "$1") && printf '%s\n' "$text"; }
table Upgrade | grep -c "{$guid}" >/dev/null || fail "Upgrade table lacks the upgrade GUID"
table ServiceInstall | grep -c $'GatehouseServer\tGatehouse Server' >/dev/null || fail "no GatehouseServer service"
table ServiceControl | grep -c GatehouseServer >/dev/null || fail "no service control"
table Shortcut | grep -c 'Gatehouse Admin' >/dev/null || fail "no Start-menu shortcut"
table Icon | grep -c ProductIcon >/dev/null || fail "no product icon"
table Feature | grep -cP '^Server\t.*\t2\t' >/dev/null || fail "the server feature is not optional (level 2)"
table File | grep -c index.html >/dev/null || fail "the portal files are not in the MSI"
table File | grep -c license.rtf >/dev/null || fail "the license is not in the MSI"
table Property | grep -c "ProductVersion	$version" >/dev/null || fail "ProductVersion is not $version"
echo "test MSI: $(stat -c %s "$msi") bytes, $(table File | tail -n +4 | wc -l) files; upgrade GUID {$guid}"
echo PASS
