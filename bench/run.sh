#!/usr/bin/env bash
# Benchmarks CallMask on this machine, on 127.0.0.1 only: builds the jar, and for each store
# (SQLite, and PostgreSQL when reachable) starts the service on a fresh database with a 512 MiB
# heap, measures start-up, mask creation (one and two instances), then loads 1,000,000 active masks
# over 1,000 pool numbers and measures call and message routing against the liveness endpoint of
# the same server. Then the v1 sessions API: session creation in a service with 1,000 numbers, again
# after 100,000 v1 sessions were loaded, routing through per-participant proxy numbers at 1,000,000
# v1 sessions, the same with every call's event queued and delivered to a receiver on this machine
# (bench/Receiver.java), and a pool-efficiency run. Stops everything it started and prints a table.
#
#   bench/run.sh                      # both stores, 15 s per measurement
#   DURATION=30s STORES=sqlite bench/run.sh
#   V1=0 bench/run.sh                 # without the v1 measurements
#   DURATION=3s WARMUP=2s MASKS=20000 V1_PRELOAD=5000 V1_SESSIONS=20000 POOL_CONTRACTORS=100 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
STORES=${STORES:-sqlite postgresql}
MASKS=${MASKS:-1000000}
# The v1 measurements: 0 skips them all.
V1=${V1:-1}
# v1 sessions loaded before creation is measured again, and in all for the routing measurement.
V1_PRELOAD=${V1_PRELOAD:-100000}
V1_SESSIONS=${V1_SESSIONS:-1000000}
# Rounds of liveness, v1 calls and v1 texts in turn; the median round's share is reported.
V1_ROUNDS=${V1_ROUNDS:-3}
# Numbers in the pool of the v1 service `bench` (the loaders' layout needs at least 2).
V1_POOL=${V1_POOL:-1000}
# The pool-efficiency run: POOL_K numbers, POOL_CONTRACTORS contractors with POOL_K clients each.
POOL_K=${POOL_K:-5}
POOL_CONTRACTORS=${POOL_CONTRACTORS:-1000}
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/callmask_bench}
OUT=bench/out/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"

if [ "$V1" = 1 ] && { [ "$V1_PRELOAD" -ge "$V1_SESSIONS" ] || [ "$V1_PRELOAD" -le 457 ] || [ "$V1_POOL" -lt 2 ] \
        || [ "$POOL_CONTRACTORS" -gt 10000 ] || [ $((POOL_K * POOL_CONTRACTORS)) -gt 999999 ]; }; then
    echo "Needs 457 < V1_PRELOAD < V1_SESSIONS, V1_POOL >= 2, POOL_CONTRACTORS <= 10000 and POOL_K * POOL_CONTRACTORS < 1000000" >&2
    exit 1
fi

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
    rm -f bench/.liveness.lua
}
trap cleanup EXIT INT TERM

# Other work on the machine shares its two cores: the 1-minute load average is sampled every 10 s
# for the whole run (at most 4 hours, then the sampler stops by itself).
(for _ in $(seq 1 1440); do echo "$(date +%s) $(cut -d' ' -f1 /proc/loadavg)"; sleep 10; done) > "$OUT/loadavg.txt" 2>/dev/null &
PIDS+=("$!")
load_summary() {
    awk -v since="${1:-0}" '$1 >= since { n++; s += $2; if (n == 1 || $2 < lo) lo = $2; if ($2 > hi) hi = $2 }
        END { if (n) printf "%.2f mean (%.2f to %.2f, %d samples)", s / n, lo, hi, n; else printf "not sampled" }' "$OUT/loadavg.txt"
}

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

# load NAME PORT SCRIPT CONNECTIONS [PATH [script args...]]: runs wrk; sets RESULT to its summary line.
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

# v1_numbers_json FORMAT FIRST LAST: a v1 request body adding the numbers FORMAT(FIRST..LAST).
v1_numbers_json() {
    local numbers=""
    for i in $(seq "$2" "$3"); do numbers="$numbers,\"$(printf "$1" "$i")\""; done
    echo "{\"numbers\": [${numbers#,}]}"
}

# post PORT PATH BODY: a JSON POST that must succeed.
post() {
    curl -fsS -o /dev/null -H "Content-Type: application/json" -d "$3" "http://127.0.0.1:$1$2"
}

ratio_of() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else printf "n/a" }'; }

# median SHARE...: the middle one of percentages such as 61% (the lower middle of an even count).
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }'; }

declare -A SUMMARY

{
    echo "# CallMask benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(java -version 2>&1 | head -n 1)."
    echo "wrk: 2 threads, $CONNECTIONS connections, $DURATION per measurement, on the same machine."
    echo "Load average at the start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)."
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
    STORE_BEGIN=$(date +%s)

    # sql QUERY: what the store's database answers, as the service sees it.
    sql() {
        if [ "$store" = sqlite ]; then
            sqlite3 -cmd ".timeout 60000" "$OUT/sqlite/callmask.db" "$1"
        else
            psql -h 127.0.0.1 -U postgres -d callmask_bench -Atqc "$1"
        fi
    }

    # load_sql LOADER SED-ARGS...: runs bench/LOADER-<store>.sql, placeholders replaced by sed.
    load_sql() {
        local loader=$1
        shift
        if [ "$store" = sqlite ]; then
            sed "$@" "bench/$loader-sqlite.sql" | sqlite3 -bail "$OUT/sqlite/callmask.db" >/dev/null
        else
            sed "$@" "bench/$loader-postgresql.sql" \
                | psql -h 127.0.0.1 -U postgres -d callmask_bench -q -v ON_ERROR_STOP=1 >/dev/null
        fi
    }

    # load_v1 FIRST LAST: loads v1 sessions FIRST..LAST into the service `bench`.
    load_v1() {
        load_sql load-v1 -e "s/NOW_MS/$(now_ms)/g" -e "s/\bFIRST\b/$1/g" -e "s/\bLAST\b/$2/g" \
            -e "s/\bPOOL_SIZE\b/$V1_POOL/g" -e "s/\bSERVICE\b/bench/g"
    }

    # pg_counters: PostgreSQL's deadlocks, commits and rollbacks in the database so far (nothing on
    # SQLite). Backends report them when idle, within about 10 s, hence the pause.
    pg_counters() {
        if [ "$store" = postgresql ]; then
            sleep 11
            sql "SELECT deadlocks || ' ' || xact_commit || ' ' || xact_rollback FROM pg_stat_database WHERE datname = 'callmask_bench'"
        fi
    }

    # pg_delta BEFORE AFTER SESSIONS: what PostgreSQL counted between two pg_counters, per session made.
    pg_delta() {
        [ -n "$1" ] || return 0
        read -r d0 c0 r0 <<< "$1"
        read -r d1 c1 r1 <<< "$2"
        awk -v d=$((d1 - d0)) -v c=$((c1 - c0)) -v r=$((r1 - r0)) -v n="$3" 'BEGIN {
            printf "%d deadlocks, %d transactions committed and %d rolled back (%.2f per session, each read outside a transaction counting as one)", d, c, r, (n > 0 ? (c + r) / n : 0) }'
    }

    v1_sessions_of() {
        sql "SELECT COUNT(*) FROM session WHERE service_id = (SELECT id FROM service WHERE unique_name = '$1' AND deleted_at IS NULL)"
    }

    seconds_since() { awk -v ms=$(( $(now_ms) - $1 )) 'BEGIN { printf "%.0f", ms / 1000 }'; }

    # CallMask expects PostgreSQL's autovacuum (it warns at start-up without it). Where the server
    # runs without it, as on some development machines, the run stands in for it: VACUUM ANALYZE
    # after each warm-up, as autovacuum would have done after the first few hundred changes, and
    # every 60 s (autovacuum's default nap time) while the store is measured.
    AUTOVACUUM=on
    VACUUMER=""
    if [ "$store" = postgresql ]; then
        AUTOVACUUM=$(sql "SHOW autovacuum")
    fi
    vacuum_stand_in() {
        if [ "$AUTOVACUUM" = off ]; then
            sql "VACUUM ANALYZE" >/dev/null
        fi
    }
    if [ "$AUTOVACUUM" = off ]; then
        (for _ in $(seq 1 240); do sleep 60; sql "VACUUM ANALYZE" >/dev/null 2>&1 || true; done) &
        VACUUMER=$!
        PIDS+=("$VACUUMER")
        echo "autovacuum is off on this server: VACUUM ANALYZE after each warm-up and every 60 s instead"
    fi

    # The event receiver listens on 127.0.0.1, where CallMask sends nothing unless told it may.
    start_instance "$store-a" 5601 "$URL" "${EXTRA[@]}" --callmask.callbacks.allow-private-networks=true
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
        load "$1" "$2" "$3" "$CONNECTIONS" / "${@:4}"
        DURATION=$saved
        vacuum_stand_in
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

    if [ "$V1" = 1 ]; then
        # v1 session creation in a service of its own, the way a platform starts: an empty
        # service with 1,000 numbers, two new participants per session.
        post 5601 /api/v1/services '{"unique_name": "bench", "geo_match": "country"}'
        for first in $(seq 0 1000 $((V1_POOL - 1))); do
            last=$(( first + 999 < V1_POOL - 1 ? first + 999 : V1_POOL - 1 ))
            post 5601 /api/v1/services/bench/numbers "$(v1_numbers_json '+15551%06d' "$first" "$last")"
        done
        COUNTERS=$(pg_counters)
        warm_up "$store-warmup-v1-create" 5601 create-v1.lua 4
        load "$store-v1-create-1" 5601 create-v1.lua "$CONNECTIONS" / 5
        V1_CREATE_1=$RESULT
        V1_MADE=$(v1_sessions_of bench)
        V1_PG_CREATE=$(pg_delta "$COUNTERS" "$(pg_counters)" "$V1_MADE")
        echo "v1 session creation, one instance: $V1_CREATE_1"

        echo "loading $V1_PRELOAD v1 sessions"
        LOAD_BEGIN=$(now_ms)
        load_v1 0 $((V1_PRELOAD - 1))
        V1_PRELOAD_S=$(seconds_since "$LOAD_BEGIN")
        echo "loaded in ${V1_PRELOAD_S} s"
        COUNTERS=$(pg_counters)
        warm_up "$store-warmup-v1-create-loaded" 5601 create-v1.lua 6
        V1_ACTIVE=$(sql "SELECT COUNT(*) FROM session WHERE closed_at IS NULL
            AND service_id = (SELECT id FROM service WHERE unique_name = 'bench' AND deleted_at IS NULL)")
        load "$store-v1-create-loaded" 5601 create-v1.lua "$CONNECTIONS" / 3
        V1_CREATE_LOADED=$RESULT
        V1_PG_LOADED=$(pg_delta "$COUNTERS" "$(pg_counters)" $(( $(v1_sessions_of bench) - V1_MADE - V1_PRELOAD )))
        V1_LOADED_SHARE=$(ratio_of "$(field "$V1_CREATE_LOADED" rps)" "$(field "$V1_CREATE_1" rps)")
        echo "v1 session creation at $V1_ACTIVE active v1 sessions: $V1_CREATE_LOADED ($V1_LOADED_SHARE of the first)"

        # Pool efficiency: with geo_match country and POOL_K US numbers, each contractor can have
        # POOL_K sessions at once (one per number, the reuse rule) and every client fits on any
        # number, so all POOL_K * POOL_CONTRACTORS sessions fit in POOL_K numbers and one more
        # for any contractor cannot. Requests go contractor by contractor within each round, so
        # no two in flight share a participant. One curl process, bounded per request and in all.
        post 5601 /api/v1/services '{"unique_name": "bench-pool", "geo_match": "country"}'
        post 5601 /api/v1/services/bench-pool/numbers "$(v1_numbers_json '+15552%06d' 0 $((POOL_K - 1)))"
        awk -v k="$POOL_K" -v c="$POOL_CONTRACTORS" -v url="http://127.0.0.1:5601/api/v1/services/bench-pool/sessions" 'BEGIN {
            for (m = 0; m < k; m++) for (j = 0; j < c; j++) {
                if (m + j > 0) print "next"
                print "url = \"" url "\""
                print "header = \"Content-Type: application/json\""
                printf "data = \"{\\\"participants\\\":[{\\\"number\\\":\\\"+1415555%04d\\\"},{\\\"number\\\":\\\"+15553%06d\\\"}]}\"\n", j, m * c + j
                print "output = \"/dev/null\""
                print "write-out = \"%{http_code} %{time_total}\\n\""
                print "max-time = 30"
            }
        }' > "$OUT/$store-pool-requests.cfg"
        COUNTERS=$(pg_counters)
        LOAD_BEGIN=$(now_ms)
        timeout 900 curl --no-progress-meter --parallel --parallel-max "$CONNECTIONS" -K "$OUT/$store-pool-requests.cfg" \
            > "$OUT/$store-pool-responses.txt" 2> "$OUT/$store-pool-curl.txt" || true
        POOL_S=$(awk -v ms=$(( $(now_ms) - LOAD_BEGIN )) 'BEGIN { printf "%.1f", ms / 1000 }')
        V1_PG_POOL=$(pg_delta "$COUNTERS" "$(pg_counters)" "$(v1_sessions_of bench-pool)")
        POOL_ASKED=$((POOL_K * POOL_CONTRACTORS))
        POOL_OK=$(grep -c '^201 ' "$OUT/$store-pool-responses.txt" || true)
        POOL_FAILED=$((POOL_ASKED - POOL_OK))
        POOL_CODES=$(cut -d' ' -f1 "$OUT/$store-pool-responses.txt" | sort | uniq -c \
            | awk '{ printf "%s%d × %s", sep, $1, $2; sep = ", " }')
        POOL_MEAN_MS=$(awk '{ s += $2 } END { if (NR) printf "%.1f", 1000 * s / NR }' "$OUT/$store-pool-responses.txt")
        NUMBERS=$(curl -fs "http://127.0.0.1:5601/api/v1/services/bench-pool/numbers?page_size=500")
        POOL_USED=$(echo "$NUMBERS" | grep -o '"in_use":[0-9]*' | awk -F: '$2 > 0 { n++ } END { print n + 0 }')
        POOL_ROUTES=$(echo "$NUMBERS" | grep -o '"in_use":[0-9]*' | awk -F: '{ s += $2 } END { print s + 0 }')
        EXTRA_ANSWER=$(curl -s -w ' %{http_code}' -H "Content-Type: application/json" \
            -d '{"participants":[{"number":"+14155550000"},{"number":"+15553999999"}]}' \
            http://127.0.0.1:5601/api/v1/services/bench-pool/sessions)
        POOL_EXTRA="${EXTRA_ANSWER##* } $(echo "$EXTRA_ANSWER" | grep -o '"type":"[^"]*"' | sed 's/.*problem://; s/"$//')"
        echo "pool efficiency: $POOL_OK of $POOL_ASKED sessions in ${POOL_S} s ($POOL_CODES), $POOL_USED of $POOL_K numbers used, $POOL_ROUTES routes; one more: $POOL_EXTRA"
    fi

    echo "loading $MASKS masks"
    LOAD_BEGIN=$(now_ms)
    load_sql load -e "s/NOW_MS/$(now_ms)/g" -e "s/MASKS_LAST/$((MASKS - 1))/g"
    LOAD_S=$(seconds_since "$LOAD_BEGIN")
    echo "loaded in ${LOAD_S} s"

    SAMPLE=$(curl -fs -H "Content-Type: application/json" \
        -d '{"call":{"from_number":"+12010000456","to_number":"+15550000456"}}' http://127.0.0.1:5601/calls/route)
    case "$SAMPLE" in
        *'"to":"+12020000456"'*) ;;
        *) echo "Routing check failed: $SAMPLE" >&2; exit 1 ;;
    esac

    warm_up "$store-warmup-calls" 5601 route-call.lua "$MASKS"
    warm_up "$store-warmup-texts" 5601 route-text.lua "$MASKS"

    cat > "$OUT/liveness.lua" <<'LUA'
request = function() return wrk.format("GET", "/actuator/health/liveness") end
LUA
    cp "$OUT/liveness.lua" bench/.liveness.lua
    # Liveness is warmed up like the routes it is held against: on two cores the JIT compiles for
    # minutes, and a liveness measured half-compiled flatters every share taken of it.
    warm_up "$store-warmup-liveness" 5601 .liveness.lua
    load "$store-liveness" 5601 .liveness.lua "$CONNECTIONS" /
    LIVE=$RESULT
    load "$store-calls" 5601 route-call.lua "$CONNECTIONS" / "$MASKS"
    CALLS=$RESULT
    load "$store-texts" 5601 route-text.lua "$CONNECTIONS" / "$MASKS"
    TEXTS=$RESULT
    RSS_ROUTE=$(rss_mib "$PID_A")

    if [ "$V1" = 1 ]; then
        echo "loading $((V1_SESSIONS - V1_PRELOAD)) more v1 sessions"
        LOAD_BEGIN=$(now_ms)
        load_v1 "$V1_PRELOAD" $((V1_SESSIONS - 1))
        V1_LOAD_S=$(seconds_since "$LOAD_BEGIN")
        echo "loaded in ${V1_LOAD_S} s"
        V1_ROUTED=$(sql "SELECT COUNT(*) FROM session WHERE closed_at IS NULL
            AND service_id = (SELECT id FROM service WHERE unique_name = 'bench' AND deleted_at IS NULL)")

        # Session 456's participants, each on its own proxy number: each reaches the other, shown
        # from the other's proxy number, by call and by text.
        FIRST_PROXY=$(printf '+15551%06d' $((456 % V1_POOL)))
        SECOND_PROXY=$(printf '+15551%06d' $(( (456 + 1 + (456 / V1_POOL) % (V1_POOL - 1)) % V1_POOL )))
        for check in "+12030000456 $FIRST_PROXY +12050000456 $SECOND_PROXY" "+12050000456 $SECOND_PROXY +12030000456 $FIRST_PROXY"; do
            read -r from proxy to shown <<< "$check"
            SAMPLE=$(curl -fs -H "Content-Type: application/json" \
                -d "{\"call\":{\"from_number\":\"$from\",\"to_number\":\"$proxy\"}}" http://127.0.0.1:5601/calls/route)
            case "$SAMPLE" in
                *"\"connect\":{\"from\":\"$shown\",\"to\":\"$to\""*) ;;
                *) echo "v1 routing check failed for a call from $from to $proxy: $SAMPLE" >&2; exit 1 ;;
            esac
            SAMPLE=$(curl -fs --data-urlencode "From=$from" --data-urlencode "To=$proxy" -d "Body=check&NumMedia=0" \
                http://127.0.0.1:5601/texts/route)
            case "$SAMPLE" in
                *"<Message to=\"$to\" from=\"$shown\""*) ;;
                *) echo "v1 routing check failed for a text from $from to $proxy: $SAMPLE" >&2; exit 1 ;;
            esac
        done
        echo "v1 routing check passed: $FIRST_PROXY and $SECOND_PROXY"

        warm_up "$store-warmup-v1-calls" 5601 route-call-v1.lua "$V1_SESSIONS" "$V1_POOL"
        warm_up "$store-warmup-v1-texts" 5601 route-text-v1.lua "$V1_SESSIONS" "$V1_POOL"
        warm_up "$store-warmup-v1-liveness" 5601 .liveness.lua
        # Rounds of liveness, calls and texts in turn: the load of a shared machine drifts within
        # seconds, so each round's routing is held against the liveness measured just before it,
        # and the median round's share is the one reported.
        V1_ROUND_ROWS=()
        CALL_SHARES=()
        TEXT_SHARES=()
        for round in $(seq 1 "$V1_ROUNDS"); do
            load "$store-liveness-v1-$round" 5601 .liveness.lua "$CONNECTIONS" /
            LIVE_V1=$RESULT
            load "$store-v1-calls-$round" 5601 route-call-v1.lua "$CONNECTIONS" / "$V1_SESSIONS" "$V1_POOL"
            V1_CALLS=$RESULT
            load "$store-v1-texts-$round" 5601 route-text-v1.lua "$CONNECTIONS" / "$V1_SESSIONS" "$V1_POOL"
            V1_TEXTS=$RESULT
            V1_ROUND_ROWS+=("liveness endpoint, round $round|$LIVE_V1|"
                "v1 calls, round $round|$V1_CALLS|$LIVE_V1" "v1 texts, round $round|$V1_TEXTS|$LIVE_V1")
            CALL_SHARES+=("$(ratio_of "$(field "$V1_CALLS" rps)" "$(field "$LIVE_V1" rps)")")
            TEXT_SHARES+=("$(ratio_of "$(field "$V1_TEXTS" rps)" "$(field "$LIVE_V1" rps)")")
        done
        RSS_ROUTE_V1=$(rss_mib "$PID_A")

        # Events queued: the service's events go to a receiver on this machine, and v1 calls are
        # measured again with each call's interaction.created written to the outbox with the
        # interaction and delivered by the relay meanwhile. Then the backlog is left to drain, and
        # the receiver's count of each event id is held against the outbox: none lost, none twice.
        java bench/Receiver.java 5700 > "$OUT/$store-receiver.log" 2>&1 &
        RECEIVER=$!
        PIDS+=("$RECEIVER")
        for _ in $(seq 1 100); do curl -fs -o /dev/null http://127.0.0.1:5700/stats && break; sleep 0.2; done
        curl -fsS -o /dev/null -X PATCH -H "Content-Type: application/json" \
            -d '{"callback_url": "http://127.0.0.1:5700/events"}' http://127.0.0.1:5601/api/v1/services/bench
        # drain_outbox: waits, at most 10 minutes, until no event is pending.
        drain_outbox() {
            for _ in $(seq 1 1200); do
                [ "$(sql "SELECT COUNT(*) FROM outbox_event WHERE status = 'pending'")" = 0 ] && break
                sleep 0.5
            done
        }
        warm_up "$store-warmup-v1-events" 5601 route-call-v1.lua "$V1_SESSIONS" "$V1_POOL"
        # The warm-up's events are delivered before liveness is measured, so that liveness is the
        # service's capacity with nothing else to do, as in the rounds above: a relay still
        # delivering that backlog took about half of it in earlier runs, and flattered the share.
        drain_outbox
        load "$store-liveness-events" 5601 .liveness.lua "$CONNECTIONS" /
        LIVE_EVENTS=$RESULT
        EVENTS_BEFORE=$(sql "SELECT COUNT(*) FROM outbox_event")
        load "$store-v1-calls-events" 5601 route-call-v1.lua "$CONNECTIONS" / "$V1_SESSIONS" "$V1_POOL"
        V1_CALLS_EVENTS=$RESULT
        EVENTS_WRITTEN=$(( $(sql "SELECT COUNT(*) FROM outbox_event") - EVENTS_BEFORE ))
        BACKLOG=$(sql "SELECT COUNT(*) FROM outbox_event WHERE status = 'pending'")
        DRAIN_BEGIN=$(now_ms)
        drain_outbox
        DRAIN_MS=$(( $(now_ms) - DRAIN_BEGIN ))
        EVENTS_PENDING=$(sql "SELECT COUNT(*) FROM outbox_event WHERE status = 'pending'")
        EVENTS_DELIVERED=$(sql "SELECT COUNT(*) FROM outbox_event WHERE status = 'delivered'")
        EVENTS_FAILED=$(sql "SELECT COUNT(*) FROM outbox_event WHERE status = 'failed'")
        read -r RECEIVED DISTINCT DUPLICATES <<< "$(curl -fs http://127.0.0.1:5700/stats)"
        DRAIN_RATE=$(awk -v n="$BACKLOG" -v ms="$DRAIN_MS" 'BEGIN { if (ms > 0) printf "%.0f", n * 1000 / ms; else printf "n/a" }')
        kill "$RECEIVER" 2>/dev/null || true
        echo "v1 calls with events queued: $V1_CALLS_EVENTS; $EVENTS_WRITTEN events written while measured; backlog of $BACKLOG delivered in $DRAIN_MS ms; outbox: $EVENTS_DELIVERED delivered, $EVENTS_FAILED failed, $EVENTS_PENDING pending; receiver: $RECEIVED received, $DISTINCT distinct, $DUPLICATES twice"
    fi
    rm -f bench/.liveness.lua
    LOG_ERRORS=$( (grep -c -E ' ERROR |OutOfMemoryError' "$OUT/$store-a.log" "$OUT/$store-b.log" || true) | awk -F: '{ s += $2 } END { print s + 0 }')
    stop_instance "$PID_A"
    if [ -n "$VACUUMER" ]; then
        kill "$VACUUMER" 2>/dev/null || true
    fi

    ratio() { ratio_of "$(field "$1" rps)" "$(field "$2" rps)"; }
    ROWS=("liveness endpoint|$LIVE|" "calls at $MASKS masks|$CALLS|$LIVE" "texts at $MASKS masks|$TEXTS|$LIVE"
        "mask creation, one instance|$CREATE_1|")
    V1_ROWS=()
    if [ "$V1" = 1 ]; then
        V1_ROWS=("${V1_ROUND_ROWS[@]}"
            "liveness endpoint, before routing with events|$LIVE_EVENTS|"
            "v1 calls with events queued and delivered|$V1_CALLS_EVENTS|$LIVE_EVENTS"
            "v1 session creation, one instance|$V1_CREATE_1|"
            "v1 session creation at $V1_ACTIVE v1 sessions|$V1_CREATE_LOADED|")
        SUMMARY[$store.v1create]=$(field "$V1_CREATE_1" rps)
        SUMMARY[$store.v1loaded]=$V1_LOADED_SHARE
        SUMMARY[$store.v1active]=$V1_ACTIVE
        SUMMARY[$store.v1calls]="$(median "${CALL_SHARES[@]}") (rounds: ${CALL_SHARES[*]})"
        SUMMARY[$store.v1texts]="$(median "${TEXT_SHARES[@]}") (rounds: ${TEXT_SHARES[*]})"
        SUMMARY[$store.v1events]=$(ratio "$V1_CALLS_EVENTS" "$LIVE_EVENTS")
        SUMMARY[$store.outbox]="$(ratio_of "$(field "$V1_CALLS_EVENTS" rps)" "$(field "$V1_CALLS" rps)") of the rate without events"
        SUMMARY[$store.delivery]="$EVENTS_DELIVERED delivered, $EVENTS_FAILED failed, $EVENTS_PENDING pending; receiver $DISTINCT distinct, $DUPLICATES twice; backlog $BACKLOG at $DRAIN_RATE/s"
        SUMMARY[$store.deliveryok]=$([ "$EVENTS_PENDING" = 0 ] && [ "$EVENTS_FAILED" = 0 ] && [ "$DISTINCT" = "$EVENTS_DELIVERED" ] \
            && [ "$DUPLICATES" = 0 ] && [ "$EVENTS_DELIVERED" -ge 10000 ] && echo yes || echo no)
        SUMMARY[$store.v1routed]=$V1_ROUTED
        SUMMARY[$store.v1p99]="$(field "$V1_CALLS" p99) / $(field "$V1_TEXTS" p99)"
        SUMMARY[$store.v1errors]=$(( $(field "$V1_CALLS" errors) + $(field "$V1_CALLS" non2xx) + $(field "$V1_TEXTS" errors) + $(field "$V1_TEXTS" non2xx) + $(field "$V1_CREATE_1" errors) + $(field "$V1_CREATE_1" non2xx) + $(field "$V1_CREATE_LOADED" errors) + $(field "$V1_CREATE_LOADED" non2xx) ))
        SUMMARY[$store.pool]="$POOL_OK succeeded, $POOL_FAILED failed, $POOL_USED of $POOL_K numbers used; one more: $POOL_EXTRA"
        SUMMARY[$store.poolok]=$([ "$POOL_OK" = "$POOL_ASKED" ] && [ "$POOL_USED" = "$POOL_K" ] \
            && [ "$POOL_EXTRA" = "409 all-numbers-paired" ] && echo yes || echo no)
    fi
    # rows NAME|RESULT|BASELINE...: table rows, with the share of the baseline's rate where one is given.
    rows() {
        for row in "$@"; do
            IFS='|' read -r name r base <<< "$row"
            share=""
            if [ -n "$base" ]; then share=$(ratio "$r" "$base"); elif [[ "$name" == liveness* ]]; then share=100%; fi
            echo "| $name | $(field "$r" rps) | $(field "$r" p50) | $(field "$r" p99) | $(field "$r" p999) | $(( $(field "$r" errors) + $(field "$r" non2xx) )) | $share |"
        done
    }
    {
        echo "## $store"
        echo
        echo "| measurement | requests/s | p50 ms | p99 ms | p99.9 ms | errors | vs liveness |"
        echo "|---|---|---|---|---|---|---|"
        rows "${ROWS[@]}"
        echo "| mask creation, two instances | $CREATE_2 | | | | $CREATE_2_ERR | |"
        rows "${V1_ROWS[@]}"
        echo
        echo "Start-up to first answer: ${STARTUP} s. RSS: ${RSS_IDLE} MiB idle, ${RSS_CREATE} MiB after creation, ${RSS_ROUTE} MiB after routing${RSS_ROUTE_V1:+, ${RSS_ROUTE_V1} MiB after v1 routing} (heap capped at 512 MiB). Loading $MASKS masks took ${LOAD_S} s. ERROR lines in the service logs: ${LOG_ERRORS}."
        if [ "$V1" = 1 ]; then
            echo
            echo "v1: service \`bench\` (geo_match country, $V1_POOL numbers). Creation at $V1_ACTIVE active v1 sessions ($V1_PRELOAD of them loaded in ${V1_PRELOAD_S} s, the rest made through the API) ran at $V1_LOADED_SHARE of the rate at the start. Routing ran at $V1_ROUTED active v1 sessions (the other $((V1_SESSIONS - V1_PRELOAD)) loaded in ${V1_LOAD_S} s), each participant calling or texting its own proxy number."
            echo
            echo "Events: with the service's callback URL on a receiver on this machine, $EVENTS_WRITTEN events were written while v1 calls were measured (one interaction.created per call); after the load the backlog of $BACKLOG drained in $DRAIN_MS ms ($DRAIN_RATE events/s). Outbox: $EVENTS_DELIVERED delivered, $EVENTS_FAILED failed, $EVENTS_PENDING pending. Receiver: $RECEIVED deliveries of $DISTINCT distinct events, $DUPLICATES delivered twice."
            echo
            echo "Mean latency of v1 creation: $(field "$V1_CREATE_1" mean) ms at the start, $(field "$V1_CREATE_LOADED" mean) ms with the sessions loaded (mask creation: $(field "$CREATE_1" mean) ms)."
            if [ -n "$V1_PG_CREATE" ]; then
                echo
                echo "PostgreSQL's own counts for the database: v1 creation at the start (warm-up and measurement, $V1_MADE sessions): $V1_PG_CREATE; with the sessions loaded: $V1_PG_LOADED; pool efficiency: $V1_PG_POOL."
            fi
            echo
            echo "v1 pool efficiency: service \`bench-pool\` (geo_match country, $POOL_K US numbers), $POOL_CONTRACTORS contractors with $POOL_K clients each, $CONNECTIONS requests in flight: $POOL_OK of $POOL_ASKED sessions succeeded, $POOL_FAILED failed (answers: $POOL_CODES) in ${POOL_S} s (mean ${POOL_MEAN_MS} ms per request); numbers used: $POOL_USED of $POOL_K, carrying $POOL_ROUTES participants; one more session for a contractor: $POOL_EXTRA."
        fi
        if [ "$AUTOVACUUM" = off ]; then
            echo
            echo "The server runs with autovacuum off: the run ran VACUUM ANALYZE after each warm-up and every 60 s in its place."
        fi
        echo
        echo "Load average (1 min) while this store ran: $(load_summary "$STORE_BEGIN")."
        echo
    } >> "$OUT/results.md"
done

if [ "$V1" = 1 ]; then
    met() { awk -v v="${1%\%}" -v t="$2" 'BEGIN { print (v == "") ? "" : (v + 0 >= t) ? "yes" : "no" }'; }
    # both KEY THRESHOLD: "met" for each store that ran, SQLite first.
    both() {
        local out="" st
        for st in sqlite postgresql; do
            [ -n "${SUMMARY[$st.$1]:-}" ] && out="$out${out:+ / }$(met "${SUMMARY[$st.$1]}" "$2")"
        done
        echo "$out"
    }
    {
        echo "## v1 targets in this run"
        echo
        echo "| target | sqlite | postgresql | met |"
        echo "|---|---|---|---|"
        S=${SUMMARY[sqlite.v1create]:-}
        P=${SUMMARY[postgresql.v1create]:-}
        if [ -n "$S" ] && [ -n "$P" ]; then
            SHARE=$(ratio_of "$P" "$S")
            echo "| v1 session creation, one instance: PostgreSQL at least 75% of SQLite | $S/s | $P/s ($SHARE of SQLite) | $(met "$SHARE" 75) |"
        else
            echo "| v1 session creation, one instance: PostgreSQL at least 75% of SQLite | ${S:+$S/s} | ${P:+$P/s} | needs both stores |"
        fi
        at() { [ -n "${SUMMARY[$1.v1loaded]:-}" ] && echo "${SUMMARY[$1.v1loaded]} at ${SUMMARY[$1.v1active]} sessions" || true; }
        echo "| v1 creation with $V1_PRELOAD v1 sessions loaded, vs at the start: at least 80% | $(at sqlite) | $(at postgresql) | $(both v1loaded 80) |"
        echo "| v1 routing at $V1_SESSIONS loaded v1 sessions, calls vs liveness: at least 60% | ${SUMMARY[sqlite.v1calls]:-} | ${SUMMARY[postgresql.v1calls]:-} | $(both v1calls 60) |"
        echo "| v1 routing at $V1_SESSIONS loaded v1 sessions, texts vs liveness: at least 60% | ${SUMMARY[sqlite.v1texts]:-} | ${SUMMARY[postgresql.v1texts]:-} | $(both v1texts 60) |"
        echo "| v1 calls with interactions recorded and events queued vs liveness: at least 60% | ${SUMMARY[sqlite.v1events]:-} | ${SUMMARY[postgresql.v1events]:-} | $(both v1events 60) |"
        echo "| what the outbox costs: v1 calls with events vs without | ${SUMMARY[sqlite.outbox]:-} | ${SUMMARY[postgresql.outbox]:-} | |"
        DELIVERY_MET=""
        for st in sqlite postgresql; do
            [ -n "${SUMMARY[$st.deliveryok]:-}" ] && DELIVERY_MET="$DELIVERY_MET${DELIVERY_MET:+ / }${SUMMARY[$st.deliveryok]}"
        done
        echo "| at least 10,000 events delivered, none lost, none twice | ${SUMMARY[sqlite.delivery]:-} | ${SUMMARY[postgresql.delivery]:-} | $DELIVERY_MET |"
        echo "| v1 routing p99, calls / texts (ms) | ${SUMMARY[sqlite.v1p99]:-} | ${SUMMARY[postgresql.v1p99]:-} | |"
        echo "| v1 errors (creation and routing) | ${SUMMARY[sqlite.v1errors]:-} | ${SUMMARY[postgresql.v1errors]:-} | |"
        POOL_MET=""
        for st in sqlite postgresql; do
            [ -n "${SUMMARY[$st.poolok]:-}" ] && POOL_MET="$POOL_MET${POOL_MET:+ / }${SUMMARY[$st.poolok]}"
        done
        echo "| pool efficiency: all $((POOL_K * POOL_CONTRACTORS)) sessions in $POOL_K numbers, one more gets 409 all-numbers-paired | ${SUMMARY[sqlite.pool]:-} | ${SUMMARY[postgresql.pool]:-} | $POOL_MET |"
        echo
    } >> "$OUT/results.md"
fi
echo "Load average (1 min) over the whole run: $(load_summary 0); at the end (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)." >> "$OUT/results.md"

echo
cat "$OUT/results.md"
echo "(raw output in $OUT)"
