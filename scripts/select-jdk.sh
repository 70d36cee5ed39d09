# Sourced by ./mosaic and .ci/run: points JAVA_HOME at a JDK 21 or newer and says which.
# Prefers JAVA_HOME when it qualifies, else the newest JDK installed in the usual places.

mosaic_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

mosaic_select_jdk() {
  local required=21 candidate major best="" best_major=0 seen=""
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(mosaic_java_major "$candidate")
    [ -n "$major" ] || continue
    seen="$seen $major ($candidate);"
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge "$required" ]; then
      best="$candidate"; best_major="$major"; break
    fi
    if [ "$major" -ge "$required" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "Mosaic needs a JDK $required or newer (java and javac); found:${seen:- none}" >&2
    echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  echo "Using JDK $best_major at $JAVA_HOME" >&2
}
