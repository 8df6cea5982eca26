#!/usr/bin/env bash
# A single local OpenSearch 2.19.1 node for tests and for trying search.engine: opensearch.
#
#   scripts/opensearch-dev.sh start  [--port N]   assemble (once) and start the node, wait until it answers
#   scripts/opensearch-dev.sh stop   [--port N]   stop the node started here
#   scripts/opensearch-dev.sh status [--port N]   exit 0 when the node answers on 127.0.0.1:N, else 3
#
# Everything comes from Maven Central through Maven (nothing downloaded from elsewhere) and lives under
# target/opensearch/<port>/: the integ-test distribution, the k-NN plugin, and the lang-painless and analysis-common
# modules (the English analyzer), assembled from their jars with plugin descriptors because Central has no zip of
# them. OpenSearch refuses to run as root, so as root the node runs as nobody. Heap 512 MB, loopback only.
# start and stop are idempotent. The default port is 9200 (OPENSEARCH_PORT overrides it, --port wins).
set -euo pipefail

OS_VERSION=2.19.1
KNN_VERSION=2.19.1.0
ASM_VERSION=9.7
ANTLR_VERSION=4.13.1
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
START_TIMEOUT_S=${OPENSEARCH_START_TIMEOUT:-180}

cd "$(dirname "$0")/.."
PROJECT=$(pwd)

usage() { echo "usage: $0 start|stop|status [--port N]" >&2; exit 2; }

COMMAND=${1:-}; [ $# -gt 0 ] && shift
PORT=${OPENSEARCH_PORT:-9200}
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT=${2:?--port needs a number}; shift 2 ;;
    --port=*) PORT=${1#--port=}; shift ;;
    *) usage ;;
  esac
done
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "opensearch-dev: --port must be a number, got '$PORT'" >&2; exit 2; }

BASE=$PROJECT/target/opensearch
DIST=$BASE/dist
NODE=$BASE/node-$PORT
PIDFILE=$NODE/opensearch.pid
URL=http://127.0.0.1:$PORT

answers() { curl -fsS -m 2 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }

node_pid() { [ -s "$PIDFILE" ] && cat "$PIDFILE" 2>/dev/null; }

alive() { local pid; pid=$(node_pid) && kill -0 "$pid" 2>/dev/null; }

fetch() { # groupId:artifactId:version[:packaging]
  local mvn_opts=(-q -B -Dstyle.color=never); [ -n "${MAVEN_OFFLINE:-}" ] && mvn_opts+=(-o) || mvn_opts+=(-ntp)
  mvn "${mvn_opts[@]}" "$DEPENDENCY_PLUGIN:copy" -Dartifact="$1" -Dmdep.transitive=false \
      -DoutputDirectory="$DIST" -Dmdep.overWriteIfNewer=true >/dev/null
}

fetch_all() {
  mkdir -p "$DIST"
  local a
  for a in org.opensearch.distribution.integ-test-zip:opensearch:$OS_VERSION:zip \
           org.opensearch.plugin:opensearch-knn:$KNN_VERSION:zip \
           org.opensearch.plugin:lang-painless:$OS_VERSION \
           org.opensearch.plugin:opensearch-scripting-painless-spi:$OS_VERSION \
           org.opensearch.plugin:analysis-common:$OS_VERSION \
           org.antlr:antlr4-runtime:$ANTLR_VERSION \
           org.ow2.asm:asm:$ASM_VERSION org.ow2.asm:asm-util:$ASM_VERSION \
           org.ow2.asm:asm-tree:$ASM_VERSION org.ow2.asm:asm-analysis:$ASM_VERSION \
           org.ow2.asm:asm-commons:$ASM_VERSION; do
    local rest=${a#*:} name version
    name=${rest%%:*}; rest=${rest#*:}; version=${rest%%:*}
    ls "$DIST/$name-$version".* >/dev/null 2>&1 || fetch "$a"
  done
}

descriptor() { # folder name classname description extended
  cat > "$1/plugin-descriptor.properties" <<EOF
name=$2
classname=$3
description=$4
version=$OS_VERSION
opensearch.version=$OS_VERSION
java.version=11
extended.plugins=$5
has.native.controller=false
EOF
}

assemble() {
  [ -f "$NODE/.assembled" ] && return 0
  echo "opensearch-dev: assembling OpenSearch $OS_VERSION with k-NN $KNN_VERSION in $NODE"
  fetch_all
  rm -rf "$NODE" "$BASE/unpack-$PORT"
  mkdir -p "$BASE/unpack-$PORT"
  unzip -q "$DIST/opensearch-$OS_VERSION.zip" -d "$BASE/unpack-$PORT"
  mv "$BASE/unpack-$PORT/opensearch-$OS_VERSION" "$NODE"
  rmdir "$BASE/unpack-$PORT"

  local painless=$NODE/modules/lang-painless common=$NODE/modules/analysis-common
  mkdir -p "$painless" "$common" "$NODE/plugins/opensearch-knn"
  cp "$DIST"/lang-painless-$OS_VERSION.jar "$DIST"/opensearch-scripting-painless-spi-$OS_VERSION.jar \
     "$DIST"/antlr4-runtime-$ANTLR_VERSION.jar "$DIST"/asm-*$ASM_VERSION.jar "$painless/"
  descriptor "$painless" lang-painless org.opensearch.painless.PainlessPlugin \
      "An easy, safe and fast scripting language for OpenSearch" ""
  cat > "$painless/plugin-security.policy" <<'EOF'
grant {
  permission java.lang.RuntimePermission "createClassLoader";
  permission java.lang.RuntimePermission "getClassLoader";
};
EOF
  cp "$DIST"/analysis-common-$OS_VERSION.jar "$common/"
  descriptor "$common" analysis-common org.opensearch.analysis.common.CommonAnalysisPlugin \
      "Adds common text analysis (stemmers, stop words, the language analyzers such as english)" lang-painless
  unzip -q "$DIST/opensearch-knn-$KNN_VERSION.zip" -d "$NODE/plugins/opensearch-knn"

  cat > "$NODE/config/opensearch.yml" <<EOF
cluster.name: newsbot-dev-$PORT
node.name: newsbot-dev
network.host: 127.0.0.1
http.port: $PORT
transport.port: $((PORT + 100))
discovery.type: single-node
# A dev node on a shared disk: never turn indices read-only because the disk is nearly full.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  cat > "$NODE/config/jvm.options.d/heap.options" <<'EOF'
-Xms512m
-Xmx512m
EOF
  touch "$NODE/.assembled"
}

java_home() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

# A clone in a private folder (mktemp makes them 0700) keeps nobody from reaching the node's files. Give each
# enclosing folder that lacks it the search bit for others (enter, not list), saying which.
let_nobody_reach() {
  local path=/ part
  local IFS=/
  for part in $(dirname "$1"); do
    [ -n "$part" ] || continue
    path=${path%/}/$part
    if ! setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$path" 2>/dev/null; then
      echo "opensearch-dev: letting the node's user enter $path (chmod o+x), so it can reach its files"
      chmod o+x "$path"
    fi
  done
}

start() {
  if answers; then echo "opensearch-dev: already running at $URL"; return 0; fi
  if alive; then stop; fi
  assemble
  mkdir -p "$NODE/logs" "$NODE/data"
  rm -f "$PIDFILE"
  local run=()
  if [ "$(id -u)" = 0 ]; then
    chown -R nobody:nogroup "$NODE"
    run=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    let_nobody_reach "$NODE"
  fi
  echo "opensearch-dev: starting at $URL (log $NODE/logs/stdout.log)"
  # Every descriptor of the background node goes to its log, so a caller reading this script's output sees it end.
  (cd "$NODE" && exec env OPENSEARCH_JAVA_HOME="$(java_home)" OPENSEARCH_PATH_CONF="$NODE/config" HOME="$NODE" \
      nohup "${run[@]}" bin/opensearch -p "$PIDFILE") >"$NODE/logs/stdout.log" 2>&1 </dev/null &
  local launched=$!  # the exec chain keeps this pid through to the node's JVM
  local waited=0
  until answers; do
    if [ "$waited" -ge "$START_TIMEOUT_S" ]; then
      echo "opensearch-dev: no answer at $URL after ${START_TIMEOUT_S}s; last log lines:" >&2
      tail -n 20 "$NODE/logs/stdout.log" >&2; kill "$launched" 2>/dev/null || true; stop; return 1
    fi
    if ! kill -0 "$launched" 2>/dev/null; then
      echo "opensearch-dev: the node exited while starting; last log lines:" >&2
      tail -n 20 "$NODE/logs/stdout.log" >&2; return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  echo "opensearch-dev: running at $URL (pid $(node_pid), ${waited}s)"
}

stop() {
  local pid
  if ! pid=$(node_pid) || ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$PIDFILE"; echo "opensearch-dev: not running at $URL"; return 0
  fi
  kill "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge 30 ]; then kill -9 "$pid" 2>/dev/null || true; fi
    sleep 1; waited=$((waited + 1))
  done
  rm -f "$PIDFILE"
  echo "opensearch-dev: stopped (pid $pid)"
}

status() {
  if answers; then echo "opensearch-dev: running at $URL"; return 0; fi
  echo "opensearch-dev: not running at $URL"; return 3
}

case "$COMMAND" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
