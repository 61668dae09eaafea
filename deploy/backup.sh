#!/usr/bin/env bash
# Back up the database (pg_dump, custom format) and the media folder into DIR/<timestamp>/.
# Usage: deploy/backup.sh DIR      (reads DATABASE_URL and MEDIA_ROOT from the environment,
# or from /etc/sociale-kaart/env). Keeps the newest $KEEP_DAYS days (default 14).
set -euo pipefail
target=${1:?usage: backup.sh DIR}
if [ -z "${DATABASE_URL:-}" ] && [ -r "${SOCIALE_KAART_ENV:-/etc/sociale-kaart/env}" ]; then
  set -a; . "${SOCIALE_KAART_ENV:-/etc/sociale-kaart/env}"; set +a
fi
: "${DATABASE_URL:?DATABASE_URL is not set}"
PG_DUMP=${PG_DUMP:-pg_dump}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dir="$target/$stamp"
mkdir -p "$dir"
"$PG_DUMP" --format=custom --no-owner --no-privileges --file="$dir/database.dump" "$DATABASE_URL"
if [ -n "${MEDIA_ROOT:-}" ] && [ -d "$MEDIA_ROOT" ]; then
  tar -C "$MEDIA_ROOT" -czf "$dir/media.tar.gz" .
fi
(cd "$dir" && sha256sum ./* > SHA256SUMS)
find "$target" -mindepth 1 -maxdepth 1 -type d -mtime +"${KEEP_DAYS:-14}" -exec rm -rf {} +
echo "$dir"
