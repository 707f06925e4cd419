"""The French words of geography: category words before a place name ("la gare de X"), region designators
("le kraï de X"), prepositions that locate ("X, en Russie", "près de Y"), abbreviations of countries, and the
spelling rules from French renderings of Cyrillic names to the English ones GeoNames uses."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from recoupe.errors import RecoupeError

if TYPE_CHECKING:
    from recoupe.lang.fr.lexicon import Lexicon

_LOWER_WORD = r"[a-zàâäéèêëîïôöùûüçœæ'-]+"


@dataclass(frozen=True)
class GeoWords:
    """The French words geocoding reads around names (data/geo.json), compiled; and what the gazetteer build and
    lookups need of French (region designators, spelling rules for Cyrillic names). Satisfies
    `recoupe.geo.geocoder.PlaceWords` and `recoupe.geo.gazetteer.GazetteerWords`."""

    articles: tuple[str, ...]
    categories: list[tuple[str, str]]  # (category word, category), longest word first
    region_words: tuple[str, ...]
    state_forms: tuple[str, ...]
    not_places: tuple[str, ...]  # words that are never places (keyed by the geocoder)
    country_names: dict[str, str]  # abbreviation or long form of a country's name -> ISO code
    near_km: dict[str, float]
    before_category: re.Pattern[str]  # "... cosmodrome de" right before a name
    before_region: re.Pattern[str]  # "... région de l'" right before a name
    name_category: re.Pattern[str]  # "gare de X" as a whole name
    name_region: re.Pattern[str]
    after_located: re.Pattern[str]  # ", en" / "dans le" / "(" right after a name
    before_equipment: re.Pattern[str]  # "les nouveaux lanceurs " right before a name: a model, not a place
    article_before: re.Pattern[str]  # a definite article, bare or contracted ("du Finistère", "au Japon"), before a name
    range_before: re.Pattern[str]  # "de X" before a name: "de X au Y" is a range, not X inside Y
    range_after: tuple[str, ...]  # "au", "en" after a name, that "de" before it makes a range
    near_words: tuple[str, ...]  # "près de Y", "loin de Y"
    town_articles: tuple[str, ...]  # the articles a town's own name may start with ("Le Havre")
    designator: re.Pattern[str]  # a region word and its connector at the start of a French region name
    translit: tuple[tuple[re.Pattern[str], str], ...]  # French -> English spelling rules of Cyrillic-script names
    fingerprint: bytes  # what the gazetteer index depends on: the bytes of geo.json
    locality_after: re.Pattern[str] = re.compile("(?!)")  # ", à " right after a site's name: its town follows
    place_before: re.Pattern[str] = re.compile("(?!)")  # "à " right before a name: a place stands there
    article_town_categories: tuple[str, ...] = ()  # sites placed at their article's town when the text names none
    # folded nationality adjective or noun ("canadien", "Canadiens") -> ISO code: an article's country evidence
    nationalities: dict[str, str] = field(default_factory=dict)
    # languages that put the category word after the name ("Sheremetyevo airport", "the Key Bridge"): that word at
    # the end of a name, right after a mention, and a possessive town before one ("Rome's Ciampino airport")
    name_category_after: re.Pattern[str] = re.compile("(?!)")
    after_category: re.Pattern[str] = re.compile("(?!)")
    # "les régions de X et de " right before a name: the second of coordinated regions is one too
    before_region_list: re.Pattern[str] = re.compile("(?!)")
    name_region_after: re.Pattern[str] = re.compile("(?!)")  # "Lipetsk region", "Kherson Oblast": a region word last
    possessive_before: re.Pattern[str] = re.compile("(?!)")
    # the language names countries as GeoNames' English names do ("Grenada" is the country, not Granada)
    country_names_in_english: bool = False
    # "à l'heure de " right before a town, " time" right after one: it names a clock's time zone
    zone_before: re.Pattern[str] = re.compile("(?!)")
    zone_after: re.Pattern[str] = re.compile("(?!)")
    located_before: re.Pattern[str] = re.compile("(?!)")  # "à ", "sur ", "le nord de " right before a name

    def category_of(self, word: str) -> str:
        w = word.lower()
        for cw, c in self.categories:
            if cw == w:
                return c
        return "region"

    def respell(self, key: str) -> str:
        """The English transliteration a French spelling of a (Cyrillic-script) name most likely stands for."""
        words = []
        for w in key.split():
            for pat, rep in self.translit:
                w = pat.sub(rep, w)
            words.append(w)
        return " ".join(words)


def load(data: Callable[[str], Any], general: Lexicon) -> GeoWords:
    """The geo words from the pack's geo.json and translit.tsv (validated by their schemas), with the equipment nouns
    of the general lexicon; cross-checked so that a typo fails here rather than silently matching nothing."""
    where = "recoupe/lang/fr/data/geo.json"
    try:
        raw = data("geo.json")
        cats = sorted(((w.lower(), c) for c, ws in raw["site_categories"].items() for w in ws),
                      key=lambda x: -len(x[0]))
        regions = tuple(sorted((w.lower() for w in raw["region_words"]), key=len, reverse=True))
        connectors = sorted(raw["connectors"], key=len, reverse=True)
        located = sorted(raw["located_in"], key=len, reverse=True)
        articles = tuple(raw["articles"])
        state_forms = tuple(sorted(raw["state_forms"], key=len, reverse=True))
        not_places = tuple(raw["not_places"])
        near = {k: float(v) for k, v in raw["sites_near_km"].items()}
        country_names = {k: str(v) for k, v in raw["country_names"].items() if not k.startswith("_")}
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise RecoupeError(f"{where}: malformed: {e}") from e
    # cross-checks, so that a typo in the file fails here rather than silently matching nothing
    unknown = set(near) - set(raw["site_categories"])
    if unknown:
        raise RecoupeError(f"{where}: sites_near_km names unknown categories {sorted(unknown)}")
    bad = [k for k, v in country_names.items() if not re.fullmatch(r"[A-Z]{2}", v)]
    if bad:
        raise RecoupeError(f"{where}: country_names needs ISO 3166 alpha-2 codes, not for {bad}")
    alt = lambda ws: "|".join(re.escape(w) for w in ws)  # noqa: E731
    # a connector ("de", "du", "de la") then a space, or an elided one ("d'", "de l'") glued to the name,
    # or none at all ("le cosmodrome Vostotchny")
    spaced = alt(c for c in connectors if not c.endswith("'"))
    elided = alt(c for c in connectors if c.endswith("'"))
    conn = rf"(?:\s+(?:{spaced})\s+|\s+(?:{elided})\s*|\s+)"
    adjs = rf"(?:\s+{_LOWER_WORD}){{0,2}}?"
    cat_words = alt(w for w, _ in cats)
    reg_words = alt(regions)
    # an equipment noun (data/fr/equipment.json), singular or plural, then at most one adjective, glued to
    # the name with no preposition: "les lanceurs Ariane", "le sous-marin Koursk" name a model or a vessel;
    # "des drones sur Moscou" does not, so a function word between them breaks the pattern
    plural = lambda n: r"\s+".join(rf"{re.escape(w)}(?:s|x)?" for w in n.split())  # noqa: E731
    equip = "|".join(plural(n) for n in general.equipment)
    function_words = alt(sorted({*raw["function_words"], *connectors, *articles, *located}, key=len, reverse=True))
    adj = rf"(?:\s+(?!(?:{function_words})\b){_LOWER_WORD})?"
    translit: list[tuple[re.Pattern[str], str]] = []
    for n, row in enumerate(data("translit.tsv"), 1):
        try:
            translit.append((re.compile(row[0]), row[1]))
        except re.error as e:
            raise RecoupeError(f"recoupe/lang/fr/data/translit.tsv: row {n}: bad pattern {row[0]!r}: {e}") from e
    designator = re.compile(rf"^(?:{alt(sorted(raw['region_words'], key=len, reverse=True))})(?:\s+[a-zàâäéèêëîïôöùûüç]+)?"
                            rf"(?:\s+(?:{alt(sorted(raw['connectors'], key=len, reverse=True))})\s*|\s+)(?=\w)", re.I)
    return GeoWords(
        articles=articles, categories=cats, region_words=regions, state_forms=state_forms,
        not_places=not_places, near_km=near, country_names=country_names,
        before_category=re.compile(rf"(?:^|[^\w])({cat_words}){adjs}{conn}$", re.I),
        before_region=re.compile(rf"(?:^|[^\w])({reg_words}){adjs}{conn}$", re.I),
        before_region_list=_region_list(raw, reg_words, adjs, conn, spaced, elided),
        name_category=re.compile(rf"^({cat_words}){adjs}{conn}(?=\w)", re.I),
        name_region=re.compile(rf"^({reg_words}){adjs}{conn}(?=\w)", re.I),
        # "X, en Y", "X (Y)"; a bare comma too in a language that puts a town's region after it ("X, Illinois")
        after_located=re.compile(rf"^\s*(?:,\s*)?(?:\(\s*|(?:{alt(located)})\s*)"
                                 + (r"|^\s*,\s*(?=(?-i:[A-ZÀ-Þ]))" if raw.get("comma_locates") else ""), re.I),
        before_equipment=re.compile(rf"(?:^|[^\w-])(?:{equip}){adj}\s+$", re.I),
        article_before=re.compile(r"(?:^|[^\w])(?:le|la|les|l'|du|au|aux)\s*$", re.I),
        range_before=re.compile(r"(?:^|\s)(?:de|du|d'|des|depuis)\s*(?:la |l'|le |les )?$"),
        range_after=("au", "aux", "en"), near_words=("près", "loin"), town_articles=("Le ", "La ", "Les ", "L'"),
        designator=designator, translit=tuple(translit),
        fingerprint=resources.files("recoupe.lang.fr.data").joinpath("geo.json").read_bytes(),
        locality_after=re.compile(rf"^\s*,?\s*(?:{alt(sorted(raw.get('locality_before', []), key=len, reverse=True))})\s*(?=[A-ZÀ-Þ])"),
        article_town_categories=tuple(raw.get("article_town_categories", [])),
        nationalities=dict(general.nationality),
        country_names_in_english=bool(raw.get("country_names_in_english", False)),
        zone_before=_words_pattern(raw.get("clock_zone_before", []), r"(?:^|[^\w])(?:{})\s*$"),
        # "skiait à La X": the article of a town's own name may stand between
        located_before=_words_pattern(raw.get("located_before", []), r"(?:^|[^\w'’])(?:{})\s*(?:(?:"
                                      + "|".join(re.escape(x).replace("'", "['’]") for x in articles) + r")\s*)?$"),
        zone_after=_words_pattern(raw.get("clock_zone_after", []), r"\s+(?:{})\b"),  # matched at the end of a name
        place_before=re.compile(rf"(?:^|[^\w])(?:{alt(sorted(raw.get('place_prepositions', []), key=len, reverse=True))})\s*$", re.I),
        **_after_name(raw, cat_words, reg_words),
    )


def _words_pattern(words: list[str], shape: str) -> re.Pattern[str]:
    """A case-folded pattern of these words in this shape ({} stands for them), or one that matches nothing."""
    if not words:
        return re.compile("(?!)")
    return re.compile(shape.format("|".join(re.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))),
                      re.I)


def _region_list(raw: dict[str, Any], reg_words: str, adjs: str, conn: str, spaced: str, elided: str) -> re.Pattern[str]:
    """A plural region word, its first names, then a coordinator (geo.json `coordinators`) and the connector the
    next name takes, right before a name: "les régions de Voronej et de ", "the regions of Kursk and "."""
    coords = "|".join(re.escape(w) for w in raw.get("coordinators", []))
    if not coords:
        return re.compile("(?!)")
    word = r"[A-ZÀ-Þ][\w'’-]*"
    name = rf"{word}(?:[\s-]+{word}){{0,2}}"
    link = rf"(?:(?i:{spaced})\s+|(?i:{elided})\s*)?"
    return re.compile(rf"(?:^|[^\w])(?i:(?:{reg_words})s{adjs}{conn}){name}(?:\s*,\s*{link}{name})*"
                      rf"\s*,?\s*(?i:{coords})\s+{link}$")


def _after_name(raw: dict[str, Any], cat_words: str, reg_words: str) -> dict[str, re.Pattern[str]]:
    """The patterns of a language whose category word follows the name (geo.json `category_after_name`)."""
    if not raw.get("category_after_name"):
        return {}
    return {
        # "Francis Scott Key Bridge", "Vnukovo International Airport": the name, then its category word
        "name_category_after": re.compile(rf"(?<=\w)\s+({cat_words})$", re.I),
        "after_category": re.compile(rf"^\s+({cat_words})\b", re.I),
        # "Lipetsk region", "Kherson Oblast": the name, then a region word
        "name_region_after": re.compile(rf"(?<=\w)\s+({reg_words})$", re.I),
        # "Rome's Ciampino airport": the town whose site it is, in the possessive, right before the name
        "possessive_before": re.compile(r"(?:^|[^\w])([A-ZÀ-Þ][\w-]+(?:\s+[A-ZÀ-Þ][\w-]+)?)['’]s\s+$"),
    }


