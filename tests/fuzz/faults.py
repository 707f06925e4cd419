"""Run `recoupe build ARGS` and kill this process (SIGKILL, as `kill -9` does) at one point of one stage.

    python faults.py STAGE:N ARGS...

STAGE is where: `read` (before reading the N-th file), `store` (inside the transaction that stores the N-th
document, after a write), `analyze` (when the N-th analysis is computed), `save` (inside the transaction that
saves the N-th batch of analyses), `resolve` (in the N-th resolution), `write` (inside the transaction that
writes the dossier, once every table is rewritten). Used by the slow-lane kill loop (test_campaign.py)."""

from __future__ import annotations

import os
import signal
import sys
from typing import Any


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _on_call(owner: Any, name: str, n: int, inside_transaction: bool = False) -> None:
    real = getattr(owner, name)
    calls = [0]

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == n:
            if inside_transaction:  # a write that must vanish with the transaction
                store = args[0]
                with store.transaction() as c:
                    c.execute("INSERT INTO meta(key, value) VALUES ('fault', 'uncommitted') "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                    _die()
            _die()
        return real(*args, **kwargs)

    setattr(owner, name, wrapper)


def arm(spec: str) -> None:
    stage, _, count = spec.partition(":")
    n = int(count or 1)
    from recoupe import ingest, resolve
    from recoupe.analyze import runner
    from recoupe.store.sqlite import SQLiteStore

    if stage == "read":
        _on_call(ingest, "read_file", n)
    elif stage == "store":
        _on_call(SQLiteStore, "add_document", n, inside_transaction=True)
    elif stage == "analyze":
        _on_call(runner.Analyzer, "_finish", n)
    elif stage == "save":
        _on_call(SQLiteStore, "put_analyses", n, inside_transaction=True)
    elif stage == "resolve":
        _on_call(resolve, "resolve", n)
    elif stage == "write":
        real = SQLiteStore.set_meta

        def set_meta(self: SQLiteStore, key: str, value: str, conn: Any = None) -> None:
            real(self, key, value, conn)
            if key == "dossier_fingerprint":  # the last write of the dossier's transaction, before COMMIT
                _die()

        SQLiteStore.set_meta = set_meta  # type: ignore[method-assign]
    else:
        raise SystemExit(f"faults.py: unknown stage {stage!r}")


if __name__ == "__main__":
    arm(sys.argv[1])
    from recoupe.cli import main

    sys.argv = ["recoupe", "build", *sys.argv[2:]]
    main()
