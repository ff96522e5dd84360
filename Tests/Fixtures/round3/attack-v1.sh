#!/usr/bin/env bash
# Runs the hostile suite's attacks (HostileSharedPlanTests) through psql against the
# committed version-1 shared plan (postgres-v1.sql), restored into a throwaway cluster, and
# says which of them the schema before version 2 let through. As root, with Debian's
# postgresql 15 installed. Usage: Tests/Fixtures/round3/attack-v1.sh
set -uo pipefail
fix="$(cd "$(dirname "$0")" && pwd)"
# The newest PostgreSQL installed (Debian keeps its programs out of PATH).
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
dir="$(mktemp -d /tmp/pbatk.XXXXXX)"; chown postgres "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pw=atk; echo $pw > $dir/pw; chown postgres $dir/pw
as_pg() { runuser -u postgres -- "$@"; }
as_pg $bin/initdb -D $dir/data -U postgres --pwfile=$dir/pw -E UTF8 --no-locale --auth-local=trust --auth-host=scram-sha-256 >/dev/null
as_pg $bin/pg_ctl -D $dir/data -l $dir/log -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
trap 'as_pg $bin/pg_ctl -D $dir/data -m immediate stop >/dev/null 2>&1; rm -rf $dir' EXIT
q() { PGPASSWORD=$pw $bin/psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $port -U "$1" -d "${3:-devon_app}" -c "$2" 2>&1; }
q postgres "CREATE ROLE planadmin LOGIN CREATEROLE PASSWORD '$pw'; CREATE ROLE planboard_viewer NOLOGIN; CREATE ROLE planboard_editor NOLOGIN; CREATE ROLE planboard_chair NOLOGIN; GRANT planboard_viewer TO planboard_editor; GRANT planboard_editor TO planboard_chair; CREATE ROLE jackie LOGIN PASSWORD '$pw'; CREATE ROLE sam LOGIN PASSWORD '$pw'; GRANT planboard_chair TO jackie; GRANT planboard_editor TO sam" postgres >/dev/null; q postgres "CREATE DATABASE devon_app OWNER planadmin" postgres >/dev/null
grep -v '^\\' $fix/postgres-v1.sql > $dir/dump.sql; PGPASSWORD=$pw $bin/psql -X -q -h 127.0.0.1 -p $port -U postgres -d devon_app -f $dir/dump.sql >/dev/null 2>&1
try() { local who="$1" label="$2" sql="$3"; out=$(q "$who" "$sql"); if [ $? -eq 0 ]; then echo "SUCCEEDED  $who: $label"; else echo "refused    $who: $label — $(echo "$out" | head -1)"; fi; }
try jackie "set_person resets the owner's password" "SELECT planboard.set_person('planadmin','chair','owned',false)"
try jackie "set_person on a login planboard did not make (postgres superuser)" "SELECT planboard.set_person('postgres','chair','owned',false)"
try jackie "planboard_chair made a viewer" "SELECT planboard.set_person('planboard_chair','viewer',NULL,false)"
q postgres "GRANT planboard_chair TO jackie" >/dev/null
try sam "UPDATE planboard.part: every Red made Complete, no log line" "UPDATE planboard.part SET body = replace(body, '\"red\"', '\"complete\"') WHERE kind = 'action'"
try sam "UPDATE planboard.plan: format nobody can open" "UPDATE planboard.plan SET format = 'planboard/99'"
q postgres "UPDATE planboard.plan SET format='planboard/1'" devon_app >/dev/null
try sam "INSERT a change row that makes every later write fail" "INSERT INTO planboard.change (seq, at, who, kind, summary) VALUES ((SELECT version + 1 FROM planboard.plan), 'x', 'sam', 'edit', 'planted')"
try sam "a body that is not JSON" "UPDATE planboard.part SET body = 'not json' WHERE kind = 'action' AND key = '1a'"
try sam "a forged import line that wipes undo" "INSERT INTO planboard.change (seq, at, who, kind, summary) VALUES (1000, 'x', 'sam', 'import', 'forged')"
