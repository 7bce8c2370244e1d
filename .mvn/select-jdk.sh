# Sourced by ./mvnw. Kefu needs JDK 21+ (Lucene 10). When JAVA_HOME is unset or older,
# pick the newest JDK 21+ under /usr/lib/jvm so that the quick start works as written.
kefu_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
if [ -z "${JAVA_HOME:-}" ] || [ "$(kefu_java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  for kefu_jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    kefu_major=$(kefu_java_major "${kefu_jdk%/}")
    if [ -n "$kefu_major" ] && [ "$kefu_major" -ge 21 ]; then
      export JAVA_HOME="${kefu_jdk%/}"
      break
    fi
  done
fi
unset kefu_jdk kefu_major
