# Shared by the intake benchmarks (sourced): waiting for a server, and one wrk run summarised.
wait_port() { for _ in $(seq 1 200); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT$1" 2>/dev/null && return; sleep 0.05; done; echo "server did not start" >&2; exit 1; }

# wrk's summary as "rps p50_ms p99_ms errors"
measure() {
    local out
    out="$(wrk -t2 -c"$1" -d"${DURATION:-10}s" --latency "${@:2}")"
    python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print(f"{rps:.0f} {p50:.2f} {p99:.2f} {bad.group(1) if bad else 0}")
PY
}
