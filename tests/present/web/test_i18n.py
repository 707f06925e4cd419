"""The web UI in the reader's language (issue 22): every word a page shows comes from labels/LANG.json, the default
is `serve --lang` or the corpus language, ?lang= switches it (remembered in a cookie), the scripts read their words
from a JSON block the page embeds, and the claims board shows the discrepancies apart from the contradictions."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from recoupe.errors import RecoupeError
from recoupe.model import Dossier
from recoupe.present.labels import available, labels
from recoupe.present.web import create_app
from recoupe.present.web.app import JS_LABELS, LANG_COOKIE
from recoupe.store import open_store
from tests.present.web.dossier_fixture import make_store, span

STATIC = Path(__file__).resolve().parents[3] / "src" / "recoupe" / "present" / "web" / "static"
PAGES = ["/", "/timeline", "/map", "/graph", "/entities", "/entity/ent-dube", "/entity/ent-ottawa", "/claims", "/events",
         "/events?type=meeting", "/quotes", "/sources", "/sources/groups", "/doc/doc-a", "/doc/doc-b?start=0&end=20",
         "/search?q=cuivre", "/search?q=Dube", "/corrections", "/no-such-page", "/entity/no-such-entity"]
# English words the French pages must not show (the navigation, buttons, empty states, counts): a few, each one that
# no French sentence of the fixture contains
ENGLISH = ["Overview", "Timeline", "Entities", "Quotes", "Claims", "Search", "undated", "independent", "contested",
           "Filter", "Apply", "Reset", "Download", "mentions in", "No ", "events", "previous", "next", "Back to", "Aliases",
           "Summary", "Published", "Speaker", "Place", "meeting", "travel", "planned", "asserted", "reported",
           "denied", "Journeys", "Discrepancies", "Contradictions (", "Not found", "Often together", "March"]
FRENCH = ["Vue d'ensemble", "Chronologie", "Entités", "Citations", "Affirmations", "Recherche", "non daté", "indépendante",
          "contestée", "Filtrer", "Appliquer", "Réinitialiser", "Télécharger", "Aucun", "précédente", "suivante",
          "Retour à la vue", "Résumé", "Publié", "Locuteur", "rencontre", "prévu", "affirmé", "rapporté", "démenti", "Trajets",
          "Divergences", "Introuvable", "Souvent avec", "mars"]
RAW_KEY = re.compile(r"\b(?:web|entity_types|event_types|modalities|sections|contradiction_kinds)\.[a-z_.]+\b")


class Visible(HTMLParser):
    """The text a reader sees (and the attributes read out: title, placeholder, aria-label), the articles' words
    aside: their own elements (`lang` set to the document's language), quotes, snippets, summaries and the
    evidence links named after an article's outlet and title."""

    SKIP = {"script", "style", "q", "mark", "code", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.stack: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        skip = tag in self.SKIP or "lang" in a and tag != "html" or (a.get("class") or "").split()[:1] in (
            ["snippet"], ["claim-text"], ["summary"], ["sentence"], ["kwic"], ["text"], ["evidence"], ["src"])
        if tag in ("br", "meta", "link", "input", "img", "hr"):
            skip_void = True
        else:
            skip_void = False
            self.stack.append(skip or (bool(self.stack) and self.stack[-1]))
        if not (self.stack and self.stack[-1]):
            self.text += [v for k, v in attrs if k in ("title", "placeholder", "aria-label") and v]
        if skip_void:
            return

    def handle_endtag(self, tag: str) -> None:
        if self.stack and tag not in ("br", "meta", "link", "input", "img", "hr"):
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.text.append(data)


def visible(html: str) -> str:
    p = Visible()
    p.feed(html)
    return " ".join(" ".join(p.text).split())


def _with_discrepancy(path: Path) -> Path:
    """The hand-made dossier and one discrepancy: a plan and what was done."""
    with open_store(path) as store:
        d = store.read_dossier().to_contract()
        d["discrepancies"] = [{"id": "dc-plan", "kind": "date", "about": "signature de l'accord", "reason": "plan_and_outcome",
                               "statements": [span("doc-a", "signeront"), span("doc-b", "ont signé")],
                               "explanation": "L'un annonce la signature, l'autre la rapporte."}]
        store.write_dossier(Dossier.from_contract(d), "with-discrepancy")
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _with_discrepancy(make_store(tmp_path_factory.mktemp("i18n") / "i18n.db"))


@pytest.fixture
def corpus_default(db: Path) -> Iterator[TestClient]:
    """The server with no --lang: the corpus language (French, the fixture's articles), a new client each test."""
    with TestClient(base_url="http://localhost", app=create_app(db)) as c:
        yield c


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_i18n_every_page_in_both_languages_has_every_label(db: Path, lang: str) -> None:
    with TestClient(base_url="http://localhost", app=create_app(db, language=lang)) as c:
        for url in PAGES:
            r = c.get(url)
            assert r.status_code == (404 if "no-such" in url else 200), (url, r.text[:300])
            assert f'<html lang="{lang}">' in r.text, url
            seen = visible(r.text)
            assert not RAW_KEY.search(seen), (url, RAW_KEY.search(seen))
            assert "{" not in seen.replace("{}", ""), (url, seen[seen.index("{") - 60: seen.index("{") + 60])
            leftovers = [w for w in (ENGLISH if lang == "fr" else FRENCH) if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", seen)]
            assert leftovers == [], (url, leftovers)
            data = json.loads(re.search(r'<script type="application/json" id="labels">(.*?)</script>', r.text, re.S).group(1))
            assert data["language"] == lang and data["web"]["js"] == labels(lang).raw("web.js")


def test_i18n_default_is_the_corpus_language_and_serve_lang_overrides_it(db: Path, corpus_default: TestClient) -> None:
    assert '<html lang="fr">' in corpus_default.get("/").text
    with TestClient(base_url="http://localhost", app=create_app(db, language="en")) as c:
        assert '<html lang="en">' in c.get("/").text
    with pytest.raises(RecoupeError, match="--lang"):
        create_app(db, language="xx")


def test_i18n_the_switch_is_remembered_in_a_cookie(corpus_default: TestClient) -> None:
    c = corpus_default
    r = c.get("/entities?type=person&lang=en")
    assert '<html lang="en">' in r.text and r.cookies.get(LANG_COOKIE) == "en"
    assert "httponly" in r.headers["set-cookie"].lower() and "samesite=lax" in r.headers["set-cookie"].lower()
    # the header's switch keeps the page and its parameters, and marks the current language
    assert 'href="/entities?type=person&amp;lang=fr"' in r.text and 'data-lang="en" class="active"' in r.text
    assert '<html lang="en">' in c.get("/claims").text  # remembered
    assert "Briefing" in c.get("/brief.md").text.splitlines()[0]  # the briefing follows the reader's choice
    assert '<html lang="en">' in c.get("/no-such-page").text  # error pages too
    r = c.get("/claims?lang=fr")
    assert '<html lang="fr">' in r.text and r.cookies.get(LANG_COOKIE) == "fr"
    assert c.get("/brief.md").text.startswith("# Note de synthèse")


@pytest.mark.parametrize("bad", ["xx", "", "fr;en", "<script>", "../en", "EN"])
def test_i18n_an_unknown_language_is_ignored_gracefully(corpus_default: TestClient, bad: str) -> None:
    r = corpus_default.get("/", params={"lang": bad})
    assert r.status_code == 200 and '<html lang="fr">' in r.text and LANG_COOKIE not in r.cookies
    assert "<script>" not in r.text.split("<main>")[0]
    corpus_default.cookies.set(LANG_COOKIE, bad)
    assert '<html lang="fr">' in corpus_default.get("/timeline").text  # a forged cookie is ignored too
    assert corpus_default.get("/api/search", params={"q": "cuivre", "lang": bad}).status_code == 200


def test_i18n_dates_and_vocabularies_in_the_chosen_language(corpus_default: TestClient) -> None:
    fr = corpus_default.get("/events?lang=fr").text
    assert "12 mars 2024" in fr and 'data-value="2024-03-12"' in fr and ">rencontre<" in fr
    en = corpus_default.get("/events?lang=en").text
    assert "12 March 2024" in en and ">meeting<" in en
    hits = corpus_default.get("/api/search", params={"q": "Dubé", "lang": "fr"}).json()["facts"]
    assert any("personne" in h["title"] for h in hits)


def test_i18n_article_text_is_never_translated(corpus_default: TestClient) -> None:
    r = corpus_default.get("/doc/doc-b?lang=en")
    assert "Hélène Dubé et Tomás Reyes ont signé mardi à Valparaiso un accord sur le cuivre" in r.text
    assert 'id="text" lang="fr"' in r.text  # the article's own language is marked on its text


def test_i18n_claims_board_shows_discrepancies_apart_side_by_side(corpus_default: TestClient) -> None:
    html = corpus_default.get("/claims?lang=fr").text
    contradictions = html[html.index('id="contradictions"'): html.index('id="discrepancies"')]
    discrepancies = html[html.index('id="discrepancies"'):]
    assert "ct-duration" in contradictions and "dc-plan" not in contradictions
    assert 'id="discrepancy-dc-plan"' in discrepancies and "ct-duration" not in discrepancies
    assert "un projet et son issue" in discrepancies and "signature de l&#39;accord" in discrepancies
    block = discrepancies[discrepancies.index('class="statements"'):]
    assert block.count('<blockquote class="statement">') == 2 and "/doc/doc-a?start=" in block and "/doc/doc-b?start=" in block
    assert 'href="/claims#discrepancies" data-count="discrepancies"' in corpus_default.get("/").text
    css = (STATIC / "app.css").read_text("utf-8")
    assert re.search(r"@media \(min-width: \d+px\) \{ \.conflicts \.statements \{ grid-template-columns: 1fr 1fr", css)


def test_i18n_every_label_a_script_reads_is_embedded() -> None:
    """The keys the scripts ask for (tr, trn, term) are in what the page embeds, in every language."""
    used: set[str] = set()
    groups: set[str] = set()
    for p in STATIC.glob("*.js"):
        src = p.read_text("utf-8")
        used |= set(re.findall(r"\btrn?\(\"([\w.]+)\"", src))
        groups |= set(re.findall(r"\bterm\(\"([\w.]+)\"", src))
    assert used and groups
    for lang in available():
        lab = labels(lang)
        for key in used | groups:
            assert any(key == k or key.startswith(k + ".") for k in JS_LABELS), key
            lab.raw(key)  # raises when missing


def test_i18n_labels_files_have_the_same_keys_and_placeholders() -> None:
    def flat(d: object, p: str = "") -> dict[str, object]:
        if isinstance(d, dict):
            return {k: v for key, sub in d.items() for k, v in flat(sub, p + key + ".").items()}
        return {p.rstrip("."): d}

    en, fr = flat(labels("en").data), flat(labels("fr").data)
    assert en.keys() == fr.keys()
    for k, v in en.items():
        if isinstance(v, str):
            assert set(re.findall(r"\{\w*\}", v)) == set(re.findall(r"\{\w*\}", str(fr[k]))), k
