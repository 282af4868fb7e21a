#!/usr/bin/env bash
# PostgreSQL init script (/docker-entrypoint-initdb.d): one database per service, each owned by a
# login role of the same name, so a service can reach only its own data. Runs once, on an empty
# data directory. Used by the local overlay's postgres StatefulSet and by docker-compose.yml.
#
#   TICKETING_DATABASES          space-separated names, e.g. "catalog reservation booking"
#   TICKETING_DATABASE_PASSWORD  password of every service role (local stacks only)
set -euo pipefail

for database in ${TICKETING_DATABASES:?TICKETING_DATABASES is required}; do
  echo "creating role and database ${database}"
  psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v name="$database" -v password="${TICKETING_DATABASE_PASSWORD:?TICKETING_DATABASE_PASSWORD is required}" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE CONNECT ON DATABASE :"name" FROM PUBLIC;
SQL
done
