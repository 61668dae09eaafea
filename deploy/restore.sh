#!/usr/bin/env bash
# Restore a backup made by backup.sh into the (empty or existing) database and media folder.
# Usage: deploy/restore.sh DIR/<timestamp>   Stop the application first; start it afterwards.
# The database named in DATABASE_URL must exist (createdb); existing tables are replaced.
set -euo pipefail
dir=${1:?usage: restore.sh BACKUP_DIR}
if [ -z "${DATABASE_URL:-}" ] && [ -r "${SOCIALE_KAART_ENV:-/etc/sociale-kaart/env}" ]; then
  set -a; . "${SOCIALE_KAART_ENV:-/etc/sociale-kaart/env}"; set +a
fi
: "${DATABASE_URL:?DATABASE_URL is not set}"
PG_RESTORE=${PG_RESTORE:-pg_restore}
(cd "$dir" && sha256sum --check --quiet SHA256SUMS)
"$PG_RESTORE" --clean --if-exists --no-owner --no-privileges --exit-on-error \
  --single-transaction --dbname="$DATABASE_URL" "$dir/database.dump"
if [ -f "$dir/media.tar.gz" ]; then
  : "${MEDIA_ROOT:?MEDIA_ROOT is not set}"
  mkdir -p "$MEDIA_ROOT"
  tar -C "$MEDIA_ROOT" -xzf "$dir/media.tar.gz"
fi
echo "restored $dir"
