# Sourced by the bench scripts: sets conn=(psql arguments) and where=(a description) for the database
# of the running Landfall: DATABASE_URL, else the embedded PostgreSQL under LANDFALL_DATA_DIR.
command -v psql >/dev/null || { echo "psql not found (apt-get install -y postgresql-client)" >&2; exit 1; }
if [[ -n ${DATABASE_URL:-} ]]; then
  # libpq takes postgres:// URIs as they are, and the JDBC form without its "jdbc:" prefix
  conn=(-d "${DATABASE_URL#jdbc:}")
  where="DATABASE_URL"
else
  dir=${LANDFALL_DATA_DIR:-./data}
  pidfile=$dir/postgres/postmaster.pid
  if [[ ! -r $pidfile ]]; then
    echo "no running embedded PostgreSQL under $dir ($pidfile missing): start Landfall with" >&2
    echo "LANDFALL_DATA_DIR=$dir first, or set DATABASE_URL" >&2
    exit 1
  fi
  port=$(sed -n 4p "$pidfile")
  export PGPASSWORD
  PGPASSWORD=$(cat "$dir/postgres.password")
  conn=(-h 127.0.0.1 -p "$port" -U postgres -d postgres)
  where="embedded PostgreSQL in $dir/postgres (port $port)"
fi
