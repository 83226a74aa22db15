#!/usr/bin/env bash
# The README's first command as a new user runs it: `npm run develop` until the admin answers at
# localhost:1337 and the demo content is served, then stop it. Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-1337}
log=$(mktemp)
# Its own process group, so stopping it also stops the admin watcher Strapi forks.
setsid npm run develop >"$log" 2>&1 &
pid=$!
stop() { kill -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap stop EXIT

for _ in $(seq 1 300); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "npm run develop exited before the demo answered:"; tail -n 40 "$log"; exit 1
  fi
  admin=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port}/admin" || true)
  content=$(curl -s "http://127.0.0.1:${port}/api/journey/content?pageSize=1" || true)
  if [ "$admin" = 200 ] && printf '%s' "$content" | grep -Eq '"total":[1-9]'; then
    echo "Demo up: admin at http://localhost:${port}/admin answers 200 and the content API serves the demo content."
    exit 0
  fi
  sleep 1
done
echo "The demo did not answer within 300 s:"; tail -n 40 "$log"; exit 1
