# Sourced by bench scripts: a real PostgreSQL 15 from Debian's packages on 127.0.0.1:5432 with role/db "bench".
# Installs it when missing (apt-get), starts the cluster, and exports BENCH_PG (postgres:// URL) and BENCH_JDBC.
pg_packages() {
  if ! command -v pg_ctlcluster >/dev/null || ! command -v pgbench >/dev/null; then
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql postgresql-contrib >/dev/null
  fi
}
bench_pg() {
  pg_packages
  local version; version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
  pg_ctlcluster "$version" main start 2>/dev/null || true
  for _ in $(seq 50); do pg_isready -q -h 127.0.0.1 && break; sleep 0.2; done
  su postgres -c "psql -qtA -c \"SELECT 1 FROM pg_roles WHERE rolname='bench'\"" | grep -q 1 || \
    su postgres -c "psql -q -c \"CREATE ROLE bench LOGIN SUPERUSER PASSWORD 'bench'\" -c 'CREATE DATABASE bench OWNER bench'"
  export BENCH_PG="postgres://bench:bench@127.0.0.1:5432/bench"
  export BENCH_JDBC="jdbc:postgresql://127.0.0.1:5432/bench?user=bench&password=bench"
  export PGPASSWORD=bench
}

# Replaces the current (sub)shell with "$@" inside a cgroup-v1 CPU quota of 0.25 vCPU (25 ms per 100 ms), like a Container App.
# CPU_GROUP names the cgroup, so two processes can each have their own quarter; MEM_MIB adds a memory limit.
quarter_cpu() {
  local group="/sys/fs/cgroup/cpu/${CPU_GROUP:-alai-bench}"
  mkdir -p "$group"
  echo 100000 > "$group/cpu.cfs_period_us"
  echo 25000 > "$group/cpu.cfs_quota_us"
  echo "$BASHPID" > "$group/cgroup.procs"
  if [ -n "${MEM_MIB:-}" ]; then # and a memory limit, like a Container App's 0.5 GiB
    local mem="/sys/fs/cgroup/memory/${CPU_GROUP:-alai-bench}"
    mkdir -p "$mem"
    echo $((MEM_MIB * 1024 * 1024)) > "$mem/memory.limit_in_bytes"
    echo "$BASHPID" > "$mem/cgroup.procs"
  fi
  exec "$@"
}

# A private cluster from Debian's binaries, so a bench can preload pg_stat_statements (and restart at will) without
# touching the shared one: 127.0.0.1:${PRIVATE_PG_PORT:-5439}, role "bench" (trust), session time zone UTC.
# Exports PRIVATE_PG_ADMIN (postgres:// URL of its "postgres" database); private_pg_stop stops it.
private_pg() {
  pg_packages
  local port="${PRIVATE_PG_PORT:-5439}" bin
  PRIVATE_PG_DIR="${PRIVATE_PG_DIR:-/tmp/alai-bench-pg-$port}"
  bin="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin"
  if [ ! -s "$PRIVATE_PG_DIR/PG_VERSION" ]; then
    mkdir -p "$PRIVATE_PG_DIR" && chown postgres "$PRIVATE_PG_DIR"
    su postgres -c "$bin/initdb -D $PRIVATE_PG_DIR -A trust -U bench" >/dev/null
  fi
  su postgres -c "$bin/pg_ctl -D $PRIVATE_PG_DIR status" >/dev/null 2>&1 || su postgres -c "$bin/pg_ctl -D $PRIVATE_PG_DIR \
    -l $PRIVATE_PG_DIR/log -w -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c timezone=UTC -c shared_buffers=128MB \
    -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on' start" >/dev/null
  PRIVATE_PG_BIN="$bin"
  export PRIVATE_PG_ADMIN="postgres://bench@127.0.0.1:$port/postgres" PRIVATE_PG_PORT="$port"
  psql -q "$PRIVATE_PG_ADMIN" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
}
private_pg_stop() { su postgres -c "$PRIVATE_PG_BIN/pg_ctl -D $PRIVATE_PG_DIR -m fast stop" >/dev/null 2>&1 || true; }
# A fresh database on the private cluster: name → its postgres:// URL (pg_stat_statements installed).
private_db() {
  psql -q "$PRIVATE_PG_ADMIN" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
  psql -q "postgres://bench@127.0.0.1:$PRIVATE_PG_PORT/$1" -c "CREATE EXTENSION pg_stat_statements"
  echo "postgres://bench:bench@127.0.0.1:$PRIVATE_PG_PORT/$1"
}
