"""General French lexicons (nationalities, roles, organisation words, equipment) with the language-neutral country
table (`recoupe/data/countries.json`), checked at load; the pack builds them once, on first use."""

from __future__ import annotations

import re
import dataclasses
from dataclasses import dataclass
from collections.abc import Callable
from typing import Any

from recoupe.data import data_file
from recoupe.errors import DataFileError
from recoupe.lang.datafiles import fail
from recoupe.model.text import fold


def _feminine_plural(adj: str) -> set[str]:
    forms = {adj}
    if adj.endswith("e"):
        fem = adj
    elif adj.endswith(("ien", "éen", "en")):
        fem = adj + "ne"
    elif adj.endswith("on"):
        fem = adj + "ne"
    elif adj.endswith("c"):
        fem = adj + "que"
    else:
        fem = adj + "e"
    forms.add(fem)
    for f in (adj, fem):
        forms.add(f if f.endswith(("s", "x")) else f + "s")
    return forms


@dataclass(frozen=True)
class Lexicon:
    country_by_name: dict[str, str]  # folded country name (any language we ship) -> ISO code
    country_by_capital: dict[str, str]  # folded capital name (exonyms included) -> ISO code
    country_name_fr: dict[str, str]  # ISO code -> French name
    nationality: dict[str, str]  # folded adjective form -> ISO code
    roles: tuple[str, ...]
    role_group: dict[str, str]  # folded role -> group name, for roles naming the same position
    honorifics: tuple[str, ...]
    determiners: tuple[str, ...]
    org_heads: frozenset[str]
    state_words: frozenset[str]
    site_words: frozenset[str]  # category words that make a place of what follows ("gare de X")
    not_names: frozenset[str]  # folded
    seats_of_power: frozenset[str]  # folded
    equipment: tuple[str, ...]
    model_pattern: re.Pattern[str]
    pair_nouns: tuple[str, ...] = ()  # "les deux dirigeants": a group of the last two people named
    relational_roles: frozenset[str] = frozenset()  # folded: "son homologue", "son épouse" (relative to someone)
    counterpart_roles: frozenset[str] = frozenset()  # folded: "homologue" (the same position, on the other side)
    role_premodifiers: tuple[str, ...] = ()  # "l'ancien ministre"
    role_modifiers: tuple[str, ...] = ()  # "le ministre démissionnaire de l'Intérieur"
    seat_country: dict[str, str] = dataclasses.field(default_factory=dict)  # folded seat of power -> ISO code


def load(data: Callable[[str], Any], forms: Callable[[str], set[str]] = _feminine_plural, where: str = "recoupe/lang/fr/data") -> Lexicon:
    """The general lexicon from the pack's data files (`data(name)`, validated) and the country table; `forms`
    gives the written forms of a nationality adjective (French: feminine and plural)."""
    countries = data_file("countries.json")["countries"]
    by_name: dict[str, str] = {}
    by_capital: dict[str, str] = {}
    name_fr: dict[str, str] = {}
    for c in countries:
        code = c["code"]
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise DataFileError(f"countries.json: bad country code {code!r}")
        name_fr[code] = c["name_fr"]
        for n in c["names"]:
            by_name.setdefault(fold(n), code)
        for n in c["capital_names"]:
            by_capital.setdefault(fold(n), code)
    nationality: dict[str, str] = {}
    for n, parts in enumerate(data("nationalities.tsv"), 1):
        if parts[1] not in name_fr:
            raise fail(f"{where}/nationalities.tsv", f"row {n}", f"{parts[1]!r} is no country code of countries.json")
        for form in forms(parts[0].strip()):
            nationality.setdefault(fold(form), parts[1])
    roles = data("roles.json")
    orgs = data("organizations.json")
    equipment = data("equipment.json")
    try:
        pattern = re.compile(equipment["model_pattern"])
    except re.error as e:
        raise fail(f"{where}/equipment.json", "model_pattern", f"bad regular expression ({e})") from None
    return Lexicon(
        country_by_name=by_name, country_by_capital=by_capital, country_name_fr=name_fr, nationality=nationality,
        roles=tuple(sorted(roles["roles"], key=len, reverse=True)),
        role_group={fold(r): g for g, rs in roles.get("role_groups", {}).items() if not g.startswith("_") for r in rs},
        honorifics=tuple(roles["honorifics"]),
        determiners=tuple(sorted(roles["determiners"], key=len, reverse=True)),
        org_heads=frozenset(fold(w) for w in orgs["head_words"]),
        site_words=frozenset(fold(w) for w in orgs.get("site_words", [])),
        state_words=frozenset(fold(w) for w in orgs.get("state_words", [])), not_names=frozenset(fold(w) for w in roles.get("not_names", [])), seats_of_power=frozenset(fold(w) for w in orgs["seats_of_power"]),
        equipment=tuple(sorted(equipment["nouns"], key=len, reverse=True)), model_pattern=pattern,
        pair_nouns=tuple(sorted(roles.get("pair_nouns", []), key=len, reverse=True)),
        relational_roles=frozenset(fold(r) for r in roles.get("relational_roles", [])),
        counterpart_roles=frozenset(fold(r) for r in roles.get("counterpart_roles", [])),
        role_premodifiers=tuple(sorted(roles.get("role_premodifiers", []), key=len, reverse=True)),
        role_modifiers=tuple(sorted(roles.get("role_modifiers", []), key=len, reverse=True)),
        seat_country={fold(k): v for k, v in orgs.get("seat_country", {}).items() if not k.startswith("_")},
    )
