#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# A throwaway PostgreSQL cluster for the tests: made in a folder of its own,
# reached only through a Unix socket in that folder (no TCP at all), and
# removed with everything in it when stopped.
#
#   cluster.sh start DIR   makes and starts the cluster, prints its URI
#   cluster.sh stop DIR    stops it if it runs and removes DIR; safe to
#                          call again, or on a cluster that never started
#
# initdb and pg_ctl refuse to run as root, and CI runs as root: there the
# cluster belongs to "nobody" (DIR is handed to it), elsewhere to the
# caller. Either way the caller is the cluster's superuser, by its own
# name, so the URI needs no user; trust authentication is safe because the
# socket is in DIR, which no one else may enter.
set -euo pipefail

# Written in DIR by start, so that stop never removes a folder that is not
# a cluster of ours.
marker=.commissioner-test-cluster

usage () {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}

# The server programs: Debian keeps them out of PATH.
find_bindir () {
  local bindir
  for bindir in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/15/bin; do
    if [ -n "$bindir" ] && [ -x "$bindir/initdb" ] && [ -x "$bindir/pg_ctl" ]; then
      echo "$bindir"
      return 0
    fi
  done
  echo "$0: PostgreSQL's initdb and pg_ctl were not found; install postgresql-15" \
       "(.ci/install-deps does)" >&2
  exit 1
}

# Runs a server program as the cluster's owner, from DIR: the caller's
# working folder may be closed to that owner.
as_owner () {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$dir" && runuser -u nobody -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

start () {
  local bindir superuser
  bindir=$(find_bindir)
  superuser=$(id -un)
  case $dir in
    *\'* | *\\* | *' '*)
      echo "$0: $dir: the cluster's folder may not hold quotes, backslashes or spaces" >&2
      exit 2 ;;
  esac
  mkdir -p "$dir"
  if [ -n "$(ls -A "$dir")" ]; then
    echo "$0: $dir is not empty; give a new or empty folder" >&2
    exit 1
  fi
  touch "$dir/$marker"
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown nobody: "$dir"
    if ! runuser -u nobody -- test -w "$dir"; then
      echo "$0: $dir: the user nobody cannot reach this folder; make it under /tmp" >&2
      exit 1
    fi
  fi
  # C.UTF-8 sorts text by code point, as SQLite does. No fsync: the cluster
  # dies with the test that made it.
  as_owner "$bindir/initdb" --pgdata="$dir/data" --username="$superuser" --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync --no-instructions >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      exit 1
    }
  cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$dir'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 40
EOF
  as_owner "$bindir/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --silent start ||
    {
      cat "$dir/server.log" >&2
      exit 1
    }
  echo "postgresql:///postgres?host=$dir"
}

# Whether process @1 still runs: a zombie has finished, whoever reaps it.
running () {
  local state
  state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

stop () {
  local bindir pid deadline
  [ -e "$dir" ] || return 0
  if [ ! -e "$dir/$marker" ]; then
    echo "$0: $dir was not made by '$0 start'; left alone" >&2
    exit 1
  fi
  if [ -e "$dir/data/postmaster.pid" ]; then
    bindir=$(find_bindir)
    pid=$(head -n 1 "$dir/data/postmaster.pid")
    # Immediate: nothing in the cluster is worth a clean shutdown.
    as_owner "$bindir/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait --silent stop ||
      true
    # pg_ctl returns once the server has removed its pid file, a moment
    # before the server has ended.
    deadline=$((SECONDS + 30))
    while [ -n "$pid" ] && running "$pid" && [ "$SECONDS" -lt "$deadline" ]; do
      sleep 0.05
    done
    if [ -n "$pid" ] && running "$pid"; then
      echo "$0: the server of $dir (process $pid) did not end" >&2
      exit 1
    fi
  fi
  rm -rf "$dir"
}

[ $# -eq 2 ] || usage
dir=$(realpath -m -- "$2")
case $1 in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
