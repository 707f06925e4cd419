"""The briefing: a five-minute read of the dossier, extractive (no language model writes a word of it), in the
corpus language (labels/LANG.json), every sentence citing its evidence [n] and every note quoting the exact span
of its article with the outlet and the date. Written as Markdown, as one self-contained HTML file (inline SVG
charts, no script, nothing fetched) and as PDF made from that HTML by weasyprint.

It reads the dossier through the read model, so the analyst's corrections apply unless `as_built`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from recoupe.errors import RecoupeError
from recoupe.present import charts, story
from recoupe.present.labels import Labels, corpus_language, labels
from recoupe.present.read import ReadModel, evidence_url
from recoupe.store import Store
from recoupe.version import __version__

FORMATS = ("md", "html", "pdf")
READER = "http://127.0.0.1:8000"  # where `recoupe serve` answers by default: the notes link to its reader
STORY_MAX, ACTORS_MAX, QUOTES_MAX, QUOTES_PER_SPEAKER = 14, 8, 8, 2
CONFIRMED_MAX, SINGLE_MAX, CONTESTED_MAX, CONTRADICTIONS_MAX = 6, 5, 6, 8
CITES_MAX = 3  # notes per sentence
ALIASES_MAX = 3
QUOTE_CHARS = (25, 320)  # quotes shorter or longer than this are passed over for the briefing
ABOUT_CHARS = 80  # a contradiction's "about" longer than this is a sentence, not a heading
_DOUBLE_STOP = re.compile(r"([.!?…]\s*[»”])\.$")  # a quotation that ends the sentence already ends it


@dataclass
class Note:
    """One piece of evidence: the exact span of an article, with its outlet and date."""

    n: int
    doc: str
    start: int
    end: int
    text: str
    outlet: str
    date: str
    url: str


@dataclass
class Sentence:
    text: str
    notes: list[int]

    def __post_init__(self) -> None:
        self.text = _DOUBLE_STOP.sub(r"\1", re.sub(r"\s+\.$", ".", self.text))


@dataclass
class Section:
    key: str
    title: str
    sentences: list[Sentence] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)  # lines about the section itself (what was left out), not facts
    numbered: bool = False


@dataclass
class Chart:
    key: str
    title: str
    svg: str
    caption: str = ""


@dataclass
class Briefing:
    language: str
    title: str
    subtitle: str
    method: str
    corrections: str
    sections: list[Section]
    charts: list[Chart]
    sources: list[str]
    notes: list[Note]
    lab: Labels

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


class _Notes:
    """Numbers the spans cited, once each, in the order they are first cited."""

    def __init__(self, v: ReadModel, lab: Labels, reader: str) -> None:
        self.v, self.lab, self.reader = v, lab, reader.rstrip("/")
        self.notes: dict[tuple[str, int, int], Note] = {}

    def cite(self, spans: Iterable[dict[str, Any] | None], limit: int = CITES_MAX) -> list[int]:
        out: list[int] = []
        for s in spans:
            if not s or len(out) >= limit:
                continue
            key = (s["doc"], s["start"], s["end"])
            note = self.notes.get(key)
            if note is None:
                doc = self.v.doc_by_id.get(s["doc"], {})
                note = self.notes[key] = Note(len(self.notes) + 1, s["doc"], s["start"], s["end"], s["text"],
                                              outlet_of(doc, self.lab), date_of(doc, self.v, self.lab),
                                              self.reader + evidence_url(s))
            if note.n not in out:
                out.append(note.n)
        return out


def outlet_of(doc: dict[str, Any], lab: Labels) -> str:
    return doc.get("outlet") or doc.get("title") or lab("unknown_outlet")


def date_of(doc: dict[str, Any], v: ReadModel, lab: Labels) -> str:
    if doc.get("published"):
        return lab.date(doc["published"])
    inferred = next((r for r in v.dates if r.get("kind") == "reference" and r.get("doc") == doc.get("id")), None)
    if inferred:
        when = lab.date(inferred["value"]) if inferred.get("value") else lab("date_between", lo=lab.date(inferred["lo"]), hi=lab.date(inferred["hi"]))
        return lab("note_inferred", date=when)
    return lab("undated")


def build(store: Store, v: ReadModel, *, language: str | None = None, reader: str = READER) -> Briefing:
    """The briefing of the dossier `v` (read from `store`), in `language` (default: the corpus language)."""
    lab = labels(language or corpus_language(v.docs))
    notes = _Notes(v, lab, reader)
    story_section, numbers = _story(v, lab, notes)
    sections = [story_section, _actors(v, lab, notes), _quotes(v, lab, notes), _confirmed(v, lab, notes),
                _single(v, lab, notes), _contested(v, lab, notes), _contradictions(v, lab, notes)]
    outlets = {d.get("outlet") for d in v.docs if d.get("outlet")}
    published = sorted(d["published"] for d in v.docs if d.get("published"))
    if not published:
        period = lab("period_none")
    elif published[0] == published[-1]:
        period = lab("period_one", first=lab.date(published[0]))
    else:
        period = lab("period", first=lab.date(published[0]), last=lab.date(published[-1]))
    b = Briefing(language=lab.language, title=lab("title"),
                 subtitle=(lab("subtitle", documents=lab.plural("documents", len(v.docs)), outlets=lab.plural("outlets", len(outlets)), period=period)
                           if outlets else lab("subtitle_no_outlet", documents=lab.plural("documents", len(v.docs)), period=period)),
                 method=lab("method", version=__version__),
                 corrections=lab.plural("corrections", len(v.corrections)) if v.corrections and not v.as_built else "",
                 sections=sections, charts=_charts(v, lab, numbers), sources=_sources(v, lab),
                 notes=sorted(notes.notes.values(), key=lambda n: n.n), lab=lab)
    _check_notes(store, b.notes)
    return b


def _check_notes(store: Store, notes: list[Note]) -> None:
    """Every note quotes its article exactly (the contract's promise, checked again where a reader relies on it)."""
    texts = store.document_texts(sorted({n.doc for n in notes}))
    for n in notes:
        if texts.get(n.doc, "")[n.start:n.end] != n.text:
            raise RecoupeError(f"note [{n.n}] does not match its article {n.doc} at [{n.start}:{n.end}]")


# --- sections --------------------------------------------------------------------------------------------


def _sources_phrase(lab: Labels, rec: dict[str, Any]) -> str:
    return lab.plural("independent_sources", int(rec.get("independent_sources") or 0))


def _story(v: ReadModel, lab: Labels, notes: _Notes) -> tuple[Section, dict[str, str]]:
    """The dated events, in date order: those of the densest period first, then the best attested."""
    sec = Section("story", lab("sections.story"), numbered=True)
    dated = [ev for ev in v.events if ev.get("date") and ev.get("sources")]
    period = story.densest_period(dated)

    def score(ev: dict[str, Any]) -> tuple[Any, ...]:
        inside = bool(period) and period[0] <= ev["date"] <= period[1]  # type: ignore[index]
        return (not inside, ev.get("historical") is True, ev.get("status") != "happened", -(ev.get("independent_sources") or 0),
                -len(ev["date"]), ev["date"], ev["id"])

    chosen = sorted(sorted(dated, key=score)[:STORY_MAX], key=lambda ev: (ev["date"], ev["id"]))
    numbers: dict[str, str] = {}
    for ev in chosen:
        sec.sentences.append(Sentence(lab("event", summary=ev.get("summary") or ev["type"], sources=_sources_phrase(lab, ev)),
                                      notes.cite(ev["sources"])))
        numbers[ev["id"]] = str(len(sec.sentences))
    if len(dated) > len(chosen):
        sec.remarks.append(lab.plural("story_more", len(dated) - len(chosen)))
    return sec, numbers


def _actors(v: ReadModel, lab: Labels, notes: _Notes) -> Section:
    sec = Section("actors", lab("sections.actors"))
    for e in v.main_actors(ACTORS_MAX):
        forms = [a for a in e.get("aliases", []) if a != e["name"]][:ALIASES_MAX]
        aliases = lab("actor_aliases", forms=", ".join(lab.raw("quote_marks").format(a) for a in forms)) if forms else ""
        # in each of the first articles that name it, the first mention by its name (else its first mention)
        firsts: dict[str, dict[str, Any]] = {}
        for m in e.get("mentions", []):
            if m["doc"] not in firsts or (m["text"] == e["name"] and firsts[m["doc"]]["text"] != e["name"]):
                firsts[m["doc"]] = m
        sec.sentences.append(Sentence(lab("actor", name=e["name"], type=lab(f"entity_types.{e['type']}"),
                                          mentions=lab.plural("mentions", len(e.get("mentions", []))), aliases=aliases),
                                      notes.cite(firsts.values(), 2)))
    return sec


def _quotes(v: ReadModel, lab: Labels, notes: _Notes) -> Section:
    """Quotes of the most mentioned speakers, a few each, from as many articles as possible."""
    sec = Section("quotes", lab("sections.quotes"))
    weight = {e["id"]: len(e.get("mentions", [])) for e in v.entities}
    ok = [q for q in v.quotes if q.get("speaker") in weight and QUOTE_CHARS[0] <= len(q["span"]["text"]) <= QUOTE_CHARS[1]]
    ok.sort(key=lambda q: (-weight[q["speaker"]], q["span"]["doc"], q["span"]["start"]))
    per: Counter[str] = Counter()
    docs: Counter[tuple[str, str]] = Counter()
    for q in ok:
        if len(sec.sentences) >= QUOTES_MAX:
            break
        if per[q["speaker"]] >= QUOTES_PER_SPEAKER or docs[(q["speaker"], q["span"]["doc"])]:
            continue
        per[q["speaker"]] += 1
        docs[(q["speaker"], q["span"]["doc"])] += 1
        sec.sentences.append(Sentence(lab("quote", speaker=v.entity_name(q["speaker"]), text=q["span"]["text"]), notes.cite([q["span"]])))
    return sec


def _confirmed(v: ReadModel, lab: Labels, notes: _Notes) -> Section:
    """Events and claims that two or more independent sources carry, and nobody contests."""
    sec = Section("confirmed", lab("sections.confirmed"))
    evs = sorted((ev for ev in v.events if (ev.get("independent_sources") or 0) >= 2 and ev.get("status") == "happened" and ev.get("sources")),
                 key=lambda ev: (-(ev.get("independent_sources") or 0), ev.get("date") or "9999", ev["id"]))
    for ev in evs[:CONFIRMED_MAX // 2]:
        sec.sentences.append(Sentence(lab("event_confirmed", summary=ev.get("summary") or ev["type"], sources=_sources_phrase(lab, ev)),
                                      notes.cite(s for s in ev["sources"])))
    clusters = [c for c in v.clusters if c["independent_sources"] >= 2 and not c["contested"]
                and c["review"] != "rejected"]
    clusters.sort(key=lambda c: (-c["independent_sources"], -len(c["claims"]), c["id"]))
    for c in clusters[:CONFIRMED_MAX - len(sec.sentences)]:
        rep = _representative(c["claims"])
        sec.sentences.append(Sentence(lab("claim_confirmed", text=rep["span"]["text"], sources=lab.plural("independent_sources", c["independent_sources"])),
                                      notes.cite(_one_per_doc(c["claims"]))))
    return sec


def _single(v: ReadModel, lab: Labels, notes: _Notes) -> Section:
    """Claims only one outlet makes, about the main actors, put forward firmly (asserted or reported)."""
    sec = Section("single", lab("sections.single"))
    actors = {e["id"] for e in v.main_actors(ACTORS_MAX)}
    rows = [c for c in v.clusters if c["independent_sources"] <= 1 and not c["contested"] and len(c["claims"]) == 1
            and c["claims"][0].get("modality") in ("asserted", "reported")]

    def about_actors(c: dict[str, Any]) -> int:
        cl = c["claims"][0]
        return len(({cl.get("attributed_to")} | set(cl.get("entities", []))) & actors)

    rows.sort(key=lambda c: (-about_actors(c), c["claims"][0]["span"]["doc"], c["claims"][0]["span"]["start"]))
    for c in rows[:SINGLE_MAX]:
        cl = c["claims"][0]
        sec.sentences.append(Sentence(lab("claim_single", text=cl["span"]["text"], outlet=outlet_of(v.doc_by_id.get(cl["span"]["doc"], {}), lab)),
                                      notes.cite([cl["span"]])))
    return sec


def _contested(v: ReadModel, lab: Labels, notes: _Notes) -> Section:
    sec = Section("contested", lab("sections.contested"))
    for c in v.contested_clusters()[:CONTESTED_MAX]:
        rep = _representative(c["support"] or c["claims"])
        if c["against"] and c["support"]:
            sec.sentences.append(Sentence(lab("claim_contested", text=rep["span"]["text"], n_for=len(c["support"]), n_against=len(c["against"])),
                                          notes.cite(_one_per_doc(c["support"]), 2)))
            denial = _representative(c["against"])
            sec.sentences.append(Sentence(lab("claim_contested_against", text=denial["span"]["text"]), notes.cite(_one_per_doc(c["against"]), 2)))
        else:
            sec.sentences.append(Sentence(lab("claim_contradicted", text=rep["span"]["text"]), notes.cite(_one_per_doc(c["claims"]), 2)))
    denied = [ev for ev in v.events if ev.get("status") == "denied" and ev.get("sources")]
    denied.sort(key=lambda ev: (-(ev.get("independent_sources") or 0), ev.get("date") or "9999", ev["id"]))
    for ev in denied[:max(2, CONTESTED_MAX - len(sec.sentences) // 2)]:
        sec.sentences.append(Sentence(lab("event_denied", summary=ev.get("summary") or ev["type"]), notes.cite(ev["sources"])))
    return sec


def _contradictions(v: ReadModel, lab: Labels, notes: _Notes) -> Section:
    """Each contradiction with the statements that conflict and, when there is one, the computation."""
    sec = Section("contradictions", lab("sections.contradictions"))
    rows = sorted(v.contradictions, key=lambda c: (-(c.get("certainty") or 0), c.get("kind") or "", c["id"]))
    quote = lab.raw("quote_marks")
    for c in rows[:CONTRADICTIONS_MAX]:
        if (c.get("review") or {}).get("status") == "rejected":
            continue
        stmts = c.get("statements", [])
        exp = c.get("expected")
        about = c.get("about") or ""
        if not about or len(about) > ABOUT_CHARS or any(about.strip(" .") == s["text"].strip(" .") for s in stmts):
            about = lab(f"contradiction_kinds.{c.get('kind') or 'other'}")  # an "about" that only repeats a statement
        if exp:
            method = lab.get(f"methods.{c.get('check')}", lab("method_other"))
            text = lab("contradiction_expected", about=about, statements="; ".join(s["text"] for s in stmts),
                       method=method, value=_number(exp["value"]), unit=exp.get("unit") or "")
        else:
            text = lab("contradiction", about=about,
                       statements=lab("contradiction_versus").join(quote.format(s["text"]) for s in stmts))
        sec.sentences.append(Sentence(text, notes.cite(stmts, 4)))
    return sec


def _number(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return f"{x:,}".replace(",", "\u202f") if isinstance(x, int) else str(x)


def _representative(claims: list[dict[str, Any]]) -> dict[str, Any]:
    """The claim whose words stand for its cluster: the shortest (a tie goes to the first by id)."""
    return min(claims, key=lambda c: (len(c["span"]["text"]), c["id"]))


def _one_per_doc(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for c in sorted(claims, key=lambda c: (c["span"]["doc"], c["span"]["start"])):
        seen.setdefault(c["span"]["doc"], c["span"])
    return list(seen.values())


def _sources(v: ReadModel, lab: Labels) -> list[str]:
    docs = sorted(v.docs, key=lambda d: (d.get("published") or "9999", d.get("outlet") or "", d.get("title") or d["source"]))
    return [lab("source", outlet=outlet_of({**d, "title": None}, lab), date=date_of(d, v, lab),
                title=d.get("title") or d["source"].replace("\\", "/").rsplit("/", 1)[-1]) for d in docs]


def _charts(v: ReadModel, lab: Labels, numbers: dict[str, str]) -> list[Chart]:
    out = []
    month = lambda m: lab.raw("months")[m - 1]  # noqa: E731
    svg, undated, by_month = charts.per_day(v.docs, lab("unknown_outlet"), month, lab("charts.per_day"))
    if svg:
        out.append(Chart("per_day", lab("charts.per_month" if by_month else "charts.per_day"), svg, lab.plural("charts.per_day_undated", undated) if undated else ""))
    period = story.densest_period(v.events)
    if period:
        inside = [(ev["date"], numbers.get(ev["id"], "·"), lab.get(f"event_types.{ev['type']}", ev["type"])) for ev in v.events
                  if len(ev.get("date") or "") == 10 and period[0] <= ev["date"] <= period[1]]
        outside = sum(1 for ev in v.events if ev.get("date")) - len(inside)
        title = lab("charts.timeline", first=lab.date(period[0]), last=lab.date(period[1]))
        svg = charts.timeline_strip(inside, period[0], period[1], month, title)
        if svg:
            out.append(Chart("timeline", title, svg, lab.plural("charts.timeline_outside", outside) if outside else ""))
    at: Counter[str] = Counter()
    country: list[str] = []
    for ev in v.events:
        place = v.ent_by_id.get(ev.get("place") or "")
        if story.point(place):
            at[place["id"]] += 1  # type: ignore[index]
        elif place and story.country_level(place) and place["name"] not in country:
            country.append(place["name"])
    points = [{"lat": story.point(v.ent_by_id[p])[0], "lon": story.point(v.ent_by_id[p])[1], "name": v.ent_by_id[p]["name"], "n": n}  # type: ignore[index]
              for p, n in at.items()]
    routes = [[(s["lat"], s["lon"]) for s in r["stops"]] for r in story.routes(v.ent_by_id, v.events)]
    svg = charts.places_map(points, routes, lab("charts.map"))
    if svg:
        out.append(Chart("map", lab("charts.map"), svg, lab("charts.map_country", names=", ".join(country)) if country else ""))
    return out


# --- writing it out --------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    """Article text made inert in Markdown (no link, emphasis or HTML can come out of it)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def markdown(b: Briefing) -> str:
    lines = [f"# {md_escape(b.title)}", "", f"*{md_escape(b.subtitle)}*", "", md_escape(b.method)]
    if b.corrections:
        lines += ["", md_escape(b.corrections)]
    for sec in b.sections:
        lines += ["", f"## {md_escape(sec.title)}", ""]
        if not sec.sentences:
            lines.append(md_escape(b.lab("nothing")))
        for i, s in enumerate(sec.sentences, 1):
            bullet = f"{i}." if sec.numbered else "-"
            lines.append(f"{bullet} {md_escape(s.text)} " + "".join(f"[{n}]" for n in s.notes))
        for r in sec.remarks:
            lines += ["", f"*{md_escape(r)}*"]
    lines += ["", f"## {md_escape(b.lab('sections.sources'))}", ""] + [f"- {md_escape(s)}" for s in b.sources]
    lines += ["", f"## {md_escape(b.lab('sections.notes'))}", ""]
    q = b.lab.raw("quote_marks")
    for n in b.notes:
        lines.append(f"{n.n}. {md_escape(b.lab('note', outlet=n.outlet, date=n.date))} — {q.format(md_escape(n.text))} "
                     f"(<{n.url}>)")
    return "\n".join(lines) + "\n"


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("recoupe.present", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def html(b: Briefing) -> str:
    """One self-contained HTML file: styles inline, charts as inline SVG (built and escaped by recoupe.present.charts)."""
    return _env().get_template("brief.html").render(b=b, svg=lambda c: Markup(c.svg))


def pdf(b: Briefing) -> bytes:
    """The HTML briefing printed to PDF by weasyprint (which needs the system's Pango)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:  # OSError: weasyprint is there but Pango is not
        raise RecoupeError(f"the PDF briefing needs weasyprint and the system's Pango ({type(e).__name__}: {e}); "
                           "on Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0") from None
    return HTML(string=html(b)).write_pdf()  # type: ignore[no-any-return]


def render(b: Briefing, fmt: str) -> str | bytes:
    if fmt not in FORMATS:
        raise RecoupeError(f"unknown briefing format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return {"md": markdown, "html": html, "pdf": pdf}[fmt](b)  # type: ignore[no-any-return,operator]


def write(b: Briefing, fmt: str, out: str | Path) -> int:
    data = render(b, fmt)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    Path(out).write_bytes(raw)
    return len(raw)
