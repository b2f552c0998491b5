#!/usr/bin/env bash
# The whole pipeline against ripgrep's multi-literal search, in one run, on the same text:
#   ripgrep: rg -F -f names.txt --count-matches big.txt, names.txt = every surface form of the
#            built-in lexicon (canonical names and aliases), big.txt = the seed articles repeated;
#   pipeline: the CLI's in-process benchmark over the same seed articles, one thread.
# The two run in turn, round after round, and each round prints its own ratio, so a machine that
# changes speed between rounds (shared VMs do) moves both sides of a ratio together.
# ripgrep's scan time is its run over the text less its run over an empty file (compiling the
# 37,000 patterns takes 0.4-0.7 s); each is the median of three runs, over 176 MB of text, so that
# the scan outweighs the compilation it is measured net of (over 44 MB, one run of each gave scan
# rates from 52 to 123 MB/s in four rounds).
# Usage: bash bench/scripts/ripgrep-compare.sh [seconds] [rounds]   (needs ripgrep: apt-get install ripgrep)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
rounds=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Surface forms: column 3 (canonical) and column 5 (aliases, |-separated) of the entity files.
cat src/ExtractRpc.Engine/Lexicon/Data/entities/*.tsv | grep -v '^#' \
  | awk -F'\t' 'NF >= 4 { print $3; n = split($5, a, "|"); for (i = 1; i <= n; i++) if (a[i] != "") print a[i] }' \
  | sort -u > "$work/names.txt"

# The seeds repeated to about 176 MB (44 MB, doubled twice).
cat seeds/*.txt > "$work/seeds.txt"
size=$(stat -c %s "$work/seeds.txt")
: > "$work/big.txt"
for _ in $(seq $(( 44000000 / size ))); do cat "$work/seeds.txt" >> "$work/big.txt"; done
for _ in 1 2; do cat "$work/big.txt" "$work/big.txt" > "$work/big2.txt"; mv "$work/big2.txt" "$work/big.txt"; done
: > "$work/empty.txt"

bytes=$(stat -c %s "$work/big.txt")
now() { date +%s.%N; }
echo "names: $(wc -l < "$work/names.txt") surface forms; text: $bytes bytes"
dotnet build -c Release src/ExtractRpc.Cli > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
echo "| round | ripgrep compile s | ripgrep scan MB/s | pipeline docs/s | pipeline MB/s | ripgrep / pipeline |"
echo "|---:|---:|---:|---:|---:|---:|"
for round in $(seq "$rounds"); do
  compile=(); whole=()
  for _ in 1 2 3; do
    t0=$(now); rg -F -f "$work/names.txt" --count-matches "$work/empty.txt" > /dev/null || true; t1=$(now)
    rg -F -f "$work/names.txt" --count-matches "$work/big.txt" > "$work/count.txt"; t2=$(now)
    compile+=("$(echo "$t1 - $t0" | bc -l)"); whole+=("$(echo "$t2 - $t1" | bc -l)")
  done
  c=$(printf '%s\n' "${compile[@]}" | sort -g | sed -n 2p); w=$(printf '%s\n' "${whole[@]}" | sort -g | sed -n 2p)
  # ripgrep's scan: the median whole run less the median time it takes to compile the patterns over an empty file.
  rg_mbs=$(echo "$bytes / ($w - $c) / 1000000" | bc -l)
  row=$(dotnet src/ExtractRpc.Cli/bin/Release/net10.0/extractrpc.dll bench --seconds "$seconds" --articles seeds | grep -E '^\| in-process')
  docs=$(echo "$row" | awk -F'|' '{ gsub(/ /, "", $4); print $4 }')
  mbs=$(echo "$row" | awk -F'|' '{ gsub(/ /, "", $5); print $5 }')
  printf '| %d | %.2f | %.1f | %s | %s | %.2f |\n' "$round" "$c" "$rg_mbs" "$docs" "$mbs" "$(echo "$rg_mbs / $mbs" | bc -l)"
done
echo "matches per ripgrep run: $(cat "$work/count.txt")"
