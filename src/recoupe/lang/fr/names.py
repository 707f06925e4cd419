"""The French patterns of the `names` component: epithets ("le président russe"), bare roles, acronyms with their
expansion, equipment, organisation phrases, "les deux dirigeants"; and the words that edge a name (weekdays and
months, locatives). Built from the general lexicons when the pack loads them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
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
    time_words: frozenset[str]  # folded weekdays, months, time zones: a name does not end with one
    locative_re: re.Pattern[str]  # "au nord de", "près de" right before a name (folded text)
    contracted: frozenset[str] = frozenset()  # folded "du", "au", "de la": a determiner glued to a preposition
    # English order: the nationality before the role ("the Russian president"), a title with no determiner
    # before a name ("President Xi"); names.json `nationality_before_role`
    nationality_first: bool = False
    particles: frozenset[str] = frozenset()  # folded "von", "van", "de", "bin": inside a personal name
    strong_particles: frozenset[str] = frozenset()  # those never a plain preposition before a name ("von", "bin")
    possessive: frozenset[str] = frozenset()  # folded "son", "sa", "leur"
    agentive_before: frozenset[str] = frozenset()  # folded "selon", "d'apres": the name after them speaks
    agentive_before_comma: frozenset[str] = frozenset()  # "pour X,": the name speaks when a comma follows
    credit_generic: frozenset[str] = frozenset()  # folded words of a credit that name nobody ("HANDOUT", "Pool")
    acronym_stop: frozenset[str] = frozenset()  # folded short words an acronym's letters skip
    description_class: dict[str, tuple[str, ...]] = field(default_factory=dict)  # folded head noun -> its classes
    class_words: dict[str, frozenset[str]] = field(default_factory=dict)  # class -> its folded head nouns
    kind_classes: dict[str, str] = field(default_factory=dict)  # class -> entity type ("town" -> "place")
    government_words: frozenset[str] = frozenset()  # folded: "le gouvernement hongrois" is Hungary
    national_bodies: frozenset[str] = frozenset()  # folded: "l'armée israélienne" is one body of one country
    extending_classes: frozenset[str] = frozenset()  # classes whose heads join a place name ("la région de X")
    agentive_passive: frozenset[str] = frozenset()  # "lancée par Paris": the agent of a passive acts
    class_labels: dict[str, str] = field(default_factory=dict)  # description class -> entity type
    # a language whose class word follows the name ("Seagirt Marine Terminal", geo.json `category_after_name`);
    # French writes it first ("pont Francis Scott Key")
    class_word_last: bool = False
    site_heads: frozenset[str] = frozenset()  # folded head nouns of the sites a dataset holds (SITE_CLASSES)
    # the words joining an institution's capitalised head to its lower-case complements ("le Comité d'enquête");
    # none where the language capitalises every word of the name (names.json `institution_links`)
    institution_links: frozenset[str] = frozenset()
    indefinite: frozenset[str] = frozenset()  # folded "un", "une": a description of a vehicle may start with one


def load(data: Callable[[str], Any], lexicon: Lexicon, time: TimeWords) -> NameWords:
    raw = data("names.json")
    classes: dict[str, list[str]] = {}
    for cls, nouns in raw["description_classes"].items():
        for n in nouns:
            classes.setdefault(fold(n), []).append(cls)
    # weekdays, months and the time zones' abbreviations of three letters or more ("GMT", "UTC": "5h30 GMT" names no one)
    zones = frozenset(fold(z) for z in data("clock.json").get("zone_abbreviations", {}) if len(z) >= 3)
    return NameWords(patterns=_patterns(lexicon, raw, data("geo.json")), time_words=frozenset(fold(w) for w in time.calendar_words) | zones,
                     locative_re=_locative_re(data("geo.json").get("locative_before", [])),
                     contracted=_folded(raw["contracted_determiners"]), particles=_folded(raw["name_particles"]),
                     strong_particles=_folded(raw.get("particles_never_prepositions", [])),
                     nationality_first=bool(raw.get("nationality_before_role")), possessive=_folded(raw["possessive_determiners"]),
                     agentive_before=_folded(raw["agentive_before"] + lexicon_agentive(data)),
                     agentive_before_comma=_folded(raw["agentive_before_comma"]),
                     credit_generic=_folded(raw["credit_generic"]), acronym_stop=_folded(raw["acronym_stop_words"]),
                     description_class={k: tuple(v) for k, v in classes.items()},
                     class_words={c: frozenset(fold(n) for n in ns) for c, ns in raw["description_classes"].items()},
                     kind_classes=dict(raw["kind_classes"]), government_words=_folded(raw["government_words"]),
                     national_bodies=_folded(raw["national_bodies"]), extending_classes=frozenset(raw["extending_classes"]),
                     agentive_passive=_folded(raw["agentive_passive"]), class_labels=dict(raw["class_labels"]),
                     class_word_last=bool(data("geo.json").get("category_after_name")),
                     site_heads=frozenset(fold(n) for n in _site_heads(raw)),
                     institution_links=_folded(raw.get("institution_links", [])),
                     indefinite=_folded(raw.get("indefinite_determiners", [])))


def lexicon_agentive(data: Callable[[str], Any]) -> list[str]:
    """The cues of organizations.json after which a name speaks, but "pour" and "par", which need more."""
    return [w for w in data("organizations.json").get("agentive_cues", []) if w in ("selon", "d'après")]


def _folded(words: list[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def _alt(words: list[str] | tuple[str, ...] | frozenset[str], *, accents: bool = False) -> str:
    """A regex alternation of words, longest first, apostrophes matching both forms; accents stripped unless kept
    (patterns over the `unaccent`ed text)."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        w = w if accents else unaccent(w)
        out.append(re.sub(r"['’]", _AP, re.escape(w)).replace(r"\ ", r"\s+").replace(" ", r"\s+"))
    return "|".join(out) or "(?!)"


def _first_letters(words: list[str] | tuple[str, ...] | frozenset[str]) -> str:
    """A lookahead for the first characters of these words, to stand before a case-insensitive alternation of
    them: it rejects at once a position no word can start at (the regex engine would try every alternative
    there); it changes no match. Empty when there are no words."""
    first = {c for w in words if w for c in ((w[0],) if w[0] not in "'’" else ("'", "’"))}
    return "(?=(?i:[" + "".join(re.escape(c) for c in sorted(first)) + "]))" if first else ""


def _patterns(lx: Lexicon, raw: dict[str, Any], geo: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    """Patterns over the accent-stripped, case-kept text (see `unaccent`), from the general lexicons."""
    role = "|".join(re.escape(fold(r)).replace("'", _AP) for r in lx.roles)
    nat = "|".join(sorted((re.escape(n) for n in lx.nationality), key=len, reverse=True))
    name = rf"{_CAP}[\w-]*"  # one word: the holder's name may follow ("le chef de Wagner Evguéni Prigojine")
    # "du Kremlin", "de la Défense", "de la région de Rostov", "de Wagner", "d'OceanGate"
    comp = (rf"(?:(?i:de\s+la|de\s+l{_AP}|du|des|a\s+la|aux|au)\s*[A-Za-z][\w-]+(?:\s+et\s+(?:des|de\s+la|du|de\s+l{_AP})\s*[A-Z][\w-]+)?"
            rf"(?:\s+(?i:de\s+|d{_AP})(?={_CAP}){name})?|(?i:de\s+|d{_AP})(?={_CAP}){name})")
    det = r"(?P<det>(?i:le|la|l{ap}|son|sa|leur|du|au|de\s+la|de\s+l{ap})\s*)".format(ap=_AP)
    pre = rf"(?:(?i:{_alt(lx.role_premodifiers)})[\s-]+)?"
    mod = rf"(?:\s+(?P<mod>(?i:{_alt(lx.role_modifiers)})))?"
    body = (rf"{pre}(?P<role>(?i:{role})){mod}(?:\s+(?P<nat>(?i:{nat})))?(?:\s+(?P<comp>{comp}))?"
            rf"(?:\s+(?P<nat2>(?i:{nat})))?")
    bare_det = rf"(?i:un\s+|une\s+|le\s+|la\s+|l{_AP})?"
    if raw.get("nationality_before_role"):
        # English: "the Russian president", "Chinese President Xi Jinping", "the president of the Republic of X";
        # the determiner may be absent before a capitalised title (checked by the names component)
        det = rf"(?P<det>(?i:{_alt(raw.get('epithet_determiners') or ['the'])})\s+)?"
        of = _alt(raw.get("complement_connectors") or ["of"])
        body = (rf"{pre}(?:(?P<nat>(?i:{nat}))\s+)?(?P<role>(?i:{role})){mod}"
                rf"(?:\s+(?P<comp>(?i:{of})\s+{_CAP}[\w-]+(?:\s+{_CAP}[\w-]+){{0,2}}))?(?P<nat2>(?!))?")
        bare_det = rf"(?i:{_alt(raw.get('epithet_determiners') or ['the'])}\s+)?"
    dheads = _alt(list(raw_heads(raw)))
    ddet = _alt(raw["description_determiners"] + raw.get("indefinite_determiners", []))
    arts = _alt(raw["leading_articles"])
    credit = _alt(raw["credit_words"], accents=True)
    byline = _alt(raw["byline_words"], accents=True)
    conj = _alt(raw["conjunctions"], accents=True)
    joiners = _alt(raw["enumeration_joiners"], accents=True)
    particles = _alt(raw["name_particles"], accents=True)
    gov = _alt(raw["government_words"])
    bodies = _alt(raw["national_bodies"])
    caps = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]*"
    equip = "|".join(plural_pattern(fold(n)) for n in lx.equipment)
    heads = "|".join(re.escape(h) for h in sorted(lx.org_heads, key=len, reverse=True))
    pairs = "|".join(re.escape(fold(n)).replace("'", _AP) for n in lx.pair_nouns) or "(?!)"
    # the nouns of vehicles and gear (the equipment nouns, the description classes of equipment) and of a ship's flag
    # ("battant pavillon X"): a nationality adjective beside one is the country the thing belongs to
    gear = sorted({fold(n) for n in lx.equipment} | {fold(n) for c, ns in raw["description_classes"].items()
                  if raw["class_labels"].get(c) == "equipment" for n in ns} | {fold(n) for n in raw.get("flag_nouns", [])},
                  key=len, reverse=True)
    gear_alt = "|".join(plural_pattern(n) for n in gear) or "(?!)"
    vehicle_nat = (rf"\b(?P<nat>(?i:{nat}))\s+(?i:{gear_alt})\b" if raw.get("nationality_before_role")
                   else rf"\b(?i:{gear_alt})\s+(?P<nat>{nat})\b")
    return {
        "vehicle_nationality": re.compile(vehicle_nat),
        # (a role word is no role at the head of a compound: "le chef-lieu")
        "epithet": re.compile(rf"\b{det}{body}\b(?!-\w)"),
        "bare_role": re.compile(rf"{bare_det}{body}\b(?!-\w)"),
        "acr_after": re.compile(rf"(?P<acr>\b[A-Z]{{2,8}}\b)\s*[\[(]\s*(?P<long>{_CAP}[^()\[\],;]{{5,90}}?)\s*(?:,\s*NDLR\s*)?[\])]"),
        # ("des États de l'Afrique de l'Ouest (Cédéao)": an elided article glued to its word, an acronym written as a word)
        "acr_before": re.compile(rf"(?P<long>\b{_CAP}[\w-]+(?:\s+(?:(?:[dl]{_AP})?[\w-]+|d{_AP}|l{_AP})){{1,8}}?)\s*\(\s*"
                                 rf"(?P<acr>[A-Z](?:[A-Z]{{1,7}}|[a-zà-ÿ]{{2,7}}))\s*\)"),
        "equipment": re.compile(rf"\b{_first_letters([fold(n) for n in lx.equipment])}(?i:{equip})\b"),
        "org_phrase": re.compile(rf"\b{_first_letters(lx.org_heads)}(?i:{heads})(?:\s+(?i:{nat}))?\s+(?i:de\s+la|de\s+l{_AP}|du|des)\s*"
                                 rf"(?P<comp>{_CAP}[\w-]+(?:\s+(?i:et)\s+(?i:de\s+la|de\s+l{_AP}|du|des)\s*{_CAP}[\w-]+)?)"),
        "pair": re.compile(rf"\b(?i:les|ces|des)\s+(?i:deux)\s+(?i:{pairs})\b"),
        "leading_det": re.compile(rf"^(?:{_alt(raw['leading_articles'], accents=True)})\s*(?=\w)", re.IGNORECASE),
        "credit_line": re.compile(rf"\s*(?:{credit})(?![\w])", re.IGNORECASE),
        # "Par CLAIRE MARTIN", "Par Nadia ABDALLAH, envoyée spéciale à X"
        # (at a line's start, or after a rubric's bar: "ANALYSE | Par Claire MARTIN")
        "byline": re.compile(rf"(?:^|[ \t][|¦])[ \t]*(?i:{byline})\s+(?P<name>{_CAP}[\w'’-]+(?:\s+{_CAP}[\w'’-]+){{1,3}})(?=\s*(?:,|$|\n))",
                             re.MULTILINE),
        # "PHOTO JEAN DUPONT / AGENCE X – légende", "© Photo : Studio Y / Pool": the names a photo credit gives
        "photo_credit": re.compile(rf"^[ \t]*(?:©[ \t]*)?(?i:{credit})[ \t]*[:©]?[ \t]*(?P<credit>{_CAP}[^\n–—]{{1,80}}?)[ \t]*(?:[–—]|$)",
                                   re.MULTILINE),
        # "BALTIMORE (États-Unis), 26 mars 2024 (AFP) -", "MAMOUDZOU, 15 déc 2024 (AOIP) -", "PARIS/BERLIN, 3 mai -"
        "dateline": re.compile(rf"(?:^|(?<=\s))(?P<place>{caps}(?:\s+{caps}){{0,4}}(?:/{caps}(?:\s+{caps}){{0,4}}){{0,3}})\s*(?:\((?P<country>[^()\n]{{2,40}})\))?\s*,"
                               rf"\s*(?=[^\n]{{0,25}}\d)(?:[^\n(]{{0,40}}\((?P<agency>[A-Z][A-Za-z-]{{1,12}})\))?", re.MULTILINE),
        # a rubric line all in capitals at the top ("HAUTES-PYRÉNÉES"): a place heading the article
        "rubric": re.compile(rf"^(?P<place>{caps}(?:[ -]{caps}){{0,3}})[ \t]*$", re.MULTILINE),
        "glued_and": re.compile(rf"(.+?) (?:{conj}) (.+)"),
        # what joins the last two members of an enumeration: "X et Y", "X, ou Y" (a bare comma may end a fronted
        # phrase: "À X, Y a dit")
        "enum_join": re.compile(rf"\s*,?\s+(?:{joiners})\s+"),
        "holder": re.compile(
            rf" (?P<name>{_CAP}[\w’'.-]*[a-zà-ÿ][\w’'-]*(?:[ ](?:{_CAP}[\w’'-]*[a-zà-ÿ][\w’'-]*|(?:{particles})(?=[ ]{_CAP}))){{1,3}})"
            rf"(?![\w’'-])"),
        # "le navire", "la ville", "l'organisation", "ces garde-côtes": a definite description by its head noun, with a
        # nationality adjective after it (French: "le navire canadien") or before it (English: "the Serbian capital")
        "description": re.compile(rf"\b(?P<det>(?i:{ddet}))\s*(?:(?P<pre>(?i:{nat}))\s+)?(?P<head>(?i:{dheads}))(?![\w-])"
                                  rf"(?:\s+(?P<nat>(?i:{nat}))\b)?"),
        # "le gouvernement hongrois", "les autorités chinoises": the country's state
        "government": re.compile(rf"\b(?P<det>(?i:{ddet}))\s*(?P<head>(?i:{gov}))\s+(?P<nat>(?i:{nat}))\b"),
        # "l'armée israélienne", "la marine américaine", "les garde-côtes américains": one national body ("the
        # Israeli army")
        # "son armée", "sa présidence", "leur pays", "its army": a national body or a country relative to whom the
        # possessive points at
        "possessive_description": re.compile(
            rf"\b(?P<det>(?i:{_alt(raw['possessive_determiners'])}))\s+(?P<head>(?i:{_alt(possessive_heads(raw))}))(?![\w-])"),
        "body": re.compile(rf"\b(?P<nat>(?i:{nat}))\s+(?P<head>(?i:{bodies}))\b" if raw.get("nationality_before_role")
                           else rf"\b(?P<head>(?i:{bodies}))\s+(?P<nat>(?i:{nat}))\b"),
        # "le navire Dali", "le navire océanographique X" (a noun of a class right before a name) and "X, un
        # porte-conteneurs" (in an apposition after it): what class of thing the name is
        "cue_before": re.compile(rf"(?:^|[^\w-])(?P<head>(?i:{dheads}))(?:\s+[a-z][\w-]+)?\s+$"),
        "cue_after": re.compile(rf"^\s*,\s*(?i:un|une|le|la|l{_AP})\s*(?:[a-z][\w-]+\s+)?(?P<head>(?i:{dheads}))(?![\w-])"),
        # the French names of countries, as written (capitalised), wherever the recogniser missed one (a heading, a
        # title, "Israël-Hamas")
        "country": re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in sorted(set(lx.country_name_fr.values()), key=len, reverse=True))})"
                              rf"(?![\w])(?!-[a-zà-ÿ])"),
        # "au Kremlin", "à l'Élysée", "devant la Maison-Blanche": a seat of power as the building it is
        "place_before": re.compile(rf"(?:^|[^\w])(?i:{_alt(geo.get('place_prepositions', []) + geo.get('seat_place_words', []), accents=True)})\s*$"),
        # "Villeneuve-sur-Lot", "Stoke-on-Trent": a hyphenated name whose parts a word of place names joins
        "toponym": re.compile(rf"[A-ZÀ-Ý][^\s-]*(?:-[^\s-]+)*-(?:{_alt(raw.get('toponym_infixes', []), accents=True)})-\S+"),
        # "épave du" + "Titanic": a span the recogniser ended on a linking word, cut before the name it links
        "dangling_link": re.compile(rf"\s(?i:{_alt(raw.get('name_links', []), accents=True)})$"),
        # "Rostov" + "-sur-le-Don", "ROSTOV" + "-SUR-LE-DON": the rest of such a name, where the recogniser cut it
        "toponym_tail": re.compile(rf"-(?i:{_alt(raw.get('toponym_infixes', []), accents=True)})"
                                   rf"(?:-(?i:{_alt([a for a in raw['leading_articles'] if a[-1:].isalpha()], accents=True)}))?"
                                   rf"-[A-ZÀ-Ý][^\s,.;:!?()«»\"]*"),
        # "l'Afrique de l'Ouest", "Council for the Safeguard": what stands before a capitalised word inside a longer name
        # (a capitalised word, then perhaps a linking word)
        "inside_name": re.compile(rf"[A-ZÀ-ÖØ-Þ][\w-]*\s+(?P<link>(?i:{_alt(raw.get('name_links', []), accents=True)})\s*)?$"),
        # "À X, ...": the preposition of place that opens a sentence
        "fronted_place": re.compile(rf"(?i:{_alt(raw['fronted_place'], accents=True)})"),
        "article_before": re.compile(rf"(?:^|[^\w])(?i:{arts}|{ddet})\s*$"),
        # "la région de " / "la rivière " right before a place name: the head is part of the name
        "extend_head": re.compile(rf"(?:^|[^\w-])(?P<head>{_alt(extending_heads(raw, geo))})"
                                  rf"(?:\s+(?:de\s+la|de\s+l{_AP}|du|des|de|d{_AP}))?\s*$"),
        # a language whose category word follows the name (geo.json `category_after_name`): "Sheremetyevo airport",
        # "the Lipetsk region" keep the head written after the name
        "extend_tail": re.compile(rf"\s+(?P<head>{_alt(extending_heads(raw, geo) | _site_heads(raw))})(?![\w-])")
        if geo.get("category_after_name") else re.compile("(?!)"),
    }


def extending_heads(raw: dict[str, Any], geo: dict[str, Any]) -> set[str]:
    """Head nouns that join the place name after them: the extending classes' and geo.json's region words."""
    words = {n for c in raw["extending_classes"] for n in raw["description_classes"].get(c, [])}
    words |= {w for w in geo.get("region_words", []) if len(w) > 3}
    return {w.lower() for w in words}


def possessive_heads(raw: dict[str, Any]) -> list[str]:
    """The nouns of a possessive description resolved through its possessor's country: the national bodies ("son
    armée", "its army") and the nouns of a country ("leur pays")."""
    return [*raw["national_bodies"], *raw["description_classes"].get("country", [])]


SITE_CLASSES = ("airport", "seaport", "rail_station")  # the description classes of sites a dataset holds


def _site_heads(raw: dict[str, Any]) -> set[str]:
    """The head nouns of sites a dataset holds (airports, ports, stations): part of the site's name."""
    return {n.lower() for c in SITE_CLASSES for n in raw["description_classes"].get(c, [])}


def raw_heads(raw: dict[str, Any]) -> set[str]:
    return {n for nouns in raw["description_classes"].values() for n in nouns}


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


