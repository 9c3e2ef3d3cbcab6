#!/usr/bin/env bash
# Builds the service's container image offline, from this repository's build alone: no base image and
# no registry. The runtime is made by jlink from the JDK that built the jar (only the modules the
# application needs), the C libraries that runtime links against are copied from the build machine,
# and the Spring Boot jar goes in as its extracted layers. buildah (Debian package) builds it FROM
# scratch; the result is in local container storage as localhost/hcc-guidance:<version> and in
# target/image/hcc-guidance-<version>.oci.tar (OCI archive: `podman load`, `skopeo copy`, a registry).
#
# Then, where podman can run containers here, it starts the image read-only as its non-root user with
# a tmpfs /tmp and calls it (readiness, one guidance POST); where it cannot, it says why.
#
#   deploy/image/build.sh            build, then try the image
#   SKIP_RUN=1 deploy/image/build.sh build only
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=target/image
CTX=$OUT/context

JAR=$(ls target/hcc-guidance-*.jar 2>/dev/null | grep -v -e original -e sources | head -1 || true)
if [ -z "$JAR" ]; then
  echo "packaging the jar"
  mvn -q -B -ntp ${MAVEN_OFFLINE:+-o} package -DskipTests -Dapi-lint.skip=true
  JAR=$(ls target/hcc-guidance-*.jar | grep -v -e original -e sources | head -1)
fi
VERSION=$(basename "$JAR" .jar | sed 's/^hcc-guidance-//')
IMAGE=localhost/hcc-guidance:$VERSION
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
command -v buildah >/dev/null || { echo "buildah is needed (Debian: apt-get install buildah)" >&2; exit 1; }

rm -rf "$OUT"; mkdir -p "$CTX"

# 1. The application as Spring Boot layers (dependencies change less often than the application).
java -Djarmode=tools -jar "$JAR" extract --layers --destination "$OUT/layers" >/dev/null
for layer in dependencies spring-boot-loader snapshot-dependencies application; do
  mkdir -p "$CTX/$layer"
  [ -d "$OUT/layers/$layer" ] && cp -a "$OUT/layers/$layer/." "$CTX/$layer/"
done
mv "$CTX/application/$(basename "$JAR")" "$CTX/application/hcc-guidance.jar"

# 2. The modules it needs: what jdeps finds in the application and its libraries, plus what is loaded
# by name at run time and so invisible to jdeps: elliptic-curve TLS (PostgreSQL over TLS, JWKS over
# HTTPS), the zip file system, JMX-based management, DNS through JNDI, and the extra charsets.
DEPS=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 -q \
         --class-path "$OUT/layers/dependencies/lib/*" "$JAR" 2>"$OUT/jdeps.log" || true)
[ -n "$DEPS" ] || { echo "jdeps found no modules; see $OUT/jdeps.log" >&2; exit 1; }
MODULES="$DEPS,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.naming.dns,jdk.charsets,jdk.localedata"
echo "$MODULES" > "$OUT/modules.txt"
RT=$CTX/runtime
jlink --module-path "$JAVA_HOME/jmods" --add-modules "$MODULES" --strip-debug --no-man-pages \
      --no-header-files --compress=2 --output "$RT/opt/java"
# Debian's JDK keeps trust store and policy files as links into /etc: the image gets the files.
for f in "$RT"/opt/java/lib/security/* "$RT"/opt/java/conf/security/*; do
  [ -L "$f" ] && cp --remove-destination "$(readlink -f "$f")" "$f"
done
[ -e "$RT/opt/java/lib/security/cacerts" ] || cp /etc/ssl/certs/java/cacerts "$RT/opt/java/lib/security/cacerts"

# 3. The C libraries the runtime links against (an empty base has no libc), with the loader.
libs=$( (find "$RT/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null || true) \
        | awk '/=> \//{print $3} /^\t\/.*ld-linux/{print $1}' | sort -u)
for lib in $libs /lib64/ld-linux-x86-64.so.2; do
  case $lib in "$ROOT"/*) continue ;; esac # the runtime's own libraries, found through $ORIGIN
  [ -e "$lib" ] || continue
  mkdir -p "$RT/$(dirname "$lib")"
  cp -L "$lib" "$RT/$lib"
done

# 4. What an empty base lacks and the JVM or Tomcat expects: a user and group entry for the numeric
# UID (the JVM looks up user.home), and mount points for /tmp, /data, /rules, /scenarios, and for the
# runtime's /proc, /sys and /dev (a read-only root cannot have them created; the java launcher finds
# its own libraries through /proc/self/exe).
mkdir -p "$RT/etc" "$RT/tmp" "$RT/data" "$RT/rules" "$RT/scenarios" "$RT/proc" "$RT/sys" "$RT/dev"
echo 'guidance:x:10001:10001:HCC Guidance:/data:/sbin/nologin' > "$RT/etc/passwd"
echo 'guidance:x:10001:' > "$RT/etc/group"
chmod 1777 "$RT/tmp"

# 5. The image, one layer per COPY, and an OCI archive of it.
STORAGE=()
if ! buildah info >/dev/null 2>&1; then STORAGE=(--storage-driver vfs); fi
buildah "${STORAGE[@]}" build --layers --quiet -f "$ROOT/deploy/image/Containerfile" \
    --chown=0:0 -t "$IMAGE" "$CTX" >/dev/null 2>"$OUT/buildah.log" \
  || buildah "${STORAGE[@]}" build --layers --quiet -f "$ROOT/deploy/image/Containerfile" -t "$IMAGE" "$CTX" >/dev/null 2>"$OUT/buildah.log" \
  || { cat "$OUT/buildah.log" >&2; exit 1; }
buildah "${STORAGE[@]}" push --quiet "$IMAGE" "oci-archive:$ROOT/$OUT/hcc-guidance-$VERSION.oci.tar:$IMAGE" 2>>"$OUT/buildah.log"
echo "image $IMAGE: runtime $(du -sh "$RT/opt/java" | cut -f1), libraries $(echo "$libs" | wc -w)," \
     "archive $(du -h "$OUT/hcc-guidance-$VERSION.oci.tar" | cut -f1) ($OUT/hcc-guidance-$VERSION.oci.tar)"
echo "modules: $MODULES"

[ -z "${SKIP_RUN:-}" ] || exit 0
exec "$ROOT/deploy/image/try-image.sh" "$IMAGE"
