"""recoupe: turn a pile of news articles about one story into a sourced dossier."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "build", "demo", "export_dossier", "open_store", "sample_corpus"]


def __getattr__(name: str) -> Any:
    # The API pulls in spaCy and friends: import it only when asked, so `import recoupe` stays cheap.
    if name in __all__:
        from recoupe import api

        return getattr(api, name)
    raise AttributeError(name)
