"""How a page is read, whatever its language (the words come from the pack's `sources.json`): who published an
article and what it rests on: the outlet named from a web host, the title from a first line
that reads as one, the zones of a page that are not the article (bylines, captions, related links, footers,
bibliographies and notes, Markdown remnants) and the wire credits, datelines and citations of an agency or outlet.

Everything here reads the stored text and never changes it: zones and credits are (start, end) offsets into it.
The words of a language come from the pack's `sources.json`; the outlets and agencies from `data/outlets.json`,
which a user extends with a file of the same shape named by the environment variable RECOUPE_OUTLETS."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from recoupe import lang
from recoupe.lang import datafiles

OUTLETS_ENV = "RECOUPE_OUTLETS"
TITLE_MAX = 200  # a first line longer than this is a paragraph, not a title
LINE_MAX = 200  # a furniture line is short; a longer one is text even if it opens like furniture
# changes when the reading of furniture does, so stores index their documents' article text anew (article_text)
ARTICLE_TEXT_VERSION = "1"


@dataclass(frozen=True, slots=True)
class Zone:
    """A part of a document that is page furniture, not the article: `kind` says which."""

    start: int
    end: int
    kind: str  # byline | photo | related | published | footer | contributed | bibliography | footnote | markdown
    label_end: int = -1  # where the furniture's own words end ("Lire aussi"): what follows is another text's


@dataclass(frozen=True, slots=True)
class Credit:
    """A source the article rests on, as written: a wire credit or dateline, or a citation of an agency/outlet."""

    start: int
    end: int
    kind: str  # dateline | credit | byline | cites | footnote
    source: str  # the agency's or outlet's normalised name
    agency: bool  # a news agency (else an outlet or a named publication)


# -- outlets -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlets:
    hosts: dict[str, str]
    agencies: dict[str, str]  # alias (casefolded) -> agency name
    agency_aliases: tuple[str, ...]  # every alias, longest first
    names: tuple[str, ...]  # every outlet name, longest first

    def agency(self, name: str) -> str | None:
        return self.agencies.get(name.strip().casefold())


@lru_cache(maxsize=4)
def _outlets(extra_path: str | None) -> Outlets:
    data = datafiles.load("recoupe.data", "outlets.json")
    hosts = {k.casefold(): v for k, v in data["hosts"].items()}
    agencies_list = list(data["agencies"])
    if extra_path:
        try:
            with open(extra_path, encoding="utf-8") as f:
                extra = json.load(f)
        except (OSError, ValueError) as e:
            raise datafiles.fail(extra_path, "(top level)", f"cannot be read as JSON ({e})") from None
        schema = json.loads(resources.files("recoupe.data").joinpath("outlets.schema.json").read_text("utf-8"))
        datafiles.validate(extra, schema, extra_path)
        hosts.update({k.casefold(): v for k, v in extra.get("hosts", {}).items()})
        agencies_list = extra.get("agencies", []) + agencies_list
    agencies: dict[str, str] = {}
    for a in agencies_list:
        for alias in [a["name"], *a["aliases"]]:
            agencies.setdefault(alias.casefold(), a["name"])
    aliases = sorted({alias for a in agencies_list for alias in [a["name"], *a["aliases"]]}, key=lambda s: (-len(s), s))
    names = sorted({n for n in hosts.values() if n.casefold() not in agencies}, key=lambda s: (-len(s), s))
    return Outlets(hosts, agencies, tuple(aliases), tuple(names))


def outlets() -> Outlets:
    """The outlets table, with the user's extension named by RECOUPE_OUTLETS."""
    return _outlets(os.environ.get(OUTLETS_ENV) or None)


def host_of(url: str | None) -> str | None:
    """The web host of an address, without 'www.' (None when it has none)."""
    if not url or "." not in url:
        return None
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
        host = (parts.hostname or "").casefold()
    except ValueError:
        return None
    host = host.removeprefix("www.")
    return host if "." in host and " " not in host else None


def outlet_name(outlet: str | None, url: str | None = None) -> str | None:
    """The outlet's name: a given outlet that is a host ('lemonde.fr') or else the URL's host, named through the
    outlets table (a subdomain finds its parent's name); a host the table lacks is kept as the host; a given
    name is kept as written (an agency's alias gives the agency's name)."""
    table = outlets()
    if outlet:
        if " " not in outlet.strip() and "." in outlet:
            host = host_of(outlet)
            if host:
                return _host_name(host, table)
        return table.agency(outlet) or outlet.strip()
    host = host_of(url)
    return _host_name(host, table) if host else None


def _host_name(host: str, table: Outlets) -> str:
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = table.hosts.get(".".join(parts[i:]))
        if name:
            return name
    return host


# -- title ----------------------------------------------------------------------------------------

_HEADING = re.compile(r"^#{1,6}\s+(\S.*)$")
_ENDS_SENTENCE = re.compile(r"[.!?…:;–—-]\s*$")
_ASKS = re.compile(r"\w[\s\u00a0\u202f]?[?!]\s*$")


def first_line_title(text: str, zs: list[Zone] | None = None) -> str | None:
    """A title read from the top of a text: a Markdown heading among its first lines, else its first block (up to
    three lines before a blank one, furniture lines and a rubric above the title passed over) when it reads as a
    title: short, two words or more, not ending like a sentence or a dateline."""
    furniture = [(z.start, z.end) for z in zs or () if z.kind != "markdown"]
    lines = [(a, b) for a, b in _lines(text) if not any(s <= a and b <= e for s, e in furniture)]
    for a, b in lines[:6]:
        m = _HEADING.match(text[a:b].strip())
        if m:
            return _clean(m.group(1))
    block: list[str] = []
    for a, b in lines:
        t = text[a:b].strip()
        if not t or not any(c.isalnum() for c in t):  # a blank line, or a stray ";" or "." of an extraction
            if block:
                break
            continue
        block.append(t)
        if len(block) > 3:
            return None
    while len(block) > 1 and _rubric(block[0]):
        block.pop(0)
    if not block:
        return None
    title = " ".join(block)
    last = block[-1]
    # a title may ask or exclaim when it stands alone on its line ("Qui paiera la facture ?")
    asks = len(block) == 1 and _ASKS.search(last) is not None
    if len(title) > TITLE_MAX or len(title.split()) < 2 or _ENDS_SENTENCE.search(last) and not asks or any(len(b) > 150 for b in block):
        return None
    if not any(c.isalpha() for c in title) or title.isupper() and len(title.split()) < 3:
        return None
    return _clean(title)


def _rubric(line: str) -> bool:
    """A section name above a title: a few words in capitals, or 'SECTION | subsection'."""
    words = line.split()
    return len(words) <= 4 and (line.isupper() or " | " in line)


def _clean(value: str) -> str | None:
    value = re.sub(r"[*_`]+", "", value).strip()
    return value or None


# -- zones ------------------------------------------------------------------------------------------

# Markdown remnants and other structure that is no language's words
_MD_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|—+|–{2,}|={3,})\s*$")
_MD_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK_TARGET = re.compile(r"\]\((?:https?://|/|www\.)[^)\s]*\)")
_AUTOLINK = re.compile(r"<https?://[^>\s]+>|\bhttps?://[^\s<>()\]]+")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])")
_FOOTNOTE_STRICT = re.compile(r"^\s*(?:\[\d{1,3}\]|\(\*{1,3}\))\s")
_NAME_LINE = re.compile(r"^\s*(?:\*\*|__)?\s*([A-ZÀ-Ý][\w'’.-]*(?:[\s-]+[A-ZÀ-Ý][\w'’.-]*){0,4})\s*(?:\(\*{1,3}\))?\s*(?:\*\*|__)?\s*$")
_STAR_MARK = re.compile(r"\(\*{1,3}\)\s*$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)")


@dataclass(frozen=True)
class _Patterns:
    credits: tuple[tuple[str, re.Pattern[str]], ...]
    furniture: tuple[tuple[str, re.Pattern[str]], ...]
    blocks: tuple[tuple[str, re.Pattern[str]], ...]
    agency_re: re.Pattern[str]
    outlet_re: re.Pattern[str]


@lru_cache(maxsize=8)
def _patterns(code: str, extra: str | None) -> _Patterns:
    data = lang.pack(code).data("sources.json")
    table = _outlets(extra)
    agency = "(?:" + "|".join(re.escape(a) for a in table.agency_aliases) + ")"
    conj = "|".join(re.escape(c) for c in data["conjunctions"])
    agencies = rf"{agency}(?:\s*(?:/|,|-|\b(?:{conj})\b)\s*{agency})*"
    outlet = "(?:" + "|".join(re.escape(n) for n in table.names) + ")" if table.names else "(?!x)x"
    name = r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,3}"

    def fill(p: str) -> str:
        return (p.replace("{AGENCIES}", agencies).replace("{AGENCY}", agency)
                .replace("{OUTLET}", outlet).replace("{NAME}", name))

    def comp(rows: list[dict[str, str]], fn: Any = fill) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((r["kind"], re.compile(fn(r["pattern"]), re.MULTILINE)) for r in rows)

    return _Patterns(comp(data["credits"]), comp(data["furniture"], str), comp(data["blocks"], str),
                     re.compile(rf"(?<![\w-]){agency}(?![\w-])"), re.compile(rf"(?<![\w-]){outlet}(?![\w-])"))


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def zones(text: str, code: str = lang.DEFAULT) -> list[Zone]:
    """The page furniture of a stored text, as zones in text order: whole lines (bylines, captions, related links,
    footers, footnotes, rules), the rest of the page after a bibliography or notes heading, and inside lines the
    Markdown marks (heading hashes, emphasis stars, link targets, images, bare addresses)."""
    pats = _patterns(code, os.environ.get(OUTLETS_ENV) or None)
    out: list[Zone] = []
    lines = _lines(text)
    body_seen = False
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        s = line.strip()
        if not s:
            continue
        block = next((k for k, p in pats.blocks if p.match(s)), None)
        if block and body_seen:
            out.append(Zone(a, len(text.rstrip()), block))
            return _inline(text, out, upto=a)
        kind, label = _line_kind(s, pats)
        if kind:
            lead = len(line) - len(line.lstrip())
            out.append(Zone(a, b, kind, a + lead + label if label >= 0 else b))
        elif len(s) > 60:
            body_seen = True
    return _inline(text, out, upto=len(text))


def _line_kind(s: str, pats: _Patterns) -> tuple[str | None, int]:
    """The furniture kind of a stripped line, and where its own words end (-1: the whole line)."""
    if _MD_RULE.match(s):
        return "markdown", -1
    if _FOOTNOTE_STRICT.match(s):
        return "footnote", -1
    if len(s) > LINE_MAX:
        return None, -1
    for kind, p in pats.furniture:
        m = p.search(s) if kind == "contributed" else p.match(s)
        if m:
            return kind, (m.end() if kind == "related" else -1)
    if _STAR_MARK.search(s) and _NAME_LINE.match(s):
        return "byline", -1  # "Jean Dupont (*)": the author, whose note is further down
    if _BOLD_LINE.match(s) and _NAME_LINE.match(s) and len(s.split()) <= 5:
        return "byline", -1  # a name alone in bold: the signature
    return None, -1


def _inline(text: str, out: list[Zone], upto: int) -> list[Zone]:
    covered = [(z.start, z.end) for z in out]

    def inside(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in covered)

    extra: list[Zone] = []
    for a, b in _lines(text[:upto]):
        line = text[a:b]
        if not line.strip() or inside(a, b):
            continue
        m = _MD_HEADING_MARK.match(line)
        if m:
            extra.append(Zone(a, a + m.end(), "markdown"))
        for rx in (_MD_IMAGE, _MD_LINK_TARGET, _AUTOLINK, _EMPHASIS):
            for m in rx.finditer(line):
                if not any(z.start <= a + m.start() < z.end for z in extra):
                    extra.append(Zone(a + m.start(), a + m.end(), "markdown"))
    return sorted(out + extra, key=lambda z: (z.start, z.end))


def in_zones(start: int, end: int, zs: list[Zone], kinds: frozenset[str] | None = None) -> bool:
    """Whether [start, end) lies inside page furniture (of these kinds, default any but Markdown marks, which are
    inside article lines)."""
    for z in zs:
        if z.start > start:
            break
        if end <= z.end and (kinds is None and z.kind != "markdown" or kinds is not None and z.kind in kinds):
            return True
    return False


# -- credits ----------------------------------------------------------------------------------------


def credits(text: str, code: str = lang.DEFAULT, zs: list[Zone] | None = None) -> list[Credit]:
    """The wire credits, datelines and citations of an agency or outlet in a stored text, one per source named,
    in text order. Agencies named on a byline, caption or 'contributed' line are credits too (kind byline);
    footnote lines give the outlets they name (kind footnote)."""
    pats = _patterns(code, os.environ.get(OUTLETS_ENV) or None)
    table = outlets()
    zs = zones(text, code) if zs is None else zs
    found: dict[tuple[int, int], Credit] = {}
    for kind, p in pats.credits:
        for m in p.finditer(text):
            a, b = m.span("src")
            if a < 0 or a == b:
                continue
            src = m.group("src")
            if kind == "dateline" and pats.agency_re.search(src) is None:
                # a dateline's credit names a wire service, known or not ("VILLE, 2 mai (Agence) -")
                for part in re.finditer(r"[^/]+", src):
                    name = part.group().strip()
                    if name:
                        s = a + part.start() + (len(part.group()) - len(part.group().lstrip()))
                        _add(found, Credit(s, s + len(name), kind, name, True))
                continue
            if kind in ("dateline", "credit") or pats.agency_re.fullmatch(src) is None:
                for part in pats.agency_re.finditer(src) if kind in ("dateline", "credit") else [None]:
                    if part is None:
                        name = src.strip("* ").rstrip(",")
                        s, e = a, a + len(src.rstrip("* ,"))
                        agency = table.agency(name)
                        _add(found, Credit(s, e, kind, agency or outlet_name(name) or name, agency is not None))
                    else:
                        s, e = a + part.start(), a + part.end()
                        _add(found, Credit(s, e, kind, table.agency(part.group()) or part.group(), True))
            else:
                _add(found, Credit(a, b, kind, table.agency(src) or src, True))
    for z in zs:
        if z.kind in ("byline", "contributed", "footnote", "bibliography"):  # a photo's credit is not the text's
            seg = text[z.start:z.end]
            for m in pats.agency_re.finditer(seg):
                ck = "footnote" if z.kind in ("footnote", "bibliography") else "byline"
                _add(found, Credit(z.start + m.start(), z.start + m.end(), ck, table.agency(m.group()) or m.group(), True))
    return sorted(found.values(), key=lambda c: (c.start, c.end))


def _add(found: dict[tuple[int, int], Credit], c: Credit) -> None:
    if (c.start, c.end) in found:
        return
    if any(o.start <= c.start and c.end <= o.end for o in found.values()):
        return
    found[(c.start, c.end)] = c


def byline_author(text: str, zs: list[Zone], code: str = lang.DEFAULT) -> str | None:
    """The author a byline names (the pattern's `author` group), or a name alone on a signature line."""
    pats = _patterns(code, os.environ.get(OUTLETS_ENV) or None)
    for z in zs:
        if z.kind != "byline":
            continue
        line = text[z.start:z.end].strip()
        for kind, p in pats.furniture:
            m = p.match(line) if kind == "byline" else None
            if m and "author" in p.groupindex and m.group("author"):
                return m.group("author").strip()
        m = _NAME_LINE.match(line)
        if m:
            return m.group(1).strip()
    return None


def article_text(text: str, code: str | None = None) -> str:
    """The stored text with its page furniture (every zone, Markdown marks too) blanked by spaces, line breaks kept:
    what full-text search indexes. Same length as the text, so an offset means the same in both."""
    zs = zones(text, code if code in lang.known() else lang.DEFAULT)
    if not zs:
        return text
    chars = list(text)
    for z in zs:
        for i in range(z.start, min(z.end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


# -- notes ------------------------------------------------------------------------------------------

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP = str.maketrans(SUPERSCRIPTS, "0123456789")
# a note as it opens its line: "[3] ...", "3. ...", "3) ...", "(3) ...", "³ ..."
_NOTE_LINE = re.compile(rf"^\s*(?:\[(\d{{1,3}})\]|\((\d{{1,3}})\)|(\d{{1,3}})[.)]|([{SUPERSCRIPTS}]{{1,3}}))\s+(\S.*)$")
# a note's call in the text: "[3]", "(3)" or superscript digits, right after a word or a closing mark
_NOTE_CALL = re.compile(rf"(?<=[\w.,;:»”\"')\]*])[ \t\u00a0\u202f]?(?:\[(\d{{1,3}})\]|\((\d{{1,3}})\)|([{SUPERSCRIPTS}]{{1,3}}))")
_NOTE_AUTHOR = re.compile(r"^([A-ZÀ-Ý][\w'’.-]*(?:[ \t]+(?:[A-ZÀ-Ý][\w'’.-]*|de|du|van|von)){1,4})\s*,")


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote or endnote of the page, and the source it cites: an agency, an outlet (named or from an
    address), else the author it opens with. `start`/`end` are the source's words in the stored text."""

    number: str
    line_start: int
    line_end: int
    source: str | None
    start: int = -1
    end: int = -1


def notes(text: str, code: str = lang.DEFAULT, zs: list[Zone] | None = None) -> dict[str, Note]:
    """The numbered notes of a page (lines of its footnote and bibliography zones), by number."""
    pats = _patterns(code, os.environ.get(OUTLETS_ENV) or None)
    table = outlets()
    zs = zones(text, code) if zs is None else zs
    out: dict[str, Note] = {}
    for a, b in _lines(text):
        if not in_zones(a, b, zs, frozenset({"footnote", "bibliography"})):
            continue
        m = _NOTE_LINE.match(text[a:b])
        if not m:
            continue
        number = next(g for g in m.groups()[:4] if g).translate(_SUP)
        body = m.start(5)
        line = text[a:b]
        src: tuple[str, int, int] | None = None
        ag = pats.agency_re.search(line, body)
        ou = pats.outlet_re.search(line, body)
        if ag:
            src = (table.agency(ag.group()) or ag.group(), ag.start(), ag.end())
        elif ou:
            src = (ou.group(), ou.start(), ou.end())
        else:
            url = _AUTOLINK.search(line, body)
            au = _NOTE_AUTHOR.match(line[body:])
            if url:
                src = (outlet_name(None, url.group().strip("<>")) or url.group(), url.start(), url.end())
            elif au:
                src = (au.group(1), body + au.start(1), body + au.end(1))
        if src is None:
            out.setdefault(number, Note(number, a, b, None))
        else:
            out.setdefault(number, Note(number, a, b, src[0], a + src[1], a + src[2]))
    return out


NOTE_REACH = 6  # a note called just past its sentence's full stop ("… fin. [3]") is the sentence's
_STOP = re.compile(r"[.!?…](?=\s)")


def note_called(text: str, start: int, end: int, sentence: tuple[int, int] | None = None) -> str | None:
    """The number of the note that words at [start, end) call: the first call after them before their sentence
    ends, else the last one since their sentence began ("selon une étude [2], le port …"). The sentence is the
    given one, cut at line breaks and at full stops around the words (a parser may join sentences at a call)."""
    lo, hi = sentence or (start, end)
    lo = max(min(lo, start), text.rfind("\n", 0, start) + 1)
    line_end = text.find("\n", end)
    hi = min(max(hi, end) + NOTE_REACH, len(text) if line_end < 0 else line_end)
    stops = [m.end() for m in _STOP.finditer(text, lo, start)]
    if stops:
        lo = stops[-1]
    after = _STOP.search(text, end, hi)
    if after:
        hi = min(hi, after.end() + NOTE_REACH)
    following = note_calls(text, start, hi)
    if following:
        return following[0]
    preceding = note_calls(text, lo, start)
    return preceding[-1] if preceding else None


def note_calls(text: str, start: int, end: int) -> list[str]:
    """The numbers of the notes called in text[start:end] ("[3]", "(3)", "³"), in order."""
    return [next(g for g in m.groups() if g).translate(_SUP) for m in _NOTE_CALL.finditer(text, start, end)]


# -- front matter and manifests ----------------------------------------------------------------------

FIELDS = ("title", "outlet", "url", "published", "author")
_FRONT = re.compile(r"\A\s*---[ \t]*\n((?:[ \t]*[A-Za-z_][\w-]*[ \t]*:[^\n]*\n)+)[ \t]*---[ \t]*(?:\n|\Z)")


def front_matter(raw: str) -> tuple[dict[str, str], int]:
    """A `---` block of `key: value` lines opening a text file: (the known fields it gives, the length to drop)."""
    m = _FRONT.match(raw)
    if not m:
        return {}, 0
    out: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        key = key.strip().casefold()
        if key == "date":
            key = "published"
        value = value.strip().strip("\"'")
        if key in FIELDS and value:
            out[key] = value
    return out, m.end()


__all__ = ["ARTICLE_TEXT_VERSION", "Credit", "FIELDS", "Note", "OUTLETS_ENV", "Outlets", "Zone", "article_text", "byline_author", "credits",
           "first_line_title", "front_matter", "host_of", "in_zones", "note_called", "note_calls", "notes", "outlet_name", "outlets", "zones"]
