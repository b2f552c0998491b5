#!/usr/bin/env bash
# Unary Extract against the bare grpc-dotnet echo service, in one run, on the same request bytes:
#   echo:       bench/ExtractRpc.EchoServer (the same contract, an empty response);
#   cache off:  ExtractRpc with Extractor:CacheSizeBytes=0 (every call runs the engine);
#   cache on:   ExtractRpc with its default cache (every call after the first is a hit).
# The request is seed 000 with an id and no reference time, framed for h2load as gRPC: 0x00, a 4-byte
# big-endian length, then the ExtractRequest bytes. Load: 16 connections x 10 streams (concurrency 160).
# Usage: bash bench/scripts/h2load-unary.sh [rounds] [requests] [warm-up seconds]   (needs h2load: apt-get install nghttp2-client)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
requests=${2:-20000}
warmup=${3:-5}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

for p in src/ExtractRpc.Server bench/ExtractRpc.EchoServer; do dotnet build -c Release -v q -nologo "$p" > /dev/null; done

# ExtractRequest { id = 1: "seed-000", text = 2: the article }, hand-encoded: both are length-delimited strings.
/usr/bin/python3 - "$work/payload.bin" ../shared/seeds/000_*.txt <<'EOF'
import struct, sys
def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F; n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n: return bytes(out)
def field(number, data): return varint(number << 3 | 2) + varint(len(data)) + data
text = open(sys.argv[2], 'rb').read()
message = field(1, b'seed-000') + field(2, text)
open(sys.argv[1], 'wb').write(b'\x00' + struct.pack('>I', len(message)) + message)
EOF

port=$(( 50100 + RANDOM % 800 ))
echo_port=$port; off_port=$((port + 1)); on_port=$((port + 2))
dotnet bench/ExtractRpc.EchoServer/bin/Release/net10.0/ExtractRpc.EchoServer.dll --urls "http://127.0.0.1:$echo_port" > "$work/echo.log" 2>&1 & pids+=($!)
dotnet src/ExtractRpc.Server/bin/Release/net10.0/ExtractRpc.Server.dll --urls "http://127.0.0.1:$off_port" --Extractor:CacheSizeBytes=0 > "$work/off.log" 2>&1 & pids+=($!)
dotnet src/ExtractRpc.Server/bin/Release/net10.0/ExtractRpc.Server.dll --urls "http://127.0.0.1:$on_port" > "$work/on.log" 2>&1 & pids+=($!)
for p in $echo_port $off_port $on_port; do
  for _ in $(seq 100); do (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null && break; sleep 0.1; done
done

run() { # port requests -> req/s (only when every request succeeded)
  local out
  out=$(h2load -n "$2" -c 16 -m 10 -d "$work/payload.bin" -H 'content-type: application/grpc' -H 'te: trailers' \
    "http://127.0.0.1:$1/extractrpc.v1.Extractor/Extract")
  if ! grep -q "requests: $2 total, $2 started, $2 done, $2 succeeded" <<< "$out"; then
    echo "h2load: not every request succeeded on port $1:" >&2; grep -E '^requests|^status' <<< "$out" >&2; exit 1
  fi
  sed -nE 's/^finished in [0-9.]+m?s, ([0-9.]+) req\/s.*/\1/p' <<< "$out"
}

# Warm-up, by time: the JIT's tiers, the thread pool and (cache on) the one miss that fills the cache.
# (10,000 calls were too few: a hit path measured right after them still ran partly unoptimized code.)
for p in $echo_port $off_port $on_port; do
  h2load -D "$warmup" -c 16 -m 10 -d "$work/payload.bin" -H 'content-type: application/grpc' -H 'te: trailers' \
    "http://127.0.0.1:$p/extractrpc.v1.Extractor/Extract" > /dev/null
done

echo "payload: $(stat -c %s "$work/payload.bin") bytes; $requests requests a run after ${warmup} s of warm-up each, 16 connections x 10 streams"
echo "| round | echo req/s | cache off req/s | share of echo | cache hits req/s | hits / misses |"
echo "|---|---:|---:|---:|---:|---:|"
for r in $(seq "$rounds"); do
  e=$(run $echo_port "$requests"); off=$(run $off_port "$requests"); on=$(run $on_port "$requests")
  printf '| %d | %.0f | %.0f | %.1f%% | %.0f | %.1f× |\n' "$r" "$e" "$off" "$(echo "100 * $off / $e" | bc -l)" "$on" "$(echo "$on / $off" | bc -l)"
done
printf 'resident memory after the runs: cache off %d MB, cache on %d MB\n' \
  $(( $(ps -o rss= -p "${pids[1]}") / 1024 )) $(( $(ps -o rss= -p "${pids[2]}") / 1024 ))
