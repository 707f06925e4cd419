"""Who published a document, from every input: front matter, a manifest beside the files, JSONL fields, the URL's
host, the first line and the byline. Texts written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

from recoupe import ingest

BODY = "Le conseil municipal a voté mardi une hausse du budget des écoles, après un long débat en séance publique.\n"


def doc_of(path: Path):
    (item,) = list(ingest.read_file(path, str(path)))
    assert not isinstance(item, ingest.IngestError), item
    return ingest.to_document(item)


def test_front_matter(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("---\ntitle: Budget des écoles\nurl: https://www.lemonde.fr/x\npublished: 2024-03-05\nauthor: Anne Exemple\n---\n" + BODY, "utf-8")
    d = doc_of(p)
    assert (d.title, d.outlet, d.url, d.published, d.author) == ("Budget des écoles", "Le Monde", "https://www.lemonde.fr/x", "2024-03-05", "Anne Exemple")
    assert d.text == BODY.strip()


def test_manifest_beside_the_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(BODY, "utf-8")
    (tmp_path / "manifest.csv").write_text("file,outlet,url,published,title\nb.txt,Gazette Exemple,https://gazette-exemple.fr/b,2024-02-01,Le budget voté\n", "utf-8")
    d = doc_of(tmp_path / "b.txt")
    assert (d.title, d.outlet, d.url, d.published) == ("Le budget voté", "Gazette Exemple", "https://gazette-exemple.fr/b", "2024-02-01")


def test_title_and_author_from_the_text(tmp_path: Path) -> None:
    p = tmp_path / "c.txt"
    p.write_text("Les écoles auront leur budget\n\nPar Paul EXEMPLE\n\n" + BODY, "utf-8")
    d = doc_of(p)
    assert (d.title, d.author, d.outlet) == ("Les écoles auront leur budget", "Paul EXEMPLE", None)


def test_jsonl_fields_and_host(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(json.dumps({"text": BODY, "url": "https://edition.cnn.com/x", "author": "Jane Example"}) + "\n"
                 + json.dumps({"text": BODY + " Encore.", "outlet": "gazette-exemple.fr"}) + "\n", "utf-8")
    d1, d2 = (ingest.to_document(r) for r in ingest.read_file(p, str(p)))
    assert (d1.outlet, d1.author, d1.url) == ("CNN", "Jane Example", "https://edition.cnn.com/x")
    assert d2.outlet == "gazette-exemple.fr"
