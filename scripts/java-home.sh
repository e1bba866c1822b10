# Sourced by ./mvnw, ./berth and the other scripts (plain POSIX sh: dash runs mvnw, bash the rest).
# Makes JAVA_HOME a JDK 25 or newer, looking in this order at: JAVA_HOME, the java on PATH, and the
# JDKs installed in BERTH_JDK_DIRS (folders separated by ':', default /usr/lib/jvm, where Debian,
# Ubuntu and Fedora put them, and macOS's /Library/Java/JavaVirtualMachines); a Temurin 25 is taken
# before others. With none, it says what to install and exits with 1, before any build starts.

# The major version of the JDK at $1 (read from its release file, without starting it), or nothing.
# A JRE has no javac and does not count: the build compiles.
berth_jdk_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$1/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
}

berth_is_jdk25() {
  berth_major=$(berth_jdk_major "$1")
  [ -n "$berth_major" ] && [ "$berth_major" -ge 25 ]
}

berth_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && berth_is_jdk25 "$JAVA_HOME"; then
    return 0
  fi
  berth_path_java=$(command -v java 2>/dev/null || true)
  if [ -n "$berth_path_java" ]; then
    berth_home=$(readlink -f "$berth_path_java" 2>/dev/null || printf %s "$berth_path_java")
    berth_home=${berth_home%/bin/java}
    if berth_is_jdk25 "$berth_home"; then
      JAVA_HOME=$berth_home
      return 0
    fi
  fi
  # mvnw runs with globbing off (set -f); the search needs it for a moment.
  case $- in *f*) berth_noglob=1; set +f ;; *) berth_noglob= ;; esac
  berth_found=
  berth_rank=9  # 1: a Temurin 25, 2: another JDK 25, 3: a newer JDK
  berth_old_ifs=$IFS
  IFS=:
  for berth_dir in ${BERTH_JDK_DIRS:-/usr/lib/jvm:/Library/Java/JavaVirtualMachines}; do
    IFS=$berth_old_ifs
    for berth_candidate in "$berth_dir"/* "$berth_dir"/*/Contents/Home; do
      berth_is_jdk25 "$berth_candidate" || continue
      case "$berth_major:$berth_candidate" in
        25:*/temurin-25*) berth_r=1 ;;
        25:*) berth_r=2 ;;
        *) berth_r=3 ;;
      esac
      if [ "$berth_r" -lt "$berth_rank" ]; then
        berth_found=$berth_candidate
        berth_rank=$berth_r
      fi
    done
  done
  IFS=$berth_old_ifs
  [ -z "$berth_noglob" ] || set -f
  if [ -n "$berth_found" ]; then
    JAVA_HOME=$berth_found
    return 0
  fi
  return 1
}

# What a found java is, for the message: "JDK 17", or "not a JDK" (a JRE, or no release file).
berth_describe() {
  berth_m=$(berth_jdk_major "$1")
  if [ -n "$berth_m" ]; then echo "JDK $berth_m"; else echo "not a JDK"; fi
}

if berth_find_jdk; then
  export JAVA_HOME
else
  {
    echo "Berth needs a JDK 25 and found none."
    echo "  JAVA_HOME:    ${JAVA_HOME:-not set}${JAVA_HOME:+ ($(berth_describe "$JAVA_HOME"))}"
    echo "  java on PATH: ${berth_path_java:-none}${berth_path_java:+ ($(berth_describe "${berth_home:-}"))}"
    echo "  looked in:    ${BERTH_JDK_DIRS:-/usr/lib/jvm:/Library/Java/JavaVirtualMachines}"
    echo "Install Eclipse Temurin 25 (a JDK, not a JRE), then run this again:"
    echo "  Debian, Ubuntu: sudo apt-get install temurin-25-jdk, after adding Adoptium's apt repository"
    echo "                  (https://adoptium.net/installation/linux/); it lands in /usr/lib/jvm, where Berth looks."
    echo "  Any system:     download it from https://adoptium.net/temurin/releases/?version=25 and set"
    echo "                  JAVA_HOME to the unpacked folder (or BERTH_JDK_DIRS to the folder holding it)."
  } >&2
  exit 1
fi
