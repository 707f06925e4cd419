"""Issue 14's merging guards, on cue items written for these tests: across articles a shared actor alone makes no
one happening; statements merge only on the same day; headlines and speculation do not count as sources."""

from __future__ import annotations

from recoupe.model import Span
from recoupe.resolve.events import CueItem, merge_cues


def cue(doc: str, start: int, type_: str = "visit", date: str | None = None, place: str | None = None,
        parts: tuple[str, ...] = ("ent-a",), status: str = "happened") -> CueItem:
    return CueItem(key=(doc, start), type=type_, status=status, participants=frozenset(parts), place=place,
                   date=date, precision={10: "day", 7: "month"}.get(len(date or ""), None),
                   source=Span(doc, start, start + 5, "xxxxx"), outlet=f"doc:{doc}", ref_own=True)


def test_two_articles_with_one_actor_and_nothing_else_alike_stay_apart() -> None:
    assert len(merge_cues([cue("d1", 0), cue("d2", 0)])) == 2


def test_two_articles_sharing_a_place_or_a_date_merge() -> None:
    assert len(merge_cues([cue("d1", 0, place="ent-p"), cue("d2", 0, place="ent-p")])) == 1
    assert len(merge_cues([cue("d1", 0, date="2024-03-04"), cue("d2", 0, date="2024-03-04")])) == 1


def test_statements_merge_only_on_the_same_day_and_never_within_one_article() -> None:
    same_day = [cue("d1", 0, "statement", "2024-03-04"), cue("d2", 0, "statement", "2024-03-04")]
    assert len(merge_cues(same_day)) == 1
    assert len(merge_cues([cue("d1", 0, "statement", "2024-03"), cue("d2", 0, "statement", "2024-03")])) == 2
    assert len(merge_cues([cue("d1", 0, "statement", "2024-03-04"), cue("d1", 50, "statement", "2024-03-04")])) == 2


def test_an_undated_article_joins_a_dated_event_on_its_actor_but_not_an_undated_one() -> None:
    from dataclasses import replace
    undated = replace(cue("d2", 0), ref_own=False)
    # a dated event: what the undated article shares with it is how its writing day is inferred
    assert len(merge_cues([cue("d1", 0, date="2024-03-04"), undated])) == 1
    # an event with no date teaches the inference nothing: one shared actor does not make one happening
    assert len(merge_cues([cue("d1", 0), undated])) == 2


def test_a_cue_with_nothing_to_merge_on_is_an_event_of_its_own() -> None:
    bare = [cue("d1", 0, parts=()), cue("d2", 0, parts=())]
    clusters = merge_cues(bare)
    assert len(clusters) == 2 and all(len(c.members) == 1 for c in clusters)
