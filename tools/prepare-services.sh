#!/usr/bin/env bash
# Makes sure the local MariaDB and Redis answer (starting them if not) and creates the project's database user.
# Used by .ci/run and by `npm run demo`. The project connects over TCP with a password, like production;
# MariaDB's root is only reachable through the unix socket, so the user is created through it.
set -euo pipefail

DB_USER="${DB_USER:-pets}"
DB_PASSWORD="${DB_PASSWORD:-pets-dev-password}"

# Nothing to do when the services answer and the user can already connect (e.g. CI service containers).
if command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 \
  && command -v mariadb >/dev/null && mariadb -h 127.0.0.1 -u "$DB_USER" -p"$DB_PASSWORD" -e 'SELECT 1' >/dev/null 2>&1; then
  exit 0
fi

wait_for() { # name, command...
  local name="$1"; shift
  for _ in $(seq 1 30); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "$name did not come up" >&2; return 1
}

if ! mariadb-admin ping >/dev/null 2>&1; then
  echo "starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  wait_for MariaDB mariadb-admin ping
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis redis-cli -h 127.0.0.1 -p 6379 ping
fi

mariadb <<SQL
CREATE USER IF NOT EXISTS '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PASSWORD}';
CREATE USER IF NOT EXISTS '${DB_USER}'@'localhost' IDENTIFIED BY '${DB_PASSWORD}';
ALTER USER '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PASSWORD}';
ALTER USER '${DB_USER}'@'localhost' IDENTIFIED BY '${DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`pets%\`.* TO '${DB_USER}'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`pets%\`.* TO '${DB_USER}'@'localhost';
FLUSH PRIVILEGES;
SQL
echo "MariaDB and Redis ready; database user '${DB_USER}' can manage databases named pets*"
