#!/usr/bin/env bash
# Read load on a running Shoal API (loopback only): the catalog, an instance list and one instance.
# Usage: SHOAL_URL=http://127.0.0.1:8779 SHOAL_TOKEN=<operator token> bench/api-read.sh [seconds] [connections]
# It creates a tenant "bench" (if missing) with one instance, then runs wrk against three endpoints.
set -euo pipefail
url=${SHOAL_URL:-http://127.0.0.1:8779}
token=${SHOAL_TOKEN:?set SHOAL_TOKEN to an operator token}
seconds=${1:-10}
connections=${2:-16}
case "$url" in
  http://127.*|http://localhost*) ;;
  *) echo "bench targets loopback only, not $url" >&2; exit 2 ;;
esac

curl -s -o /dev/null -X POST "$url/v1.0/mgmt/tenants" -H "X-Auth-Token: $token" -H 'Content-Type: application/json' \
  -d '{"tenant": {"id": "bench", "name": "Benchmark"}}'
id=$(curl -s "$url/v1.0/bench/instances?limit=1" -H "X-Auth-Token: $token" | sed -n 's/.*"instances":\[{"id":"\([^"]*\)".*/\1/p')
if [ -z "$id" ]; then
  id=$(curl -s -X POST "$url/v1.0/bench/instances" -H "X-Auth-Token: $token" -H 'Content-Type: application/json' \
    -d '{"instance": {"name": "bench", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1}}}' \
    | sed -n 's/.*"instance":{"id":"\([^"]*\)".*/\1/p')
fi

for path in /v1.0/bench/datastores "/v1.0/bench/instances?limit=20" "/v1.0/bench/instances/$id"; do
  echo "== GET $path"
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s -H "X-Auth-Token: $token" "$url$path" \
    | grep -E 'Requests/sec|Latency|requests in|Non-2xx'
done
