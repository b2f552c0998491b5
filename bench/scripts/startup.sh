#!/usr/bin/env bash
# Start-up to listening (the lexicon is loaded before the server listens, so this is also SERVING),
# for the Release build and for a ReadyToRun publish (as the Dockerfile builds it), launched in turn.
# Both read the lexicon snapshot their build or publish wrote beside them (lexicon.snapshot); the row
# "compile" turns snapshots off (Extractor__LexiconSnapshot empty), as a start without one would run.
# Usage: bash bench/scripts/startup.sh [launches]
set -euo pipefail
cd "$(dirname "$0")/../.."
launches=${1:-4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release -v q -nologo src/ExtractRpc.Server > /dev/null
dotnet publish -c Release -r linux-x64 --self-contained false -v q -nologo -o "$work/r2r" src/ExtractRpc.Server > /dev/null

launch() { # dll port snapshot -> seconds to listening, lexicon ms, RSS MB
  local start end pid
  start=$(date +%s.%N)
  Extractor__LexiconSnapshot="$3" dotnet "$1" --urls "http://127.0.0.1:$2" > "$work/log" 2>&1 &
  pid=$!
  until (echo > "/dev/tcp/127.0.0.1/$2") 2>/dev/null; do sleep 0.005; done
  end=$(date +%s.%N)
  printf '%.2f s, lexicon %s, RSS %d MB' "$(echo "$end - $start" | bc -l)" "$(grep -o 'in [0-9]* ms' "$work/log" | cut -d' ' -f2-)" $(( $(ps -o rss= -p "$pid") / 1024 ))
  sleep 0.5 # the snapshot is written in the background after a compile
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
}

port=$(( 50900 + RANDOM % 90 ))
echo "| launch | Release build | ReadyToRun publish |"
echo "|---|---|---|"
release=src/ExtractRpc.Server/bin/Release/net10.0/ExtractRpc.Server.dll
for i in $(seq 0 "$launches"); do
  snapshot=$([ "$i" = 0 ] && echo "" || echo "$work/unused.snapshot")
  a=$(launch $release $((port + 2 * i)) "$snapshot")
  b=$(launch "$work/r2r/ExtractRpc.Server.dll" $((port + 2 * i + 1)) "$snapshot")
  echo "| $([ "$i" = 0 ] && echo compile || echo "$i") | $a | $b |"
done
