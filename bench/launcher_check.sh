#!/usr/bin/env bash
# Checks the ./gfa launcher's caches and messages from the outside (docs/startup.md). Needs a
# built jar (run ./gfa --version once) and a JDK >= 21; takes a minute, most of it for the one
# start-up cache it rebuilds. Exit 0 when every check passes; prints each check.
#
#   bench/launcher_check.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gfa="$root/gfa"
target="$root/gfa-cli/target"
cache="$target/gfa-java.cache"
failures=0

check() { # check NAME CONDITION...
  local name="$1"
  shift
  if "$@"; then
    echo "ok   $name"
  else
    echo "FAIL $name"
    failures=$((failures + 1))
  fi
}

[[ -f "$target/gfa.jar" ]] || { echo "build first: ./gfa --version"; exit 2; }

# 1. The JDK probe is cached, and the cache names the java it chose.
rm -f "$cache"
version="$("$gfa" --version)"
check "gfa --version prints the version" [ "${version#gfa }" != "$version" ]
check "the probe wrote its cache" [ -f "$cache" ]
java="$(sed -n 2p "$cache")"
check "the cache names an executable java" [ -x "$java" ]

# 2. A cached answer is used: a cache naming another (fake) java with the same key and
#    fingerprint is believed, which proves the probe did not run again.
fake="$(mktemp -d)"
printf '#!/bin/sh\necho "fake java $*" \n' >"$fake/java"
chmod +x "$fake/java"
{ sed -n 1p "$cache"; echo "$fake/java"; sed -n 3p "$cache"
  stat -L --printf '%n %Y %s; ' "$fake/java" "$fake/../lib/modules" /usr/lib/jvm 2>/dev/null || true; echo
  sed -n 5p "$cache"; } >"$cache.new"
mv "$cache.new" "$cache"
out="$(GFA_AOT=0 "$gfa" --version)"
check "a valid cache is used without probing" [ "${out#fake java}" != "$out" ]

# 3. Changing the environment (GFA_JAVA) invalidates the cache: the real java runs again.
out="$(GFA_JAVA="$java" GFA_AOT=0 "$gfa" --version)"
check "GFA_JAVA changes the probe's key" [ "$out" = "$version" ]
check "the cache now holds the new key" grep -q "^GFA_JAVA=$java " "$cache"

# 4. A java whose file changed (fingerprint) is probed again.
rm -f "$cache"
"$gfa" --version >/dev/null
sed -i '4s/[0-9]/9/' "$cache" # as if the JDK had been replaced
out="$("$gfa" --version)"
check "a changed JDK is probed again" [ "$out" = "$version" ]
check "and the cache is rewritten" [ "$(sed -n 2p "$cache")" = "$java" ]
rm -rf "$fake"

# 5. The start-up cache: made once per jar, silently, then used; a newer jar gets a new one.
major="$(sed -n 3p "$cache")"
if [[ "$major" -ge 21 ]]; then
  touch "$target/gfa.jar"
  "$gfa" --version >/dev/null
  stale="$(compgen -G "$target/gfa-*.aot" || compgen -G "$target/gfa-*.jsa" || true)"
  check "a lone --version makes no start-up cache" [ ! "$stale" -nt "$target/gfa.jar" ]
  err="$("$gfa" descriptors 2>&1 >/dev/null)"
  check "making the start-up cache prints nothing when not on a terminal" [ -z "$err" ]
  made="$(compgen -G "$target/gfa-*.aot" || compgen -G "$target/gfa-*.jsa" || true)"
  check "a start-up cache exists after the first run of a new jar" [ -n "$made" ]
  check "it is newer than the jar" [ "$made" -nt "$target/gfa.jar" ]
  err="$("$gfa" descriptors 2>&1 >/dev/null)"
  check "a run with the cache prints nothing on stderr" [ -z "$err" ]
  err="$(GFA_JAVA_OPTS=-Xmx40g "$gfa" descriptors 2>&1 >/dev/null)"
  check "a cache the JVM cannot use (other heap mode) is ignored silently" [ -z "$err" ]
fi

# 6. Completion comes from the jar.
check "gfa completion bash registers _complete_gfa" bash -c "'$gfa' completion bash | grep -q 'complete -F _complete_gfa'"

echo "$failures failed"
[[ "$failures" == 0 ]]
