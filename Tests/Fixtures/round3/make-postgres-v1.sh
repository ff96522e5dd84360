#!/usr/bin/env bash
# Makes postgres-v1.sql: a pg_dump of a small shared plan written by the planboard whose
# PostgreSQL schema was version 1 (commit 7ed4fa2, before every change went through the
# server's own function). Kept so that the migration to later schemas is tested on what
# that version really wrote: people, a meeting with a highlight, a recorded checkpoint and a
# change log with an undo in it.
#
# Usage (as root, with that version built): Tests/Fixtures/round3/make-postgres-v1.sh PLANBOARD_BINARY
# The roles it needs (server-wide, so not in the dump) are listed in roles-v1.txt.
set -euo pipefail
binary="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
# The newest PostgreSQL installed (Debian keeps its programs out of PATH).
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
dir="$(mktemp -d /tmp/pbfix.XXXXXX)"
chown postgres "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pw=fixture-pw
echo "$pw" > "$dir/pw"; chown postgres "$dir/pw"
as_pg() { runuser -u postgres -- "$@"; }
as_pg "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pw" -E UTF8 --no-locale --auth-local=trust --auth-host=scram-sha-256 >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
trap 'as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$dir"' EXIT
psql_su() { PGPASSWORD=$pw "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "${2:-postgres}" -c "$1"; }
# The owner as PostgreSQL 15 makes a database's owner: CREATEROLE, not a superuser.
psql_su "CREATE ROLE planadmin LOGIN CREATEROLE PASSWORD '$pw'"
psql_su "CREATE DATABASE devon_app OWNER planadmin"
url() { echo "postgres://$1@127.0.0.1:$port/devon_app?sslmode=disable"; }
export PGPASSWORD=$pw PGPASSFILE=/nonexistent PLANBOARD_TODAY=2023-08-15
"$binary" server init --db "$(url planadmin)"
"$binary" import "$here/../../../sample-data/fictional-five-areas.json" --db "$(url planadmin)"
# That version's owner could not add people on PostgreSQL 15 (it was not a chair): the
# server's administrator made the first chair by hand, as councils did.
psql_su "CREATE ROLE jackie LOGIN PASSWORD '$pw'"
psql_su "GRANT planboard_chair TO jackie"
printf '%s\n' "$pw" | "$binary" people add sam --role editor --password-stdin --db "$(url jackie)"
printf '%s\n' "$pw" | "$binary" people add board1 --role viewer --password-stdin --db "$(url jackie)"
"$binary" meeting add "Board 2023-09-12" --date 2023-09-12 --db "$(url jackie)"
"$binary" set 1a --status green --db "$(url sam)"
"$binary" set 1b --status red --reason "Recruitment paused" --db "$(url sam)"
"$binary" set 1c.i --note "Met the school leads" --db "$(url sam)"
"$binary" set 2a --by-when 2024-01-31 --db "$(url sam)"
"$binary" undo --db "$(url sam)"
"$binary" highlight 1 --meeting "Board 2023-09-12" --rag amber --reason "Red waits on recruitment" --progress "Leads met" --db "$(url jackie)"
"$binary" meeting record "Board 2023-09-12" --db "$(url jackie)"
"$binary" set 2b.i --status amber --reason "Late data" --db "$(url sam)"
"$binary" log --db "$(url jackie)" > "$here/postgres-v1-log.txt"
PGPASSWORD=$pw "$bin/pg_dump" -h 127.0.0.1 -p "$port" -U postgres --no-comments --column-inserts devon_app > "$here/postgres-v1.sql"
PGPASSWORD=$pw "$bin/psql" -X -A -t -h 127.0.0.1 -p "$port" -U postgres -d devon_app \
  -c "SELECT r.rolname || ' ' || coalesce(planboard.role_of(r.rolname), '-') || ' ' || r.rolcreaterole FROM pg_roles r WHERE r.rolname IN ('planadmin','jackie','sam','board1') ORDER BY 1" > "$here/roles-v1.txt"
echo "wrote $here/postgres-v1.sql"
