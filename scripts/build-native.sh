#!/usr/bin/env bash
# Builds the SQLite extension in native/ for every platform the app runs on, into
# resources/sqlite/<platform>-<arch>/ (the names Node gives process.platform and process.arch).
# The binaries are committed: installing and testing the app compiles nothing.
# Needs Debian's gcc, gcc-aarch64-linux-gnu and gcc-mingw-w64-x86-64.
# The header is the one of the SQLite that better-sqlite3 bundles; an extension calls SQLite
# only through the table of functions handed to it, so one build serves Node and Electron.
set -euo pipefail
cd "$(dirname "$0")/.."
inc=node_modules/better-sqlite3/deps/sqlite3
src=native/nianbao_rank.c
out=resources/sqlite
flags=(-O2 -Wall -Wextra -Werror -shared -s -I"$inc")
build() { # compiler, folder, file, extra flags...
  local cc=$1 dir=$out/$2 file=$3
  shift 3
  mkdir -p "$dir"
  "$cc" "${flags[@]}" "$@" -o "$dir/$file" "$src"
  echo "$dir/$file"
}
build gcc linux-x64 nianbao_rank.so -fPIC
build aarch64-linux-gnu-gcc linux-arm64 nianbao_rank.so -fPIC
build x86_64-w64-mingw32-gcc win32-x64 nianbao_rank.dll -static-libgcc
# What the binaries were built from; a test compares it with the source as it is now.
sha256sum "$src" | cut -d' ' -f1 > $out/SOURCE.sha256
