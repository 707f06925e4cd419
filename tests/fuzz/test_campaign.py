"""The slow lane's fuzzing and fault campaign (issue 21), through the real `recoupe build`:

- a generator of over 1 000 hostile inputs (files of every kind, JSONL lines of every kind) mixed with good ones:
  no traceback, no hang, every input read or reported, no good record lost, an intact store, a rebuild that changes
  nothing, and a dossier equal to a clean build of the good inputs alone;
- a `kill -9` loop over every stage of a build (reading, storing, analysing, saving analyses, resolving, writing
  the dossier; plus kills at random moments): after each kill the store is intact and nothing half-written is
  left, and the build resumed to its end gives the dossier of a clean build.

The counts they print are those in the README."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from recoupe.ingest.normalize import clean_field
from recoupe.ingest.readers import MAX_LINE_BYTES, path_source
from tests.fuzz.harness import assert_clean_output, assert_intact, export, run_build, skipped

pytestmark = pytest.mark.slow

SEED = 21
NAMES = ["Anna Keller", "Paul Girard", "Bruno Marchand", "Léa Moreau", "Karim Haddad", "Sofia Reyes", "Jan Novák",
         "Inès Dupuis", "Marco Bellini", "Chloé Martin", "Yusuf Demir", "Elena Petrova"]
CITIES = ["Lyon", "Berlin", "Madrid", "Lille", "Nantes", "Genève", "Rome", "Porto", "Gand", "Turin", "Brno", "Bilbao"]
TOPICS = ["la politique industrielle", "les retraites", "l'énergie", "le commerce", "la santé", "les transports",
          "le logement", "la recherche", "l'agriculture", "la pêche", "le tourisme", "la culture"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]


def article(rng: random.Random, i: int) -> str:
    a, b = rng.sample(NAMES, 2)
    t1, t2 = rng.sample(TOPICS, 2)
    return (f"{a} a rencontré {rng.choice(DAYS)} à {rng.choice(CITIES)} {b}, venu de {rng.choice(CITIES)}. "
            f"Les deux responsables ont évoqué {t1} puis {t2}, selon un communiqué publié le soir même. "
            f"La rencontre numéro {i} a duré {rng.randint(2, 9)} heures.")


@dataclass
class Corpus:
    root: Path
    docs: list[str] = field(default_factory=list)  # expected document sources (one per document)
    skips: list[str] = field(default_factory=list)  # expected "skipped" sources
    passed: list[str] = field(default_factory=list)  # expected "passed over" paths
    repeats: list[str] = field(default_factory=list)  # where of records read once (repeats)
    ignored: int = 0  # other file types
    inputs: int = 0
    bad_files: list[Path] = field(default_factory=list)
    bad_lines: dict[Path, list[int]] = field(default_factory=dict)

    def file(self, name: str | bytes, data: bytes, outcome: str) -> Path:
        p = Path(os.fsdecode(os.fsencode(self.root) + b"/" + (name if isinstance(name, bytes) else name.encode())))
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        self.add(p, outcome)
        return p

    def add(self, p: Path, outcome: str) -> None:
        self.inputs += 1
        if outcome == "doc":
            self.docs.append(path_source(p))
        elif outcome == "skip":
            self.skips.append(path_source(p))
            self.bad_files.append(p)
        elif outcome == "passed":
            self.passed.append(path_source(p))
        elif outcome == "ignored":
            self.ignored += 1


def _jsonl(c: Corpus, rng: random.Random, name: str, n_lines: int, counter: list[int]) -> None:
    p = c.root / name
    src = path_source(p)
    lines: list[bytes] = []
    urls: list[str] = []
    goods: list[bytes] = []

    def good(obj: dict, source: str | None) -> bytes:
        line = json.dumps(obj, ensure_ascii=rng.random() < 0.5).encode("utf-8")
        c.docs.append(source or f"{src}:{len(lines) + 1}")
        goods.append(line)
        return line

    def bad(line: bytes, source: str | None = None) -> bytes:
        c.skips.append(source or f"{src}:{len(lines) + 1}")
        if source is None:
            c.bad_lines.setdefault(p, []).append(len(lines) + 1)
        return line

    for i in range(n_lines):
        counter[0] += 1
        k = counter[0]
        text = article(rng, k)
        kind = "good" if i == 0 else rng.choice(
            ["good", "good_url", "good_noid", "surrogate", "ctrl_id", "seps", "bignum", "wrongtypes", "repeat", "shared",
             "malformed", "malformed", "deep", "deep_field", "nonobject", "notext", "blanktext", "texttype", "short",
             "garbage", "rawctrl", "blank"] + ["malformed", "nonobject", "deep", "notext", "garbage"] * 2)
        if kind == "blank":
            lines.append(rng.choice([b"", b"   ", "\u3000".encode()]))
            continue
        c.inputs += 1
        if kind == "good":
            line = good({"text": text, "id": f"rec-{k}", "outlet": "Le Fuzz"}, f"rec-{k}")
        elif kind == "good_url":
            urls.append(f"https://example.org/{k}")
            line = good({"text": text, "url": urls[-1], "title": f"Titre {k}", "published": "2023-09-12"}, urls[-1])
        elif kind == "good_noid":
            line = good({"text": text}, None)
        elif kind == "surrogate":
            line = ('{"text": "' + text + ' \\udfff", "id": "s\\udfff-' + str(k) + '", "title": "\\ud800T"}').encode()
            c.docs.append(clean_field(f"s\udfff-{k}") or "")
            goods.append(line)
        elif kind == "ctrl_id":
            ident = f"\x1b[31mc-{k}\x07\x1b]0;x\x07"
            line = good({"text": text, "id": ident}, clean_field(ident))
        elif kind == "seps":
            line = good({"text": text.replace(". ", ".\u2028", 1) + "\u2029Fin\u0085.", "id": f"sep-{k}"}, f"sep-{k}")
        elif kind == "bignum":
            line = ('{"text": "' + text + '", "id": "big-' + str(k) + '", "n": ' + "9" * rng.randint(4400, 9000) + "}").encode()
            c.docs.append(f"big-{k}")
            goods.append(line)
        elif kind == "wrongtypes":
            line = good({"text": text, "id": f"wt-{k}", "title": 5, "published": "hier", "url": [1], "outlet": {"a": 1}}, f"wt-{k}")
        elif kind == "repeat" and goods:
            line = rng.choice(goods)
            c.repeats.append(f"{src}:{len(lines) + 1}")
            # a repeat of a record without an id has its own line as its source: a document of its own
            obj = json.loads(line)
            if not (obj.get("id") or obj.get("url")):
                c.repeats.pop()
                c.docs.append(f"{src}:{len(lines) + 1}")
        elif kind == "shared" and urls:
            line = good({"text": text, "url": rng.choice(urls)}, None)
            c.docs[-1] = json.loads(line)["url"]
        elif kind in ("repeat", "shared"):
            line = good({"text": text, "id": f"rec-{k}"}, f"rec-{k}")
        elif kind == "malformed":
            line = bad(rng.choice([b"{oops", b'{"text": "x"', b"{'text': 'simple quotes'}", b'{"text": "a",}', b"}{", b"tru"]))
        elif kind == "deep":
            line = bad(b"[" * rng.randint(1000, 60000))
        elif kind == "deep_field":
            d = rng.randint(70, 500)
            line = bad(('{"text": "' + text + '", "a": ' + "[" * d + "]" * d + "}").encode())
        elif kind == "nonobject":
            line = bad(rng.choice([b"[1, 2]", b"42", b'"une phrase"', b"null", b"true", b"1e999"]))
        elif kind == "notext":
            line = bad(json.dumps({"title": text, "id": f"nt-{k}"}).encode())
        elif kind == "blanktext":
            line = bad(json.dumps({"text": " \u3000 ", "id": f"bt-{k}"}).encode())
        elif kind == "texttype":
            line = bad(json.dumps({"text": rng.choice([42, ["a"], {"b": 1}, True]), "id": f"tt-{k}"}).encode())
        elif kind == "short":
            line = bad(json.dumps({"text": "Bref !", "id": f"short-{k}"}).encode())  # named by its line, not its id
        elif kind == "garbage":
            line = bad(bytes(rng.randrange(0x80, 0x100) for _ in range(30)).replace(b"\x81", b"?").replace(b"\x8d", b"?")
                       .replace(b"\x8f", b"?").replace(b"\x90", b"?").replace(b"\x9d", b"?") + b" {")
        elif kind == "rawctrl":
            line = bad(('{"text": "' + text + '\x00\x1b[2J", "id": "rc-' + str(k) + '"}').encode())
        lines.append(line)
    if p.name == "feed0.jsonl":  # one line over the per-line bound
        c.inputs += 1
        c.skips.append(f"{src}:{len(lines) + 1}")
        c.bad_lines.setdefault(p, []).append(len(lines) + 1)
        lines.append(b'{"text": "' + b"a" * (MAX_LINE_BYTES + 10) + b'"}')
        lines.append(good({"text": article(rng, 999_999), "id": "after-the-long-line"}, "after-the-long-line"))
        c.inputs += 1
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(b"\n".join(lines) + b"\n")


HTML = """<html><head><title>{title}</title>{head}</head><body><nav>Accueil</nav><article><h1>{title}</h1>
<p>{p}</p><p>{p2}</p></article><footer>Mentions légales</footer></body></html>"""


def make_corpus(root: Path) -> Corpus:
    rng = random.Random(SEED)
    c = Corpus(root)
    root.mkdir(parents=True)
    counter = [0]
    for i in range(40):
        counter[0] += 1
        c.file(f"good/a{i:03d}.txt", article(rng, counter[0]).encode(), "doc")
    c.file("good/note.md", ("# Note\n\n" + article(rng, 5001)).encode(), "doc")
    c.file("good/latin.txt", article(rng, 5002).encode("cp1252"), "doc")
    c.file("good/dated.txt", (" date 2023-09-12 " + article(rng, 5003)).encode(), "doc")
    c.file(b"good/caf\xe9-\xff.txt", article(rng, 5004).encode(), "doc")
    c.file(b"good/esc\x1b[31m\x07-\n.txt", article(rng, 5005).encode(), "doc")
    c.file("good/\u202eevil\u2028.txt", article(rng, 5006).encode(), "doc")
    link = root / "good" / "zz-link-to-a000.txt"
    link.symlink_to(root / "good" / "a000.txt")
    c.add(link, "doc")  # the same text under another source: an exact copy, kept
    para = lambda: " ".join(article(rng, rng.randint(6000, 9000)) for _ in range(3))  # noqa: E731
    c.file("good/dated.html", HTML.format(title="Réunion", head='<meta property="article:published_time" content="2023-09">',
                                          p=para(), p2=para()).encode(), "doc")
    c.file("good/undated.html", HTML.format(title="Sans date", head="", p="En 2021, " + para(), p2=para()).encode(), "doc")
    for n in range(8):
        _jsonl(c, rng, f"feeds/feed{n}.jsonl", 130, counter)
    bad = root / "bad"
    bad.mkdir()
    for i in range(6):
        c.file(f"bad/empty{i}.txt", b"", "skip")
        c.file(f"bad/blank{i}.txt", rng.choice([b"   \n\n ", "\u3000\u00a0\n".encode(), b"\t\t"]), "skip")
        c.file(f"bad/binary{i}.txt", bytes(rng.randrange(256) for _ in range(200)) + b"\x00" + b"\x89PNG", "skip")
        c.file(f"bad/noise{i}.txt", bytes(range(1, 32)) * rng.randint(5, 60), "skip")
        c.file(f"bad/header{i}.txt", b" date 2023-09 ", "skip")
        c.file(f"bad/punct{i}.txt", b"!!! ... ??? --- 123 456 789 000 111 222", "skip")
        c.file(f"bad/nomarkup{i}.html", b"juste des mots sans balises", "skip")
        c.file(f"bad/script{i}.html", b"<html><body><script>alert(1)</script></body></html>", "skip")
        c.file(f"bad/blank{i}.jsonl", "\n \n\u3000\n".encode(), "skip")
        fifo = bad / f"pipe{i}.txt"
        os.mkfifo(fifo)
        c.add(fifo, "skip")
        dev = bad / f"zero{i}.txt"
        dev.symlink_to("/dev/zero")
        c.add(dev, "skip")
        broken = bad / f"broken{i}.txt"
        broken.symlink_to(bad / "nowhere")
        c.add(broken, "skip")
        c.file(f"bad/picture{i}.png", b"\x89PNG\r\n", "ignored")
        c.file(f"bad/.hidden{i}.txt", article(rng, 7000 + i).encode(), "passed")
    c.file("bad/README", b"notes", "ignored")
    (bad / ".git").mkdir()
    (bad / ".git" / "x.txt").write_text(article(rng, 7100))
    c.add(bad / ".git", "passed")
    (bad / "linked").symlink_to(root / "good")
    c.add(bad / "linked", "passed")
    return c


def _lines_of(lines: list[str], prefix: str) -> list[str]:
    return [line[len(prefix):].split(": ", 1)[0] for line in lines if line.startswith(prefix)]


def _make_clean(c: Corpus) -> None:
    """Turn the corpus into its good part, in place (same paths, so the same sources): bad files removed, bad lines
    blanked (so every other line keeps its number)."""
    for p in c.bad_files:
        p.unlink()
    for p, numbers in c.bad_lines.items():
        lines = p.read_bytes().split(b"\n")
        for n in numbers:
            lines[n - 1] = b""
        p.write_bytes(b"\n".join(lines))


def test_campaign_hostile_inputs_through_the_real_build(tmp_path: Path) -> None:
    c = make_corpus(tmp_path / "in")
    assert c.inputs >= 1000, c.inputs
    db = tmp_path / "hostile.db"
    proc = run_build([str(c.root)], db)
    lines = assert_clean_output(proc)
    assert proc.returncode == 1, lines[-20:]  # some inputs were skipped
    assert_intact(db)

    # every input read or reported, and nothing else reported
    assert sorted(_lines_of(lines, "skipped ")) == sorted(c.skips)
    assert sorted(_lines_of(lines, "passed over ")) == sorted(c.passed)
    assert any(f"{c.ignored} other files ignored" in line for line in lines)
    notes = _lines_of(lines, "note ")
    assert all(r in notes for r in c.repeats)
    with_skips = {s for s, _ in skipped(db)}
    assert with_skips == set(c.skips)

    # no good record lost, and no hostile one in the dossier
    dossier = export(db)
    assert sorted(d["source"] for d in dossier["documents"]) == sorted(c.docs)

    # rebuilding changes nothing
    again = run_build([str(c.root)], db)
    again_lines = assert_clean_output(again)
    summary = next(line for line in again_lines if line.startswith("build: "))
    assert " 0 added" in summary and "replaced" not in summary and " 0 analyzed" in summary
    assert export(db) == dossier

    # the dossier equals a clean build of the good inputs alone
    _make_clean(c)
    clean_db = tmp_path / "clean.db"
    clean = run_build([str(c.root)], clean_db)
    assert_clean_output(clean)
    assert export(clean_db) == dossier
    print(f"\ncampaign: {c.inputs} hostile and good inputs, {len(c.skips)} reported skipped, {len(c.passed)} passed over, "
          f"{c.ignored} ignored, {len(dossier['documents'])} documents; failures: 0")


# Each chain kills successive builds of one store at these points, then lets one run to its end. The first goes
# through every stage in order, each kill leaving more done; the others kill again where work was left half-done.
KILL_CHAINS: list[list[str]] = [
    ["read:1", "read:4", "store:1", "store:3", "analyze:2", "save:1", "resolve:1", "write:1"],
    ["store:2", "analyze:1", "analyze:4", "save:1", "write:1"],
]
RANDOM_KILLS = 4  # kills of the unmodified command at a random moment of a build, each on a new store


def _kill_corpus(root: Path) -> None:
    rng = random.Random(SEED + 1)
    (root / "b").mkdir(parents=True)
    for i in range(4):
        (root / f"a{i}.txt").write_text((" date 2023-09-1%d " % i) + article(rng, i) + " " + article(rng, 100 + i), encoding="utf-8")
    rows = [json.dumps({"text": article(rng, 200 + i), "id": f"k-{i}"}, ensure_ascii=False) for i in range(4)]
    rows.insert(2, "{broken")
    (root / "b" / "feed.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (root / "b" / "empty.txt").write_text("")
    (root / "b" / "copy.txt").write_text((root / "a0.txt").read_text(encoding="utf-8"), encoding="utf-8")


def test_campaign_kill_9_at_every_stage_then_resume(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    _kill_corpus(corpus)
    ref_db = tmp_path / "ref.db"
    t0 = os.times().elapsed
    ref = run_build([str(corpus)], ref_db)
    clean_seconds = os.times().elapsed - t0
    assert_clean_output(ref)
    assert ref.returncode == 1
    reference, ref_skipped = export(ref_db), skipped(ref_db)
    rng = random.Random(SEED + 2)
    chains = [*KILL_CHAINS, *([f"time:{rng.uniform(0.3, 0.9 * clean_seconds):.2f}"] for _ in range(RANDOM_KILLS))]
    kills = 0
    for n, chain in enumerate(chains):
        db = tmp_path / f"k{n}.db"
        for spec in chain:
            if spec.startswith("time:"):
                proc = run_build([str(corpus)], db, kill_after=float(spec[5:]))
            else:
                proc = run_build([str(corpus)], db, fault=spec)
            assert "Traceback" not in proc.stderr.decode("utf-8"), proc.stderr.decode()[-2000:]
            if proc.returncode == -9:
                kills += 1
            assert_intact(db)
            if db.exists():
                conn = sqlite3.connect(db)
                try:  # nothing half-written survives: the write before the kill went with its transaction
                    assert conn.execute("SELECT value FROM meta WHERE key = 'fault'").fetchall() == []
                except sqlite3.OperationalError:
                    pass  # killed before the tables were made
                finally:
                    conn.close()
        final = run_build([str(corpus)], db)
        assert_clean_output(final)
        assert final.returncode == 1
        assert_intact(db)
        assert export(db) == reference, f"chain {chain}"
        assert skipped(db) == ref_skipped
    shutil.rmtree(corpus)
    assert kills >= sum(len(chain) for chain in KILL_CHAINS)  # every fault point was reached
    print(f"\nkill loop: {kills} kills -9 survived over {len(chains)} resumed builds; failures: 0")
