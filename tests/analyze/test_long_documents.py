"""Issue 21, the large document: nothing in the analysis costs the square of a document's length. spaCy's
`Doc.text` joins every token again on each access; the components read the text built once (nlp.text_of)."""

from __future__ import annotations

import re
from pathlib import Path

from recoupe.analyze import nlp as nlp_mod

ANALYZE = Path(nlp_mod.__file__).parent


def test_long_documents_text_of_is_the_parsed_text_built_once(parse) -> None:  # type: ignore[no-untyped-def]
    sdoc = parse("Trois navires sont partis lundi.  Deux sont revenus\u00a0mardi ! Un manque encore.")
    first = nlp_mod.text_of(sdoc)
    assert first == sdoc.text and nlp_mod.text_of(sdoc) is first


def test_long_documents_no_component_rebuilds_the_text_per_finding() -> None:
    # reading `sdoc.text` once into a variable (claims, quotes, attribution) is fine; slicing or measuring it in
    # place is what ran once per quantity (65 of 106 s on a 100 000-character document)
    per_use = re.compile(r"(?<![\w.])(?:sdoc|tok\.doc|self\.sdoc)\.text\s*\[|len\((?:sdoc|tok\.doc)\.text\)")
    found = [f"{p.name}:{i}" for p in sorted(ANALYZE.glob("*.py")) for i, line in enumerate(p.read_text().splitlines(), 1)
             if per_use.search(line)]
    assert found == []
