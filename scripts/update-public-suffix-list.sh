#!/usr/bin/env bash
# Refreshes the Public Suffix List snapshot the policy builder uses to refuse subdomain patterns over a
# public suffix (https://*.com, https://*.github.io) together with credentials.
#
# The list is maintained at https://publicsuffix.org; it is taken here from the npm package "psl", which
# republishes it as data/rules.js, because the npm registry is reachable from our build machines.
# Usage: scripts/update-public-suffix-list.sh [psl-version]
set -euo pipefail
version="${1:-1.15.0}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/cors-filter/src/main/resources/dev/corsfilter/internal/public_suffix_list.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "psl@$version" >/dev/null && tar xzf "psl-$version.tgz")
{
  echo "# Public Suffix List (https://publicsuffix.org), one rule per line, as republished in the npm"
  echo "# package psl@$version (data/rules.js); refreshed by scripts/update-public-suffix-list.sh."
  echo "# The list is subject to the Mozilla Public License, v. 2.0: https://mozilla.org/MPL/2.0/"
  sed -n 's/^ *"\(.*\)",\{0,1\}$/\1/p' "$work/package/data/rules.js"
} > "$target"
echo "wrote $(grep -vc '^#' "$target") rules to $target"
