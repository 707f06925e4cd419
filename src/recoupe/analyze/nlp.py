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


_TEXT = ("recoupe", "text")


def text_of(sdoc: Any) -> str:
    """The parsed text, built once per document: spaCy's `Doc.text` joins every token again on each access, so a
    component reading it once per finding would cost the square of the document's length."""
    text = sdoc.user_data.get(_TEXT)
    if text is None:
        text = sdoc.user_data[_TEXT] = sdoc.text
    return text
