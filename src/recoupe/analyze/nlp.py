"""The spaCy model, loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from recoupe.errors import RecoupeError

MODELS = {"fr": "fr_core_news_md"}
DEFAULT_LANGUAGE = "fr"


@lru_cache(maxsize=4)
def load(language: str = DEFAULT_LANGUAGE) -> Any:
    import spacy

    name = MODELS.get(language, MODELS[DEFAULT_LANGUAGE])
    try:
        return spacy.load(name)
    except OSError:
        raise RecoupeError(f"spaCy model {name} is not installed: run `pip install -r requirements.txt`") from None


def model_version(language: str = DEFAULT_LANGUAGE) -> str:
    from importlib.metadata import version

    name = MODELS.get(language, MODELS[DEFAULT_LANGUAGE])
    try:
        return f"{name}-{version(name)}"
    except Exception:
        return name
