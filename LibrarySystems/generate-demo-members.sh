#!/usr/bin/env bash
# Regenerates demo-members.json: the demo export FileLibrarySystem reads (`make run`, tests).
# The secrets are demo data, listed in README.md; only their Argon2id hashes go into the file,
# at OWASP's minimum cost (m=19456 KiB, t=2, p=1) with a fresh random salt each.
# Needs the `argon2` CLI (Debian package argon2) and /dev/urandom.
# Usage: LibrarySystems/generate-demo-members.sh   (writes next to this script)
set -euo pipefail
cd "$(dirname "$0")"
command -v argon2 >/dev/null || { echo "error: the argon2 CLI is missing (apt-get install argon2)" >&2; exit 1; }

# library | card number | member reference | valid until (null: no end) | secret
members=(
  "bibliotheek-noord|20001000000001|N100001|2035-12-31|1234"
  "bibliotheek-noord|20001000000002|N100002|2035-12-31|2468"
  "bibliotheek-noord|20001000000003|N100003|2024-12-31|1357"
  "bibliotheek-zuid|20002000000001|Z200001|2035-12-31|4321"
  "bibliotheek-zuid|20002000000002|Z200002|null|8642"
  "bibliotheek-zuid|20002000000003|Z200003|2025-06-30|9753"
  "bibliotheek-oost|20003000000001|O300001|2035-12-31|5678"
  "bibliotheek-oost|20003000000002|O300002|2035-12-31|9012"
)

hash_secret() {
  local salt
  salt=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s' "$1" | argon2 "$salt" -id -t 2 -k 19456 -p 1 -l 32 -e
}

{
  printf '{\n  "libraries": [\n'
  printf '    { "id": "bibliotheek-noord", "name": "Bibliotheek Noord" },\n'
  printf '    { "id": "bibliotheek-zuid", "name": "Bibliotheek Zuid" },\n'
  printf '    { "id": "bibliotheek-oost", "name": "Bibliotheek Oost" }\n'
  printf '  ],\n  "members": [\n'
  count=${#members[@]}
  for index in "${!members[@]}"; do
    IFS='|' read -r library card reference until secret <<<"${members[$index]}"
    [ "$until" = null ] && until_json=null || until_json="\"$until\""
    separator=","
    [ "$index" -eq $((count - 1)) ] && separator=""
    printf '    { "library": "%s", "card_number": "%s", "member_reference": "%s", "valid_until": %s,\n' \
      "$library" "$card" "$reference" "$until_json"
    printf '      "secret_hash": "%s" }%s\n' "$(hash_secret "$secret")" "$separator"
  done
  printf '  ]\n}\n'
} > demo-members.json.tmp
mv demo-members.json.tmp demo-members.json
echo "wrote $(pwd)/demo-members.json"
