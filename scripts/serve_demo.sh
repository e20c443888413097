#!/usr/bin/env bash
# Serve clusterhub on $CLUSTERHUB_ADDRESS (default 127.0.0.1:8000) with debug off, as a user
# sees it (static files from WhiteNoise: run `manage.py collectstatic` first, as `make demo`
# does), with a background-task worker beside it, and `manage.py run_periodic_jobs` once a
# minute (each due job once: offers, reminders, feedback mails, retries, the partner index's
# rebuild when behind, the daily reminders). A laptop has no timer for it, so it runs with
# --repeat here; a server starts the same command from a systemd timer or cron (docs/deploy.md).
# All stop together, however it ends: Ctrl-C, a TERM from outside, or either one failing.
# Neither auto-reloads: a reloader forks a second process that a signal to its parent
# leaves running; developers who want reloading run `manage.py runserver` themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-.venv/bin/python}"
ADDRESS="${CLUSTERHUB_ADDRESS:-127.0.0.1:8000}"
# config/settings.py derives the public base URL (links in mails) from the same address.
export CLUSTERHUB_ADDRESS="$ADDRESS"
# The demo has no mail server: mails go to this console unless EMAIL_BACKEND says otherwise.
export EMAIL_BACKEND="${EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend}"

"$PYTHON" manage.py db_worker --queue-name '*' --no-reload &
worker_pid=$!
"$PYTHON" manage.py runserver --noreload "$ADDRESS" &
server_pid=$!
JOBS_EVERY="${CLUSTERHUB_EVENT_JOBS_SECONDS:-60}"
"$PYTHON" manage.py run_periodic_jobs --repeat "$JOBS_EVERY" >/dev/null &
jobs_pid=$!

stop_both() {
  kill -TERM "$server_pid" "$worker_pid" "$jobs_pid" 2>/dev/null || true
  wait "$server_pid" "$worker_pid" "$jobs_pid" 2>/dev/null || true
}
trap stop_both EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

SITE_URL="$("$PYTHON" -c 'import os; os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings"); from django.conf import settings; print(settings.SITE_URL)')"
echo "clusterhub: $SITE_URL/ (server pid $server_pid, task worker pid $worker_pid," \
  "periodic jobs pid $jobs_pid every ${JOBS_EVERY}s); Ctrl-C stops all"
# Returns as soon as any process ends; the EXIT trap then stops the others.
wait -n "$server_pid" "$worker_pid" "$jobs_pid"
