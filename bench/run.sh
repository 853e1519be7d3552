#!/usr/bin/env bash
# Benchmarks CallMask on this machine, on 127.0.0.1 only: builds the jar, and for each store
# (SQLite, and PostgreSQL when reachable) starts the service on a fresh database with a 512 MiB
# heap, measures start-up, mask creation (one and two instances), then loads 1,000,000 active masks
# over 1,000 pool numbers and measures call and message routing against the liveness endpoint of
# the same server. Stops everything it started and prints a table.
#
#   bench/run.sh                      # both stores, 15 s per measurement
#   DURATION=30s STORES=sqlite bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
STORES=${STORES:-sqlite postgresql}
MASKS=1000000
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/callmask_bench}
OUT=bench/out/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"

# wrk drives the load; the sqlite3 shell runs the bulk loader.
for tool in wrk sqlite3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "Installing $tool from the distribution's packages"
        (apt-get install -y -q "$tool" || (apt-get update -q && apt-get install -y -q "$tool")) >/dev/null
    fi
done

echo "Building the jar"
./mvnw -B -q -DskipTests package
JAR=$(pwd)/target/callmask.jar

# The production layout the README recommends: the jar extracted, with a class-data-sharing
# archive made by a training run. It starts in about half the time of a plain java -jar.
APP=$(pwd)/$OUT/app
java -Djarmode=tools -jar "$JAR" extract --destination "$APP" >/dev/null
java -XX:ArchiveClassesAtExit="$APP/callmask.jsa" -Dspring.context.exit=onRefresh --enable-native-access=ALL-UNNAMED \
    -jar "$APP/callmask.jar" --server.port=0 \
    "--spring.datasource.url=jdbc:sqlite:$(pwd)/$OUT/training.db" > "$OUT/training.log" 2>&1

PIDS=()
cleanup() {
    for pid in "${PIDS[@]:-}"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

now_ms() { date +%s%3N; }

# start_instance NAME PORT URL [extra args...]: starts the service; sets STARTED_PID and STARTUP_S.
start_instance() {
    local name=$1 port=$2 url=$3
    shift 3
    local begin
    begin=$(now_ms)
    local launch=(-XX:SharedArchiveFile="$APP/callmask.jsa" -jar "$APP/callmask.jar")
    if [ "${PLAIN_JAR:-0}" = 1 ]; then
        launch=(-jar "$JAR")
    fi
    java -Xmx512m --enable-native-access=ALL-UNNAMED "${launch[@]}" \
        --server.port="$port" --spring.datasource.url="$url" "$@" \
        > "$OUT/$name.log" 2>&1 &
    STARTED_PID=$!
    PIDS+=("$STARTED_PID")
    for _ in $(seq 1 600); do
        if curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/liveness"; then
            STARTUP_S=$(awk -v ms=$(( $(now_ms) - begin )) 'BEGIN { printf "%.2f", ms / 1000 }')
            return 0
        fi
        if ! kill -0 "$STARTED_PID" 2>/dev/null; then
            echo "The service did not start; see $OUT/$name.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "The service did not answer within 60 s; see $OUT/$name.log" >&2
    exit 1
}

stop_instance() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

rss_mib() { ps -o rss= -p "$1" | awk '{ printf "%.0f", $1 / 1024 }'; }

# load NAME PORT SCRIPT CONNECTIONS [args]: runs wrk; sets RESULT to its summary line.
load() {
    local name=$1 port=$2 script=$3 connections=$4 path=${5:-/}
    shift 5 || true
    cat "bench/$script" bench/report.lua > "$OUT/$name.lua"
    wrk -t2 -c"$connections" -d"$DURATION" --latency -s "$OUT/$name.lua" "http://127.0.0.1:$port$path" "$@" \
        > "$OUT/$name.txt" 2>&1
    RESULT=$(grep '^RESULT' "$OUT/$name.txt" | sed 's/^RESULT //')
}

field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

pool_json() {
    local numbers=""
    for i in $(seq 0 999); do numbers="$numbers,$(printf '+1555%07d' "$i")"; done
    echo "{\"phone_numbers\": \"${numbers#,}\"}"
}

{
    echo "# CallMask benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(java -version 2>&1 | head -n 1)."
    echo "wrk: 2 threads, $CONNECTIONS connections, $DURATION per measurement, on the same machine."
    echo
} > "$OUT/results.md"

# Start-up of a plain java -jar, for comparison; not used further.
mkdir -p "$OUT/plain"
PLAIN_JAR=1 start_instance plain-jar 5600 "jdbc:sqlite:$(pwd)/$OUT/plain/callmask.db"
STARTUP_PLAIN=$STARTUP_S
stop_instance "$STARTED_PID"
echo "start-up to first answer, plain java -jar: ${STARTUP_PLAIN} s"
echo "Start-up to first answer with a plain \`java -jar\`: ${STARTUP_PLAIN} s (the runs below use the extracted jar with its CDS archive)." >> "$OUT/results.md"
echo >> "$OUT/results.md"

for store in $STORES; do
    case "$store" in
        sqlite)
            mkdir -p "$OUT/sqlite"
            URL="jdbc:sqlite:$(pwd)/$OUT/sqlite/callmask.db"
            EXTRA=()
            ;;
        postgresql)
            if ! command -v psql >/dev/null 2>&1 \
                    || ! psql -h 127.0.0.1 -U postgres -d postgres -Atqc "SELECT 1" >/dev/null 2>&1; then
                echo "PostgreSQL (or its psql client) is not reachable on 127.0.0.1:5432; skipping it"
                continue
            fi
            psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS callmask_bench" >/dev/null
            psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE callmask_bench" >/dev/null
            URL=$PG_URL
            EXTRA=(--spring.datasource.username=postgres)
            ;;
        *) echo "Unknown store $store" >&2; exit 1 ;;
    esac
    echo "== $store"

    start_instance "$store-a" 5601 "$URL" "${EXTRA[@]}"
    PID_A=$STARTED_PID
    STARTUP=$STARTUP_S
    RSS_IDLE=$(rss_mib "$PID_A")
    echo "start-up to first answer: ${STARTUP} s, RSS ${RSS_IDLE} MiB"

    curl -fs -o /dev/null -H "Content-Type: application/json" -d "$(pool_json)" http://127.0.0.1:5601/api/rest/numberPool

    # Warm-ups (not reported) let the JIT compile the hot paths first; their pairs differ from
    # the measured ones (the wrk argument numbers them).
    warm_up() {
        local saved=$DURATION
        DURATION=${WARMUP:-15s}
        load "$1" "$2" "$3" "$CONNECTIONS" / "${4:-}"
        DURATION=$saved
    }
    warm_up "$store-warmup-create-a" 5601 create.lua 7
    load "$store-create-1" 5601 create.lua "$CONNECTIONS" / 0
    CREATE_1=$RESULT
    RSS_CREATE=$(rss_mib "$PID_A")
    echo "mask creation, one instance: $CREATE_1"

    start_instance "$store-b" 5602 "$URL" "${EXTRA[@]}"
    PID_B=$STARTED_PID
    warm_up "$store-warmup-create-b" 5602 create.lua 8
    load "$store-create-2a" 5601 create.lua $((CONNECTIONS / 2)) / 1 &
    WRK_A=$!
    cat bench/create.lua bench/report.lua > "$OUT/$store-create-2b.lua"
    wrk -t2 -c$((CONNECTIONS / 2)) -d"$DURATION" --latency -s "$OUT/$store-create-2b.lua" http://127.0.0.1:5602/ 2 \
        > "$OUT/$store-create-2b.txt" 2>&1
    wait "$WRK_A"
    R2A=$(grep '^RESULT' "$OUT/$store-create-2a.txt" | sed 's/^RESULT //')
    R2B=$(grep '^RESULT' "$OUT/$store-create-2b.txt" | sed 's/^RESULT //')
    CREATE_2=$(awk -v a="$(field "$R2A" rps)" -v b="$(field "$R2B" rps)" 'BEGIN { printf "%.1f", a + b }')
    CREATE_2_ERR=$(( $(field "$R2A" non2xx) + $(field "$R2B" non2xx) + $(field "$R2A" errors) + $(field "$R2B" errors) ))
    stop_instance "$PID_B"
    echo "mask creation, two instances: $CREATE_2 /s, errors $CREATE_2_ERR"

    echo "loading $MASKS masks"
    LOAD_BEGIN=$(now_ms)
    if [ "$store" = sqlite ]; then
        sed "s/NOW_MS/$(now_ms)/g" bench/load-sqlite.sql | sqlite3 "$OUT/sqlite/callmask.db" >/dev/null
    else
        sed "s/NOW_MS/$(now_ms)/g" bench/load-postgresql.sql | psql -h 127.0.0.1 -U postgres -d callmask_bench -q >/dev/null
    fi
    LOAD_S=$(awk -v ms=$(( $(now_ms) - LOAD_BEGIN )) 'BEGIN { printf "%.0f", ms / 1000 }')
    echo "loaded in ${LOAD_S} s"

    SAMPLE=$(curl -fs -H "Content-Type: application/json" \
        -d '{"call":{"from_number":"+12010123456","to_number":"+15550000456"}}' http://127.0.0.1:5601/calls/route)
    case "$SAMPLE" in
        *'"to":"+12020123456"'*) ;;
        *) echo "Routing check failed: $SAMPLE" >&2; exit 1 ;;
    esac

    warm_up "$store-warmup-calls" 5601 route-call.lua
    warm_up "$store-warmup-texts" 5601 route-text.lua

    cat > "$OUT/liveness.lua" <<'LUA'
request = function() return wrk.format("GET", "/actuator/health/liveness") end
LUA
    cp "$OUT/liveness.lua" bench/.liveness.lua
    load "$store-liveness" 5601 .liveness.lua "$CONNECTIONS" /
    rm -f bench/.liveness.lua
    LIVE=$RESULT
    load "$store-calls" 5601 route-call.lua "$CONNECTIONS" /
    CALLS=$RESULT
    load "$store-texts" 5601 route-text.lua "$CONNECTIONS" /
    TEXTS=$RESULT
    RSS_ROUTE=$(rss_mib "$PID_A")
    LOG_ERRORS=$( (grep -c -E ' ERROR |OutOfMemoryError' "$OUT/$store-a.log" "$OUT/$store-b.log" || true) | awk -F: '{ s += $2 } END { print s + 0 }')
    stop_instance "$PID_A"

    ratio() { awk -v a="$(field "$1" rps)" -v b="$(field "$LIVE" rps)" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
    {
        echo "## $store"
        echo
        echo "| measurement | requests/s | p50 ms | p99 ms | p99.9 ms | errors | vs liveness |"
        echo "|---|---|---|---|---|---|---|"
        for row in "liveness endpoint|$LIVE" "calls at $MASKS masks|$CALLS" "texts at $MASKS masks|$TEXTS" "mask creation, one instance|$CREATE_1"; do
            name=${row%%|*}; r=${row#*|}
            share=""
            case "$name" in mask*) ;; *) share=$(ratio "$r") ;; esac
            echo "| $name | $(field "$r" rps) | $(field "$r" p50) | $(field "$r" p99) | $(field "$r" p999) | $(( $(field "$r" errors) + $(field "$r" non2xx) )) | $share |"
        done
        echo "| mask creation, two instances | $CREATE_2 | | | | $CREATE_2_ERR | |"
        echo
        echo "Start-up to first answer: ${STARTUP} s. RSS: ${RSS_IDLE} MiB idle, ${RSS_CREATE} MiB after creation, ${RSS_ROUTE} MiB after routing (heap capped at 512 MiB). Loading $MASKS masks took ${LOAD_S} s. ERROR lines in the service logs: ${LOG_ERRORS}."
        echo
    } >> "$OUT/results.md"
done

echo
cat "$OUT/results.md"
echo "(raw output in $OUT)"
