#!/usr/bin/env bash
# Run a management command with the production environment: deploy/manage.sh migrate
set -euo pipefail
set -a
# shellcheck disable=SC1090
. "${SOCIALE_KAART_ENV:-/etc/sociale-kaart/env}"
set +a
cd "$(dirname "$0")/.."
exec .venv/bin/python manage.py "$@"
