"""Article text is untrusted: a hostile article and facts pointing into it render as inert text on every page."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from recoupe.present.web import create_app
from tests.present.web.hostile import DOC, HUGE, IMG, SCRIPT, make_hostile_store, sp


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        # the one data block a page embeds (the scripts' labels, JSON, never run) is kept apart from scripts
        self._in_script = tag == "script" and dict(attrs).get("type") != "application/json"
        self.data_blocks = getattr(self, "data_blocks", 0) + (tag == "script" and not self._in_script)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.script_text.append(data)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with TestClient(base_url="http://localhost", app=create_app(make_hostile_store(tmp_path_factory.mktemp("hostile") / "h.db"))) as c:
        yield c


def _urls() -> list[str]:
    s = sp(SCRIPT)
    return ["/", "/timeline", "/map", "/graph", "/entities", "/entity/ent-h", "/entity/ent-h2", "/claims", "/sources", "/corrections",
            f"/doc/{DOC}", f"/doc/{DOC}?start={s['start']}&end={s['end']}", "/search?q=script", "/search?q=onerror",
            "/search?q=" + SCRIPT, "/search?q=AAAA", "/doc/<script>alert(1)</script>", "/entity/<img src=x onerror=alert(1)>"]


@pytest.mark.parametrize("url", _urls())
def test_security_hostile_article_renders_as_inert_text(hostile: TestClient, url: str) -> None:
    r = hostile.get(url)
    assert r.status_code in (200, 404)
    p = Tags()
    p.feed(r.text)
    for tag, attrs in p.tags:
        assert tag not in ("img", "iframe", "object", "embed", "svg"), (tag, attrs)
        if tag == "script" and dict(attrs).get("type") == "application/json":
            assert dict(attrs) == {"type": "application/json", "id": "labels"}, attrs
        elif tag == "script":
            assert dict(attrs).get("src", "").startswith("/static/"), attrs
        for name, value in attrs:
            assert not name.lower().startswith("on"), (tag, name, value)
            if name in ("href", "src", "action"):
                assert not (value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")), (tag, name, value)
    assert p.script_text == [] and getattr(p, "data_blocks", 0) <= 1
    # hostile words may appear only as text or inside quoted attribute values, never as markup
    assert "<script>alert" not in r.text and "<img src=x" not in r.text and "<b onmouseover" not in r.text


def test_security_reader_shows_the_markup_as_text(hostile: TestClient) -> None:
    s = sp(SCRIPT)
    r = hostile.get(f"/doc/{DOC}?start={s['start']}&end={s['end']}")
    assert "&lt;script&gt;alert(&#34;pwned-script&#34;)&lt;/script&gt;" in r.text
    assert "&lt;img src=x onerror=alert(&#39;pwned-img&#39;)&gt;" in r.text
    assert HUGE in r.text  # the 1 MB word is there, whole, as text
    assert "javascript:" not in r.text.split('id="text"')[0].split("<main>")[1].replace("javascript:alert(&#39;pwned-source&#39;)", "")


def test_security_hostile_source_is_not_a_link(hostile: TestClient) -> None:
    html = hostile.get(f"/doc/{DOC}").text
    assert 'href="javascript' not in html and "javascript:alert(&#39;pwned-source&#39;)</span>" in html


def test_security_api_returns_text_as_json_strings(hostile: TestClient) -> None:
    doc = hostile.get(f"/api/documents/{DOC}")
    assert doc.headers["content-type"].startswith("application/json") and doc.json()["title"] == SCRIPT
    assert hostile.get("/api/entities/ent-h").json()["name"] == IMG


def test_security_headers_forbid_inline_script(hostile: TestClient) -> None:
    r = hostile.get(f"/doc/{DOC}")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"
