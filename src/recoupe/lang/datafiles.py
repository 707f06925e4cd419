"""A language pack's data files, each checked against the JSON Schema beside it (`NAME.schema.json`) when first read,
so that a broken file fails at once with one line naming the file and the key."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from recoupe.errors import DataFileError


def load(package: str, name: str) -> Any:
    """The data file `name` of `package` (e.g. "recoupe.lang.fr.data", "time.json"), parsed and validated.

    JSON files give their object; TSV files give their rows (lists of cells, comment and blank lines dropped),
    validated as an array of rows. Every problem is one DataFileError line: "FILE: KEY: what is wrong"."""
    where = f"{package.replace('.', '/')}/{name}"
    root = resources.files(package)
    try:
        text = root.joinpath(name).read_text("utf-8")
    except OSError as e:
        raise DataFileError(f"{where}: cannot be read ({e})") from None
    if name.endswith(".json"):
        try:
            data: Any = json.loads(text)
        except json.JSONDecodeError as e:
            raise DataFileError(f"{where}: line {e.lineno}: not valid JSON ({e.msg})") from None
    elif name.endswith(".tsv"):
        data = tsv_rows(text)
    else:
        raise DataFileError(f"{where}: unknown data file type")
    schema_name = name.rsplit(".", 1)[0] + ".schema.json"
    try:
        schema = json.loads(root.joinpath(schema_name).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise DataFileError(f"{where}: its schema {schema_name} is missing or malformed ({e})") from None
    validate(data, schema, where, rows=name.endswith(".tsv"))
    return data


def tsv_rows(text: str) -> list[list[str]]:
    """The rows of a TSV text, without blank lines and "#" comments (line numbers are lost: rows keep their order)."""
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def validate(data: Any, schema: dict[str, Any], where: str, *, rows: bool = False) -> None:
    """Raise one DataFileError line naming the file and the first offending key (or row) when `data` breaks `schema`."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is None:
        return
    path = list(error.absolute_path)
    if rows and path and isinstance(path[0], int):
        key = f"row {path[0] + 1}" + "".join(f"[{p}]" for p in path[1:])
    else:
        key = ".".join(str(p) for p in path) or "(top level)"
    message = error.message.splitlines()[0]
    if len(message) > 200:
        message = message[:200] + "…"
    raise DataFileError(f"{where}: {key}: {message}")


def fail(where: str, key: str, message: str) -> DataFileError:
    """The one-line error for a cross-check that a schema cannot express (weekdays 0-6 each once, ...)."""
    return DataFileError(f"{where}: {key}: {message}")
