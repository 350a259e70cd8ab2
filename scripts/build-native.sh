#!/usr/bin/env bash
# Builds the SQLite extension (the same bytes each time) in native/ for every platform the app runs on, into
# resources/sqlite/<platform>-<arch>/ (the names Node gives process.platform and process.arch),
# then checks each build against bm25() in a SQLite built for its platform: natively, under
# qemu-aarch64 and under Wine, and a build with AddressSanitizer for memory errors. The binaries are committed: installing and testing the app
# compiles nothing.
# Needs Debian's gcc, gcc-aarch64-linux-gnu, gcc-mingw-w64-x86-64, qemu-user and wine64.
# The headers are those of the SQLite that better-sqlite3 bundles; an extension calls SQLite
# only through the table of functions handed to it, so one build serves Node and Electron.
set -euo pipefail
cd "$(dirname "$0")/.."
inc=node_modules/better-sqlite3/deps/sqlite3
src=native/nianbao_rank.c
out=resources/sqlite
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
flags=(-O2 -Wall -Wextra -Werror -shared -s -I"$inc")
build() { # compiler, folder, file, extra flags...
  local cc=$1 platform=$2 dir=$out/$2 file=$3
  shift 3
  mkdir -p "$dir"
  "$cc" "${flags[@]}" "$@" -o "$dir/$file" "$src"
  # The check program, with its own SQLite for the same platform.
  local libs=(-lm -ldl -lpthread)
  [ "$platform" = win32-x64 ] && libs=(-lm)
  "$cc" -O1 -DSQLITE_ENABLE_FTS5 -I"$inc" -o "$check/$platform.exe" native/check_rank.c "$inc/sqlite3.c" "${libs[@]}"
}
build gcc linux-x64 nianbao_rank.so -fPIC
build aarch64-linux-gnu-gcc linux-arm64 nianbao_rank.so -fPIC
build x86_64-w64-mingw32-gcc win32-x64 nianbao_rank.dll -static-libgcc -Wl,--no-insert-timestamp
# Only glibc's base symbol versions (2.2.5 on x64, 2.17 on arm64): loads on any glibc.
for so in linux-x64:x86_64-linux-gnu-objdump:2.2.5 linux-arm64:aarch64-linux-gnu-objdump:2.17; do
  IFS=: read -r dir objdump base <<< "$so"
  newer=$("$objdump" -T "$out/$dir/nianbao_rank.so" | grep -o 'GLIBC_[0-9.]*' | grep -vx "GLIBC_$base" || true)
  if [ -n "$newer" ]; then echo "$dir needs $newer: would not load on older glibc" >&2; exit 1; fi
done
"$check/linux-x64.exe" "$out/linux-x64/nianbao_rank.so"
qemu-aarch64 -L /usr/aarch64-linux-gnu "$check/linux-arm64.exe" "$out/linux-arm64/nianbao_rank.so"
WINEDEBUG=-all /usr/lib/wine/wine64 "$check/win32-x64.exe" "$out/win32-x64/nianbao_rank.dll"
# Once more with AddressSanitizer and UBSan, extension and check alike: memory errors and leaks.
san=(-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -I"$inc")
mkdir -p "$check/asan"
gcc "${san[@]}" -shared -fPIC -o "$check/asan/nianbao_rank.so" "$src"
gcc "${san[@]}" -DSQLITE_ENABLE_FTS5 -o "$check/asan/check.exe" native/check_rank.c "$inc/sqlite3.c" -lm -ldl -lpthread
"$check/asan/check.exe" "$check/asan/nianbao_rank.so"
# What the binaries were built from; a test compares it with the source as it is now.
sha256sum "$src" | cut -d' ' -f1 > $out/SOURCE.sha256
