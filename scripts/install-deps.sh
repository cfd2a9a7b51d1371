#!/usr/bin/env bash
# Installs the Debian packages LibraryGateway needs, only those that are missing.
# Usage: scripts/install-deps.sh [build|bench]   (build is the default)
set -euo pipefail

packages=(pkg-config libssl-dev libargon2-dev libhiredis-dev libmicrohttpd-dev libsqlite3-dev libcrack2-dev cracklib-runtime redis-server python3 python3-pip)
if [ "${1:-build}" = "bench" ]; then
  packages+=(wrk nginx-light argon2 openssl)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python packages the interop tests (Tests/Interop/) run against, from PyPI.
if ! python3 -c "import jwcrypto, jwt, cryptography" >/dev/null 2>&1; then
  echo "installing Python packages: jwcrypto PyJWT cryptography"
  # Debian's own python3 refuses pip installs (PEP 668) unless told otherwise.
  export PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1
  python3 -m pip install --quiet jwcrypto PyJWT cryptography \
    || python3 -m pip install --quiet --break-system-packages jwcrypto PyJWT cryptography
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
