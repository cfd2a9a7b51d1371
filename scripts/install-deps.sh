#!/usr/bin/env bash
# Installs the Debian packages LibraryGateway needs, only those that are missing.
# Usage: scripts/install-deps.sh [build|test|bench]   (build is the default; test adds the
# browser and Python packages the tests drive, bench adds wrk, nginx and the argon2 CLI)
set -euo pipefail

mode="${1:-build}"
packages=(pkg-config libssl-dev libargon2-dev libhiredis-dev libmicrohttpd-dev libsqlite3-dev libcrack2-dev cracklib-runtime redis-server python3)
# Chromium is installed with its recommended packages (fonts), the rest without.
with_recommends=()
case "$mode" in
  test) packages+=(python3-pip); with_recommends+=(chromium chromium-driver) ;;
  bench) packages+=(wrk nginx-light argon2 openssl) ;;
esac

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

missing_recommended=()
for package in "${with_recommends[@]+"${with_recommends[@]}"}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing_recommended+=("$package")
done

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ] || [ ${#missing_recommended[@]} -gt 0 ]; then
  echo "installing: ${missing[*]} ${missing_recommended[*]}"
  $sudo apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ${#missing_recommended[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing_recommended[@]}" >/dev/null
fi

# Python packages the interop (Tests/Interop/) and browser (Tests/Browser/) tests drive, from PyPI.
if [ "$mode" = "test" ] && ! python3 -c "import jwcrypto, jwt, cryptography, selenium, authlib, requests" >/dev/null 2>&1; then
  echo "installing Python packages: jwcrypto PyJWT cryptography selenium authlib requests"
  # Debian's own python3 refuses pip installs (PEP 668) unless told otherwise.
  export PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1
  python3 -m pip install --quiet jwcrypto PyJWT cryptography selenium authlib requests \
    || python3 -m pip install --quiet --break-system-packages jwcrypto PyJWT cryptography selenium authlib requests
fi

# The package the distribution ships may start a system-wide nginx/redis; we never use
# those (everything here runs on private ports), so leave them alone.
if ! command -v swift >/dev/null 2>&1; then
  for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$candidate/swift" ] && { echo "note: add $candidate to PATH"; exit 0; }
  done
  echo "error: the Swift 6 toolchain is not on PATH (see https://www.swift.org/install/linux/ for Debian 12)" >&2
  exit 1
fi
