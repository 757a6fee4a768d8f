# Sourced by bench scripts: a real PostgreSQL 15 from Debian's packages on 127.0.0.1:5432 with role/db "bench".
# Installs it when missing (apt-get), starts the cluster, and exports BENCH_PG (postgres:// URL) and BENCH_JDBC.
bench_pg() {
  if ! command -v pg_ctlcluster >/dev/null || ! command -v pgbench >/dev/null; then
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql postgresql-contrib >/dev/null
  fi
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
