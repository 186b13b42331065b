# shellcheck shell=bash
# Synlab JDK finder. Sourced (not executed) by ./synlab, ./mvnw and .ci/run.
#
# Synlab compiles with --release 25 and runs on JDK 25 APIs, but many machines keep an older JDK as
# the default `java` (and JAVA_HOME) and install 25 beside it. Rather than making every user fix
# their environment, this picks a JDK >= 25 in this order and exports JAVA_HOME:
#   1. JAVA_HOME, if its java is >= 25 (an explicit choice wins);
#   2. `java` on PATH, if it is >= 25;
#   3. the highest JDK >= 25 found in the standard install locations below.
# If none qualifies it prints what it did find, with versions, and exits 2 (which ends the script
# that sourced it: nothing Synlab does can work without a JDK 25).
#
# SYNLAB_JDK_SEARCH: a colon-separated list of glob patterns naming candidate JDK homes. It replaces
# the standard locations of step 3; tests use it to simulate a machine without JDK 25, users may use
# it to point at a JDK kept somewhere unusual.
#
# Everything here is a function or an underscore-prefixed variable so that sourcing it leaks nothing
# but JAVA_HOME (and the synlab_* helpers).

SYNLAB_JAVA_MIN=25

# Major version from a version string: "25.0.3" -> 25, "25" -> 25, "1.8.0_392" -> 8, "26-ea" -> 26.
synlab_java_major() {
  local v=${1%%[-+]*}
  case $v in
    1.*) v=${v#1.} ;;
  esac
  v=${v%%.*}
  case $v in
    '' | *[!0-9]*) echo 0 ;;
    *) echo "$v" ;;
  esac
}

# Full version of the JDK at home $1. Reading the `release` file costs nothing; starting a JVM costs
# ~100 ms on every launch, so it is only the fallback for installs without that file.
synlab_java_version() {
  local home=$1 line
  if [ -r "$home/release" ]; then
    line=$(grep -m1 '^JAVA_VERSION=' "$home/release" 2>/dev/null) || line=
    line=${line#JAVA_VERSION=}
    line=${line//\"/}
    if [ -n "$line" ]; then
      echo "$line"
      return 0
    fi
  fi
  if [ -x "$home/bin/java" ]; then
    # First line looks like: openjdk version "25.0.3" 2026-04-21
    line=$("$home/bin/java" -version 2>&1 | sed -n '1s/^[^"]*"\([^"]*\)".*/\1/p')
    if [ -n "$line" ]; then
      echo "$line"
      return 0
    fi
  fi
  return 1
}

# Physical path of a directory (symlinks resolved), so aliases such as
# /usr/lib/jvm/java-1.17.0-openjdk-amd64 -> java-17-openjdk-amd64 are reported once.
synlab_physical_dir() {
  (cd -P -- "$1" 2>/dev/null && pwd)
}

synlab_find_java() {
  local _found=() _home _ver _major _best= _best_ver= _java _pattern _seen=' '
  local _IFS_saved=$IFS

  # 1. JAVA_HOME.
  if [ -n "${JAVA_HOME:-}" ]; then
    if [ -x "$JAVA_HOME/bin/java" ] && _ver=$(synlab_java_version "$JAVA_HOME"); then
      if [ "$(synlab_java_major "$_ver")" -ge "$SYNLAB_JAVA_MIN" ]; then
        export JAVA_HOME
        return 0
      fi
      _found+=("$JAVA_HOME ($_ver, from JAVA_HOME)")
      _seen+="$(synlab_physical_dir "$JAVA_HOME") "
    else
      _found+=("$JAVA_HOME (no usable bin/java, from JAVA_HOME)")
    fi
  fi

  # 2. java on PATH. Its home is two levels above the real binary (…/bin/java), with symlinks such
  #    as /usr/bin/java -> /etc/alternatives/java -> …/bin/java followed.
  if _java=$(command -v java 2>/dev/null) && [ -n "$_java" ]; then
    while [ -L "$_java" ]; do
      _home=$(readlink -- "$_java")
      case $_home in
        /*) _java=$_home ;;
        *) _java=$(dirname -- "$_java")/$_home ;;
      esac
    done
    _home=$(synlab_physical_dir "$(dirname -- "$_java")/..")
    case $_seen in *" $_home "*) _home= ;; esac # same JDK as JAVA_HOME: already reported
    if [ -n "$_home" ] && _ver=$(synlab_java_version "$_home"); then
      if [ "$(synlab_java_major "$_ver")" -ge "$SYNLAB_JAVA_MIN" ]; then
        export JAVA_HOME=$_home
        return 0
      fi
      _found+=("$_home ($_ver, java on PATH)")
      _seen+="$_home "
    fi
  fi

  # 3. Standard install locations (Linux packages, Temurin/Oracle tarballs, SDKMAN!, IntelliJ's
  #    ~/.jdks, macOS). Only homes with bin/javac count: Maven needs a JDK, not a JRE.
  local _patterns
  if [ -n "${SYNLAB_JDK_SEARCH:-}" ]; then
    _patterns=$SYNLAB_JDK_SEARCH
  else
    _patterns="/usr/lib/jvm/*:/usr/java/*:/opt/*jdk*:/opt/java/*:$HOME/.sdkman/candidates/java/*:$HOME/.jdks/*:/Library/Java/JavaVirtualMachines/*/Contents/Home"
  fi
  IFS=:
  # shellcheck disable=SC2086 # the patterns are meant to be glob-expanded
  set -- $_patterns
  IFS=$_IFS_saved
  for _pattern in "$@"; do
    for _home in $_pattern; do
      [ -x "$_home/bin/java" ] && [ -x "$_home/bin/javac" ] || continue
      _home=$(synlab_physical_dir "$_home") || continue
      case $_seen in *" $_home "*) continue ;; esac
      _seen+="$_home "
      _ver=$(synlab_java_version "$_home") || continue
      _major=$(synlab_java_major "$_ver")
      if [ "$_major" -ge "$SYNLAB_JAVA_MIN" ]; then
        # Keep the highest version; sort -V orders 25.0.10 after 25.0.3.
        if [ -z "$_best" ] || [ "$(printf '%s\n%s\n' "$_best_ver" "$_ver" | sort -V | tail -n1)" = "$_ver" ]; then
          _best=$_home
          _best_ver=$_ver
        fi
      else
        _found+=("$_home ($_ver)")
      fi
    done
  done
  if [ -n "$_best" ]; then
    export JAVA_HOME=$_best
    return 0
  fi

  local _list=none
  if [ "${#_found[@]}" -gt 0 ]; then
    _list=$(printf '%s, ' "${_found[@]}")
    _list=${_list%, }
  fi
  echo "Synlab needs a JDK $SYNLAB_JAVA_MIN or newer; found: $_list. Install one (e.g. Temurin $SYNLAB_JAVA_MIN) or set JAVA_HOME." >&2
  return 2
}

# Run at source time; a failure ends the sourcing script with status 2.
synlab_find_java || exit 2
