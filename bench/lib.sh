# Shared helpers for bench/*.sh: whole-process wall time in ms, and the median of a list.
now_ms() { date +%s%3N; }
time_ms() { local t0 t1; t0=$(now_ms); "$@" >/dev/null 2>&1 || true; t1=$(now_ms); echo $((t1 - t0)); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
# The newest JDK >= 21 under /usr/lib/jvm.
java21() { ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do "$j" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])' && echo "$j"; done | tail -1; }
