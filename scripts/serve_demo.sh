#!/usr/bin/env bash
# Serve clusterhub on http://127.0.0.1:8000 with a background-task worker beside it.
# Both stop together, however it ends: Ctrl-C, a TERM from outside, or either one failing.
# Neither auto-reloads: a reloader forks a second process that a signal to its parent
# leaves running; developers who want reloading run `manage.py runserver` themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-.venv/bin/python}"
ADDRESS="${CLUSTERHUB_ADDRESS:-127.0.0.1:8000}"

"$PYTHON" manage.py db_worker --queue-name '*' --no-reload &
worker_pid=$!
"$PYTHON" manage.py runserver --noreload "$ADDRESS" &
server_pid=$!

stop_both() {
  kill -TERM "$server_pid" "$worker_pid" 2>/dev/null || true
  wait "$server_pid" "$worker_pid" 2>/dev/null || true
}
trap stop_both EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "clusterhub: http://$ADDRESS/ (server pid $server_pid, task worker pid $worker_pid); Ctrl-C stops both"
# Returns as soon as either process ends; the EXIT trap then stops the other.
wait -n "$server_pid" "$worker_pid"
