"""Language packs: one lookup, lazy loading (importing analysis reads no data file), and data files that fail at once,
in one line naming the file and the key, when they break their schema."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest

from recoupe import lang
from recoupe.errors import DataFileError, RecoupeError
from recoupe.lang import datafiles


def test_packs_lookup_gives_one_instance_per_language() -> None:
    fr = lang.pack("fr")
    assert fr is lang.pack("fr-CA") and fr.code == "fr" and isinstance(fr, lang.LanguagePack)
    with pytest.raises(RecoupeError, match="no language pack for 'xx'"):
        lang.pack("xx")


def test_packs_importing_the_stages_reads_no_data_file() -> None:
    code = """
import recoupe.data, recoupe.lang.datafiles as df
def boom(*a, **k):
    raise SystemExit("a data file was read at import: " + repr(a))
real = recoupe.data.data_file
recoupe.data.data_file, df.load = boom, boom
import recoupe.analyze, recoupe.ingest
from recoupe.analyze.registry import DEFAULT_PIPELINE, resolve_pipeline
resolve_pipeline(list(DEFAULT_PIPELINE))   # imports every built-in component
recoupe.lang.pack("fr")                    # a pack is made, not loaded
recoupe.data.data_file = real             # resolution reads no language data at import either (the checks read
import recoupe.resolve                     # their neutral tolerances, data/checks.json, when registered)
recoupe.resolve.step_chain(None)             # imports every built-in step (and the checks)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + done.stdout


def test_packs_every_french_data_file_validates() -> None:
    fr = lang.pack("fr")
    for name in ("claim_predicates.json", "equipment.json", "event_triggers.json", "geo.json", "modality.json",
                 "nationalities.tsv", "organizations.json", "roles.json", "speech.json", "time.json", "translit.tsv",
                 "units.json"):
        assert fr.data(name)


@pytest.mark.parametrize(("name", "break_it", "key"), [
    ("time.json", lambda d: d["weekdays"].update(lundi=9), "weekdays.lundi"),
    ("time.json", lambda d: d.pop("months"), "(top level)"),
    ("speech.json", lambda d: d.update(speech_verbs="dire"), "speech_verbs"),
    ("units.json", lambda d: d.update(case_sensitive="km"), "case_sensitive"),
])
def test_packs_broken_file_fails_in_one_line_naming_file_and_key(name: str, break_it, key: str) -> None:
    data = json.loads(json.dumps(lang.pack("fr").data(name)))
    break_it(data)
    schema = json.loads(resources.files("recoupe.lang.fr.data").joinpath(name.replace(".json", ".schema.json"))
                        .read_text("utf-8"))
    with pytest.raises(DataFileError) as e:
        datafiles.validate(data, schema, f"recoupe/lang/fr/data/{name}")
    msg = str(e.value)
    assert "\n" not in msg and msg.startswith(f"recoupe/lang/fr/data/{name}: {key}:")


def test_packs_broken_tsv_row_is_named() -> None:
    rows = datafiles.tsv_rows("# comment\nafghan\tAF\nbelge\tbe\n")
    schema = json.loads(resources.files("recoupe.lang.fr.data").joinpath("nationalities.schema.json").read_text("utf-8"))
    with pytest.raises(DataFileError, match=r"nationalities.tsv: row 2\[1\]:"):
        datafiles.validate(rows, schema, "recoupe/lang/fr/data/nationalities.tsv", rows=True)


def test_packs_time_cross_checks_still_apply() -> None:
    from recoupe.lang.fr.time import lexicon_from_dict

    raw = json.loads(json.dumps(lang.pack("fr").data("time.json")))
    raw["weekdays"] = {k: v for k, v in raw["weekdays"].items() if v != 3}
    with pytest.raises(RecoupeError, match="weekdays"):
        lexicon_from_dict(raw)
