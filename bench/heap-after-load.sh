#!/bin/bash
# Server heap after loading a model version: starts `serve` from JAR in WORKDIR (which holds the config/ that JAR
# expects), waits for /ready, runs two full GCs and prints jcmd's GC.heap_info, then stops the server.
# usage: bench/heap-after-load.sh JAR WORKDIR DATA_DIR MODELS_DIR [PORT] [LABEL]
# (JAVA_HOME: a JDK 21+ with jcmd; the feedback store is a throw-away SQLite file in /tmp)
set -euo pipefail
JAR=$1; WORK=$2; DATA=$3; MODELS=$4; PORT=${5:-18080}; LABEL=${6:-server}
BIN=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
cd "$WORK"
"$BIN/java" -Xmx8g --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar "$JAR" serve \
  --data "$DATA" --models "$MODELS" --set "store.jdbc_url=jdbc:sqlite:/tmp/heap-$LABEL-$$.db" \
  --set "server.port=$PORT" --set models.train_on_start=false > "/tmp/heap-$LABEL.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do sleep 2; curl -s "localhost:$PORT/ready" | grep -q '"ready"' && break; done
sleep 2
"$BIN/jcmd" $pid GC.run > /dev/null; sleep 2; "$BIN/jcmd" $pid GC.run > /dev/null; sleep 1
echo "$LABEL: $("$BIN/jcmd" $pid GC.heap_info | head -1)"
