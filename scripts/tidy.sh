#!/bin/sh
# Runs clang-tidy (the checks of .clang-tidy) over the production code with a configured and built tree's compile
# database; exits non-zero on any finding. `make tidy`; by hand: scripts/tidy.sh build [file.cpp ...]
set -eu
build_dir=${1:-build}
[ $# -gt 0 ] && shift
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$build_dir/compile_commands.json" ]; then
    echo "tidy: $build_dir/compile_commands.json missing — configure and build first (make build)" >&2
    exit 2
fi
command -v run-clang-tidy-14 >/dev/null || { echo "tidy: run-clang-tidy-14 missing (make deps)" >&2; exit 2; }
cd "$root"
if [ $# -gt 0 ]; then
    files="$*"
else
    files=$(git ls-files 'models/*.cpp' 'sync/*.cpp' 'reports/*.cpp' 'ui/*.cpp' 'app/*.cpp' 'server/*.cpp')
fi
# run-clang-tidy takes regular expressions; anchor each path.
regex=$(for f in $files; do printf '^%s/%s$ ' "$root" "$f" | sed 's/[.]/\\./g'; done)
# shellcheck disable=SC2086
run-clang-tidy-14 -p "$build_dir" -quiet -j "${TIDY_JOBS:-$(nproc)}" $regex
