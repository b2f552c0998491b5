#!/usr/bin/env bash
# The whole pipeline against ripgrep's multi-literal search, in one run, on the same text:
#   ripgrep: rg -F -f names.txt --count-matches big.txt, names.txt = every surface form of the
#            built-in lexicon (canonical names and aliases), big.txt = the seed articles repeated;
#   pipeline: the CLI's in-process benchmark over the same seed articles, one thread.
# Usage: bash bench/scripts/ripgrep-compare.sh [seconds]   (needs ripgrep: apt-get install ripgrep)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Surface forms: column 3 (canonical) and column 5 (aliases, |-separated) of the entity files.
cat src/ExtractRpc.Engine/Lexicon/Data/entities/*.tsv | grep -v '^#' \
  | awk -F'\t' 'NF >= 4 { print $3; n = split($5, a, "|"); for (i = 1; i <= n; i++) if (a[i] != "") print a[i] }' \
  | sort -u > "$work/names.txt"

# The seeds repeated to about 44 MB.
cat seeds/*.txt > "$work/seeds.txt"
size=$(stat -c %s "$work/seeds.txt")
: > "$work/big.txt"
for _ in $(seq $(( 44000000 / size ))); do cat "$work/seeds.txt" >> "$work/big.txt"; done
: > "$work/empty.txt"

bytes=$(stat -c %s "$work/big.txt")
now() { date +%s.%N; }
t0=$(now); rg -F -f "$work/names.txt" --count-matches "$work/empty.txt" > /dev/null || true; t1=$(now)
rg -F -f "$work/names.txt" --count-matches "$work/big.txt" > "$work/count.txt"; t2=$(now)
compile=$(echo "$t1 - $t0" | bc -l)
total=$(echo "$t2 - $t1" | bc -l)
scan=$(echo "$total - $compile" | bc -l)
echo "names: $(wc -l < "$work/names.txt") surface forms; text: $bytes bytes; matches: $(cat "$work/count.txt")"
printf 'ripgrep: %.2f s in all, %.2f s compiling the patterns, %.1f MB/s scanning\n' "$total" "$compile" "$(echo "$bytes / $scan / 1000000" | bc -l)"

dotnet run -c Release --project src/ExtractRpc.Cli -- bench --seconds "$seconds" --articles seeds | grep -E '^\| (mode|in-process)'
