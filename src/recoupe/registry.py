"""The one registry: readers, analysis components, resolve steps, checks, exporters, scorers and languages, each
registered by name under its kind, with what it requires and assigns.

Every built-in registers the way an outside package does: a module named in the package's entry points
(group ``recoupe.<kind>s``, e.g. ``recoupe.components``) is imported on first use of that kind, and its
decorators (``@register("component", "names", ...)``) fill the registry. A plugin adds an entry point to its
own ``pyproject.toml``::

    [project.entry-points."recoupe.checks"]
    my_checks = "my_package.checks"

Nothing here imports another part of recoupe but `errors`: the stages import the registry, never the reverse.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, TypeVar

from recoupe.errors import RecoupeError

KINDS = ("reader", "component", "step", "check", "exporter", "scorer", "language")

F = TypeVar("F")


@dataclass(frozen=True)
class Entry:
    """One registered thing: its kind and name, the object itself, and what it needs and makes."""

    kind: str
    name: str
    obj: Any
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    version: str = "1"
    meta: dict[str, Any] = field(default_factory=dict)


class Registry:
    """Entries by kind and name; a kind's plugins (built-ins included) are imported the first time it is read."""

    def __init__(self) -> None:
        self._entries: dict[str, dict[str, Entry]] = {k: {} for k in KINDS}
        self._loaded: set[str] = set()
        self._lock = threading.RLock()

    def add(self, kind: str, name: str, obj: Any, *, requires: Iterable[str] = (), assigns: Iterable[str] = (),
            version: str = "1", **meta: Any) -> Entry:
        if kind not in self._entries:
            raise RecoupeError(f"unknown registry kind {kind!r}; known: {', '.join(KINDS)}")
        entry = Entry(kind, name, obj, tuple(requires), tuple(assigns), str(version), dict(meta))
        self._entries[kind][name] = entry
        return entry

    def load(self, kind: str) -> None:
        """Import the modules that the installed packages declare for this kind (once per process)."""
        with self._lock:
            if kind in self._loaded:
                return
            self._loaded.add(kind)
            eps = list(entry_points(group=f"recoupe.{kind}s"))
            if not eps and kind in _BUILTIN_GROUPS_REQUIRED:
                raise RecoupeError(f"no recoupe.{kind}s entry points are installed: reinstall recoupe "
                                   "(`pip install --no-deps -e .` in a checkout)")
            for ep in sorted(eps, key=lambda e: (not e.value.startswith("recoupe."), e.name)):
                try:
                    importlib.import_module(ep.value.split(":", 1)[0])
                except Exception as e:  # a broken plugin is named, not a traceback from deep inside
                    raise RecoupeError(f"cannot load the {kind} plugin {ep.name!r} ({ep.value}): "
                                       f"{type(e).__name__}: {e}") from e

    def entries(self, kind: str) -> dict[str, Entry]:
        self.load(kind)
        return self._entries[kind]

    def get(self, kind: str, name: str) -> Entry:
        found = self.entries(kind).get(name)
        if found is None:
            raise RecoupeError(f"unknown {kind} {name!r}; known: {', '.join(sorted(self._entries[kind])) or '(none)'}")
        return found

    def names(self, kind: str) -> list[str]:
        return sorted(self.entries(kind))

    def chain(self, kind: str, names: Iterable[str], provided: Iterable[str] = ()) -> list[Entry]:
        """The entries for these names in order, after checking that each one's requirements are provided
        before it (by `provided` or by what an earlier entry assigns)."""
        available = set(provided)
        out: list[Entry] = []
        for n in names:
            entry = self.get(kind, n)
            missing = [r for r in entry.requires if r not in available]
            if missing:
                raise RecoupeError(f"{kind} {n!r} requires {missing}, which nothing before it assigns")
            available.update(entry.assigns)
            out.append(entry)
        return out


# Kinds whose built-ins must be found through entry points (an install without its metadata is broken).
_BUILTIN_GROUPS_REQUIRED = frozenset({"reader", "component", "step", "check", "exporter", "scorer", "language"})

REGISTRY = Registry()


def register(kind: str, name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (), version: str = "1",
             **meta: Any) -> Callable[[F], F]:
    """Decorator: register the decorated object under (kind, name)."""

    def deco(obj: F) -> F:
        REGISTRY.add(kind, name, obj, requires=requires, assigns=assigns, version=version, **meta)
        return obj

    return deco
