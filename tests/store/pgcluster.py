"""A throwaway PostgreSQL server for the tests (docs/DESIGN.md, "Stores"): initdb and pg_ctl under a temporary
folder, on a free loopback port, as an unprivileged user when the tests run as root (initdb refuses root).
`RECOUPE_TEST_POSTGRES` (a server URL) uses a running server instead. None when no server binaries exist."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

USER = "recoupe-pgtest"
EXTERNAL = "RECOUPE_TEST_POSTGRES"


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (Debian's /usr/lib/postgresql/N/bin, else the PATH's)."""
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0, reverse=True):
        if (Path(d) / "initdb").exists() and (Path(d) / "pg_ctl").exists():
            return Path(d)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    subprocess.run(["useradd", "--system", "--no-create-home", USER], capture_output=True)  # exists already: fine
    return ["runuser", "-u", USER, "--", *cmd]


@contextmanager
def server() -> Iterator[str | None]:
    """The URL of a server (without a database name), or None when none can be had."""
    given = os.environ.get(EXTERNAL)
    if given:
        yield given.rstrip("/")
        return
    bindir = server_binaries()
    if bindir is None:
        yield None
        return
    data = Path(tempfile.mkdtemp(prefix="recoupe-pg-"))
    port = _free_port()
    if os.geteuid() == 0:
        subprocess.run(_as_user(["true"]), check=True)
        shutil.chown(data, USER)
    subprocess.run(_as_user([str(bindir / "initdb"), "-D", str(data / "db"), "-U", "postgres", "--auth=trust",
                             "-E", "UTF8", "--no-locale"]), check=True, capture_output=True)
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off -c full_page_writes=off"
    subprocess.run(_as_user([str(bindir / "pg_ctl"), "-D", str(data / "db"), "-l", str(data / "server.log"), "-w",
                             "-o", opts, "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_user([str(bindir / "pg_ctl"), "-D", str(data / "db"), "-m", "immediate", "-w", "stop"]),
                       capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


def new_database(base: str) -> str:
    """The URL of a database no one has used (open_store creates it on first use)."""
    return f"{base}/t_{uuid.uuid4().hex[:16]}"


def drop_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    base, name = url.rsplit("/", 1)
    try:
        with psycopg.connect(base + "/postgres", autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    except psycopg.Error:
        pass
