#!/bin/sh
# Builds the libFuzzer target tests/fuzz/fuzz_request with clang (in BUILD/fuzz, apart from the g++ build)
# and runs it for a bounded time. Exit code 0 = no crash, leak or sanitizer report.
#   scripts/fuzz.sh [BUILD_DIR] [SECONDS]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
SECONDS_TO_RUN=${2:-60}
OUT="$BUILD/fuzz"
if ! command -v clang++ >/dev/null 2>&1; then
    echo "SKIP: clang++ is not installed (scripts/install-deps.sh installs clang and libclang-rt-14-dev)"
    exit 0
fi
if [ ! -f "$OUT/build.ninja" ]; then
    CXX=clang++ cmake -S "$ROOT/tests/fuzz" -B "$OUT" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$OUT" >/dev/null
mkdir -p "$OUT/corpus"
cp -n "$ROOT"/tests/fuzz/corpus/* "$OUT/corpus/" 2>/dev/null || true
cd "$OUT"
exec ./fuzz_request -max_total_time="$SECONDS_TO_RUN" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$OUT/corpus"
