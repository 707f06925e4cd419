"""Running the real `recoupe build` for the slow-lane campaign: as a subprocess, with a timeout, its output kept;
and the checks every run must pass (no traceback, an intact store)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

FAULTS = Path(__file__).with_name("faults.py")
TIMEOUT = 300  # seconds for one build: a hang fails the campaign instead of stalling it


def recoupe_cmd() -> list[str]:
    """The installed `recoupe` command next to this interpreter, else the same entry point through Python."""
    exe = Path(sys.executable).with_name("recoupe")
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "import sys; from recoupe.cli import main; sys.argv[0] = 'recoupe'; main()"]


def env() -> dict[str, str]:
    e = dict(os.environ)
    e.setdefault("PYTHONIOENCODING", "utf-8")
    return e


def run_build(sources: list[str | bytes], db: Path, *, fault: str | None = None, timeout: float = TIMEOUT,
              kill_after: float | None = None) -> subprocess.CompletedProcess[bytes]:
    """One `recoupe build`. `fault` ("stage:n") runs it through faults.py, which kills the process (SIGKILL) at
    that point; `kill_after` kills the real command after that many seconds."""
    args = [*(os.fsdecode(s) for s in sources), "--db", str(db), "--no-progress"]
    cmd = [sys.executable, str(FAULTS), fault, *args] if fault else [*recoupe_cmd(), "build", *args]
    if kill_after is None:
        return subprocess.run(cmd, capture_output=True, timeout=timeout, env=env(), stdin=subprocess.DEVNULL)
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(), stdin=subprocess.DEVNULL)
    try:
        out, err = p.communicate(timeout=kill_after)
    except subprocess.TimeoutExpired:
        p.kill()  # SIGKILL
        out, err = p.communicate(timeout=timeout)
    return subprocess.CompletedProcess(cmd, p.returncode, out, err)


def assert_clean_output(proc: subprocess.CompletedProcess[bytes]) -> list[str]:
    """The run printed no traceback; every line of its output is valid UTF-8 without terminal escapes."""
    text = proc.stderr.decode("utf-8") + proc.stdout.decode("utf-8")
    assert "Traceback" not in text, text[-3000:]
    assert "\x1b" not in text and "\x07" not in text
    return text.splitlines()


def assert_intact(db: Path) -> None:
    if not db.exists():
        return
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        dangling = conn.execute("SELECT count(*) FROM documents d WHERE duplicate_of IS NOT NULL AND NOT EXISTS "
                                "(SELECT 1 FROM documents o WHERE o.id = d.duplicate_of)").fetchone()
        assert dangling == (0,)
    except sqlite3.OperationalError as e:  # killed before the first table was made
        assert "no such table" in str(e), e
    finally:
        conn.close()


def export(db: Path) -> dict[str, Any]:
    from recoupe.present import queries

    return queries.export_dossier(db)


def skipped(db: Path) -> list[tuple[str, str]]:
    from recoupe.store import open_store

    with open_store(db) as s:
        return s.skipped()
