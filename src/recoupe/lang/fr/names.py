"""The French patterns of the `names` component: epithets ("le président russe"), bare roles, acronyms with their
expansion, equipment, organisation phrases, "les deux dirigeants"; and the words that edge a name (weekdays and
months, locatives). Built from the general lexicons when the pack loads them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from recoupe.model.text import fold

if TYPE_CHECKING:
    from recoupe.lang.fr.lexicon import Lexicon
    from recoupe.lang.fr.time import TimeWords

_AP = "['’]"
_CAP = r"[A-ZÀ-ÖØ-Þ]"


@dataclass(frozen=True)
class NameWords:
    """What the names component matches with."""

    patterns: dict[str, re.Pattern[str]]
    time_words: frozenset[str]  # folded weekdays and months: a name does not end with one
    locative_re: re.Pattern[str]  # "au nord de", "près de" right before a name (folded text)


def load(data: Callable[[str], Any], lexicon: Lexicon, time: TimeWords) -> NameWords:
    return NameWords(patterns=_patterns(lexicon), time_words=frozenset(fold(w) for w in time.calendar_words),
                     locative_re=_locative_re(data("geo.json").get("locative_before", [])))


def _patterns(lx: Lexicon) -> dict[str, re.Pattern[str]]:
    """Patterns over the accent-stripped, case-kept text (see `unaccent`), from the general lexicons."""
    role = "|".join(re.escape(fold(r)).replace("'", _AP) for r in lx.roles)
    nat = "|".join(sorted((re.escape(n) for n in lx.nationality), key=len, reverse=True))
    comp = rf"(?i:de\s+la|de\s+l{_AP}|du|des|a\s+la|aux|au)\s*[A-Za-z][\w-]+(?:\s+et\s+(?:des|de\s+la|du|de\s+l{_AP})\s*[A-Z][\w-]+)?"
    det = r"(?P<det>(?i:le|la|l{ap}|son|sa|leur|du|au|de\s+la|de\s+l{ap})\s*)".format(ap=_AP)
    body = rf"(?P<role>(?i:{role}))(?:\s+(?P<nat>(?i:{nat})))?(?:\s+(?P<comp>{comp}))?(?:\s+(?P<nat2>(?i:{nat})))?"
    equip = "|".join(plural_pattern(fold(n)) for n in lx.equipment)
    heads = "|".join(re.escape(h) for h in sorted(lx.org_heads, key=len, reverse=True))
    pairs = "|".join(re.escape(fold(n)).replace("'", _AP) for n in lx.pair_nouns) or "(?!)"
    return {
        "epithet": re.compile(rf"\b{det}{body}\b"),
        "bare_role": re.compile(rf"(?i:un\s+|une\s+|le\s+|la\s+|l{_AP})?{body}\b"),
        "acr_after": re.compile(rf"(?P<acr>\b[A-Z]{{2,8}}\b)\s*[\[(]\s*(?P<long>{_CAP}[^()\[\],;]{{5,90}}?)\s*(?:,\s*NDLR\s*)?[\])]"),
        "acr_before": re.compile(rf"(?P<long>\b{_CAP}[\w-]+(?:\s+(?:[\w-]+|d{_AP}|l{_AP})){{1,8}}?)\s*\(\s*(?P<acr>[A-Z]{{2,8}})\s*\)"),
        "equipment": re.compile(rf"\b(?i:{equip})\b"),
        "org_phrase": re.compile(rf"\b(?i:{heads})(?:\s+(?i:{nat}))?\s+(?i:de\s+la|de\s+l{_AP}|du|des)\s*"
                                 rf"(?P<comp>{_CAP}[\w-]+(?:\s+(?i:et)\s+(?i:de\s+la|de\s+l{_AP}|du|des)\s*{_CAP}[\w-]+)?)"),
        "pair": re.compile(rf"\b(?i:les|ces|des)\s+(?i:deux)\s+(?i:{pairs})\b"),
    }


def _locative_re(words: list[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(unaccent(w)).replace("'", _AP) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?i:\b(?:{alt}))\s*$")


def unaccent(text: str) -> str:
    """The text without accents, same length and case, so that offsets carry over."""
    return "".join(map(_unaccent_char, text))


@lru_cache(maxsize=None)
def _unaccent_char(c: str) -> str:
    # cached per character: a text has few distinct characters, and normalising each occurrence was the cost
    f = unicodedata.normalize("NFKD", c)
    base = "".join(x for x in f if not unicodedata.combining(x))
    return base if len(base) == 1 else c


def plural_pattern(noun: str) -> str:
    words = []
    for w in noun.split(" "):
        parts = re.split(r"(['’])", w)
        esc = "".join("['’]" if p in ("'", "’") else re.escape(p) for p in parts)
        words.append(esc if w.endswith(("s", "x")) or "'" in w else esc + "(?:s|x)?")
    return r"\s+".join(words)


