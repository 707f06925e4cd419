"""Data shipped with recoupe, language-neutral only: countries, event types, the contract's schema, the checks'
tolerances, gazetteer supplements and the sample corpus. A language's words live in its pack (`recoupe/lang/`)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from recoupe.errors import DataFileError


def data_file(name: str) -> Any:
    """A file shipped under `recoupe/data/` (a path such as "geo/facility_words.json"): parsed JSON, or text for other
    files. A missing or malformed file raises one DataFileError line naming it, so it fails at start-up."""
    path = resources.files(__name__).joinpath(name)
    try:
        text = path.read_text("utf-8")
        return json.loads(text) if name.endswith(".json") else text
    except (OSError, json.JSONDecodeError) as e:
        raise DataFileError(f"data file {name} is unreadable or malformed: {e}") from None
