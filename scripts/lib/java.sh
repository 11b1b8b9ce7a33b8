# shellcheck shell=bash
# Sourceable helpers for finding a JDK. Usage:
#   source scripts/lib/java.sh
#   JAVA_HOME="$(find_jdk21)" || exit 1

# java_major <java_home> : prints the feature version (17, 21, 25, ...) of the JDK at <java_home>.
java_major() {
  local home="$1" release version
  release="$home/release"
  if [[ -r "$release" ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release")
  fi
  if [[ -z "${version:-}" && -x "$home/bin/java" ]]; then
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  fi
  [[ -n "${version:-}" ]] || return 1
  version=${version#1.}          # 1.8.0_x -> 8.0_x
  echo "${version%%[._+-]*}"
}

# find_jdk21 : echoes a JAVA_HOME for a JDK 21 or newer: $JAVA_HOME if it qualifies, else the newest
# JDK (one with bin/javac) under /usr/lib/jvm (override the folder with JDK_SEARCH_DIR).
find_jdk21() {
  local min=21 major best="" best_major=0 dir
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    major=$(java_major "$JAVA_HOME") || major=0
    if (( major >= min )); then
      echo "$JAVA_HOME"
      return 0
    fi
  fi
  for dir in "${JDK_SEARCH_DIR:-/usr/lib/jvm}"/*; do
    [[ -d "$dir" && ! -L "$dir" && -x "$dir/bin/java" && -x "$dir/bin/javac" ]] || continue
    major=$(java_major "$dir") || continue
    if (( major > best_major )); then
      best="$dir"
      best_major=$major
    fi
  done
  if (( best_major >= min )); then
    echo "$best"
    return 0
  fi
  echo "error: no JDK ${min}+ found (JAVA_HOME=${JAVA_HOME:-unset}; newest under ${JDK_SEARCH_DIR:-/usr/lib/jvm}: ${best:-none}${best:+ ($best_major)})." >&2
  echo "       Install a JDK 21+ under /usr/lib/jvm (Debian 12 itself only ships 17) or point JAVA_HOME at one." >&2
  return 1
}
