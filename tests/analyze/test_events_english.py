"""English events dated as English news tells them: the simple past is the news tense, the past perfect tells
what came just before the news, a date inside an event's own phrase is that event's. Sentences written for these
tests."""

from __future__ import annotations

import importlib.util

import pytest

from recoupe import lang
from recoupe.analyze import nlp as nlp_mod
from recoupe.analyze.runner import Analyzer
from recoupe.model import Document, EventCue
from recoupe.model.vocab import Tense

pytestmark = pytest.mark.skipif(importlib.util.find_spec(nlp_mod.MODELS["en"]) is None, reason="English model not installed")


@pytest.fixture(scope="module")
def cues() -> object:
    analyzer = Analyzer()

    def run(text: str, published: str | None = "2022-10-05") -> list[EventCue]:
        doc = Document(id="doc-en", source="t.txt", text=text, language="en", published=published,
                       published_precision=({10: "day", 7: "month"}.get(len(published)) if published else None))
        return analyzer.analyze(doc).event_cues

    return run


def _by(cues: list[EventCue], trigger: str) -> EventCue:
    found = [c for c in cues if c.span.text == trigger]
    assert found, [(c.span.text, c.type) for c in cues]
    return found[0]


def test_tense_declarations_are_the_packs() -> None:
    en, fr = lang.pack("en").grammar, lang.pack("fr").grammar
    assert Tense.SIMPLE_PAST in en.news_tenses and Tense.SIMPLE_PAST in fr.history_tenses
    assert Tense.PLUPERFECT in en.before_news_tenses and not fr.before_news_tenses
    assert not en.history_tenses


def test_undated_simple_past_news_is_dated_to_the_article_day(cues: object) -> None:
    got = cues("The rebels seized the regional airport, the army said.")  # type: ignore[operator]
    seized = _by(got, "seized")
    assert seized.time is None and seized.attrs.get("ref_date") == "2022-10-05"


def test_past_perfect_takes_only_the_article_month(cues: object) -> None:
    got = cues("Foreign Minister Ana Ruiz had earlier told reporters that the border would stay closed.")  # type: ignore[operator]
    told = _by(got, "told")
    assert told.attrs.get("ref_date") == "2022-10"


def test_an_undated_article_leaves_the_reference_pending(cues: object) -> None:
    got = cues("The rebels seized the regional airport, the army said.", published=None)  # type: ignore[operator]
    seized = _by(got, "seized")
    assert "ref_date" not in seized.attrs and seized.attrs.get("ref_pending") == "day"



def test_an_undated_statement_is_dated_by_the_articles_day_not_the_story_before_it(cues: object) -> None:
    # published Wednesday 5 October 2022; the crash is told on Monday, the spokesman speaks to this dispatch
    got = cues("A cargo plane crashed near Tulsa on Monday. \"We are looking at every possibility,\" airline "
               "spokesman Daniel Reyes told reporters.")
    crashed, told = _by(got, "crashed"), next(c for c in got if c.type == "statement")
    assert crashed.time is not None and crashed.time.value == "2022-10-03"
    assert told.time is None and told.attrs.get("ref_date") == "2022-10-05"


def test_a_call_the_story_tells_keeps_the_narratives_day(cues: object) -> None:
    # published Thursday 6 October 2022: a radio call and an order told in the story are that night's, not the day
    # the investigators speak on; a saying with what is said is dated by the report's day
    got = cues("The ferry Nordlys left the harbour of Bergen late on Wednesday, investigators said on Thursday.\n\n"  # type: ignore[operator]
               "At 2:10 a.m., the captain made a radio call for help, and minutes later ordered the crew to the lifeboats.",
               published="2022-10-06")
    assert [_by(got, w).attrs.get("ref_date") for w in ("made", "ordered")] == ["2022-10-05", "2022-10-05"]


def test_a_time_inside_what_is_said_is_not_when_it_was_said(cues: object) -> None:
    got = cues("Union leader Maria Duarte said 40 trains had been cancelled since Friday.")
    said = next(c for c in got if c.type == "statement")
    assert said.time is None or "2022-09-30" not in (said.time.value or "")


def test_french_statements_keep_the_narratives_day() -> None:
    assert lang.pack("en").grammar.speech_on_report_day and not lang.pack("fr").grammar.speech_on_report_day


@pytest.mark.parametrize(("text", "kind"), [
    ("The freighter lost power and struck a pier of the harbour bridge on Monday.", "other"),
    ("The cargo ship Mirela struck the quay wall on Monday.", "other"),
    ("Rebel fighters struck an army base near the border on Monday.", "military_action"),
])
def test_a_vehicle_striking_something_is_an_accident(cues: object, text: str, kind: str) -> None:
    struck = _by(cues(text), "struck")  # type: ignore[operator]
    assert struck.type == kind
    assert kind != "other" or struck.attrs.get("subtype") == "accident"


def test_a_warplane_striking_is_still_an_attack(cues: object) -> None:
    assert _by(cues("Two fighter jets struck a fuel depot near the border on Monday."), "struck").type == "military_action"  # type: ignore[operator]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Mayor Lena Ortiz thanked the volunteers for repairs completed in March.", "thanked"),
    ("The minister visited a plant opened in 2019.", "visited"),
])
def test_a_time_inside_a_verbs_argument_is_not_the_verbs(cues: object, text: str, trigger: str) -> None:
    cue = _by(cues(text), trigger)  # type: ignore[operator]
    assert cue.time is None, cue.time


def test_an_article_dated_to_its_month_takes_the_days_its_narrative_names(cues: object) -> None:
    text = ("The ferry sank off the cape on 12 March. The coast guard commander described the wreck "
            "as a total loss. The transport minister arrived at the port.")
    got = cues(text, published="2024-03")  # type: ignore[operator]
    assert _by(got, "arrived").attrs.get("ref_date") == "2024-03-12"
    assert next(c for c in got if c.type == "statement").attrs.get("ref_date") == "2024-03-12"


def test_a_month_dated_article_names_no_day_before_its_first_date(cues: object) -> None:
    got = cues("The transport minister arrived at the port. The ferry had sunk off the cape on 12 March.", published="2024-03")  # type: ignore[operator]
    assert _by(got, "arrived").attrs.get("ref_date") != "2024-03-12"


def test_an_undated_articles_cue_keeps_the_time_it_will_read_later(cues: object) -> None:
    # no publication day: "on Tuesday" is unread at analysis; the noun chooses it by the same rules as a read time,
    # and carries it to resolution, which reads it once the article's day is inferred
    text = "Officials decided on Tuesday to begin the evacuation of the coastal villages."
    got = cues(text, published=None)  # type: ignore[operator]
    evacuation = _by(got, "evacuation")
    assert evacuation.time is None
    start, end = evacuation.attrs["pending_time"]
    assert text[start:end] == "on Tuesday"
    dated = _by(cues(text), "evacuation")  # type: ignore[operator]
    assert dated.time is not None and dated.time.value == "2022-10-04" and "pending_time" not in dated.attrs


@pytest.mark.parametrize(("text", "granted"), [
    ("The ministry decided on Monday to recall its envoy after gunmen attacked the consulate.", True),
    ("The ministry plans to recall its envoy because gunmen attacked the consulate.", True),
    ("The ministry plans to recall its envoy if gunmen attack the consulate.", False),
    ("The ministry plans to recall its envoy after gunmen attack the consulate.", False),
])
def test_a_past_clause_told_as_what_came_before_is_taken_for_granted(cues: object, text: str, granted: bool) -> None:
    attacked = next(c for c in cues(text) if c.span.text.startswith("attack"))  # type: ignore[operator]
    assert (attacked.status == "happened") is granted, attacked.attrs.get("status_reason")


def test_an_event_counted_back_from_its_clause_is_dated_that_long_before(cues: object) -> None:
    # published Wednesday 5 October 2022
    got = cues("The first evacuees landed in Lisbon on Tuesday, a week after soldiers attacked the presidential palace.")  # type: ignore[operator]
    attacked = _by(got, "attacked")
    assert attacked.time is not None and attacked.time.value == "2022-09-27"
    assert attacked.attrs["time_offset"]["n"] == -1 and attacked.attrs["time_offset"]["unit"] == "week"
    # a date of the event's own words is its own
    got = cues("Two days after the election on 2 October, the opposition leader was detained.")  # type: ignore[operator]
    assert _by(got, "election").time.value == "2022-10-02"
    # months keep only the month
    got = cues("Rebels attacked the capital on Monday, two months after the ceasefire agreement.")  # type: ignore[operator]
    agreement = _by(got, "agreement")
    assert (agreement.time.value, agreement.time.precision) == ("2022-08", "month")


def test_an_undated_articles_count_back_travels_with_its_unread_time(cues: object) -> None:
    text = "The first evacuees landed in Lisbon on Tuesday, a week after soldiers attacked the presidential palace."
    attacked = _by(cues(text, published=None), "attacked")  # type: ignore[operator]
    assert attacked.time is None and text[slice(*attacked.attrs["pending_time"])] == "on Tuesday"
    assert attacked.attrs["time_offset"]["n"] == -1


@pytest.mark.parametrize(("text", "trigger", "not_date"), [
    ("Hungary, which takes over the council presidency in July, backs the plan, and President Lena Ruiz urged it to act.",
     "urged", "2022-07"),
    ("Gunmen attacked the convoy near the border; the army closed the road on Monday.", "attacked", "2022-10-03"),
])
def test_a_time_of_another_clause_does_not_date_the_cue(cues: object, text: str, trigger: str, not_date: str) -> None:
    cue = _by(cues(text), trigger)  # type: ignore[operator]
    assert cue.time is None or not_date not in (cue.time.value or ""), cue.time


def test_a_date_something_is_set_for_dates_it_not_the_verb(cues: object) -> None:
    # published Wednesday 5 October 2022: "for Oct. 9" is the coming one, whatever the tense, and it is the
    # mourning's; the declaring shares the flying's day
    got = cues("President Ana Silva flew into the flooded province on Tuesday, declaring a day of national mourning "  # type: ignore[operator]
               "for Oct. 9.")
    declaring = _by(got, "declaring")
    assert declaring.time is not None and declaring.time.value == "2022-10-04"
    # a date that modifies a noun is no target: "for the 2 October attack" is the past one
    got = cues("The court jailed two men for the 2 October attack on the depot.")  # type: ignore[operator]
    assert _by(got, "attack").time.value == "2022-10-02"


def test_a_participle_adjunct_shares_its_verbs_time_in_an_undated_article(cues: object) -> None:
    text = "President Ana Silva flew into the flooded province on Tuesday, declaring a day of national mourning."
    declaring = _by(cues(text, published=None), "declaring")  # type: ignore[operator]
    assert text[slice(*declaring.attrs["pending_time"])] == "on Tuesday"


def test_a_deadline_names_no_day_for_the_narrative(cues: object) -> None:
    # "by Wednesday" is a period open at its start: it names no day the story happened on, so the cues after it
    # take the article's day, never a malformed one
    text = ("The relief convoy would arrive at the camp by Wednesday afternoon, officials said. "
            "Two tugboats were heading to the harbour.")
    got = cues(text)  # type: ignore[operator]
    assert any(c.time is not None and (c.time.value or "").startswith("../") for c in got), [(c.span.text, c.time) for c in got]
    assert _by(got, "heading").attrs.get("ref_date") == "2022-10-05"


def test_a_time_inside_an_event_nouns_phrase_is_the_nouns_not_the_verbs(cues: object) -> None:
    text = "The minister arrived on the tenth anniversary of the bombing of the harbour at Carvel on March 3, 2014."
    out = cues(text, published="2024-03-04")
    assert _by(out, "bombing").time is not None and _by(out, "bombing").time.value == "2014-03-03"
    assert _by(out, "arrived").time is None


@pytest.mark.parametrize("text,trigger,subtype", [
    ("On 4 March the stranded ferry was refloated and towed to the yard.", "refloated", "rescue"),
    ("Angry farmers jeered the minister's convoy outside the town hall.", "jeered", "protest"),
    ("The tanker lost power shortly before dawn.", "lost", "accident"),
    ("Divers recovered the bodies of three fishermen on Sunday.", "recovered", "rescue"),
])
def test_english_happenings_are_other_with_a_subtype(cues: object, text: str, trigger: str, subtype: str) -> None:
    c = _by(cues(text, published="2024-03-06"), trigger)
    assert c.type == "other" and c.attrs["subtype"] == subtype


def test_a_count_back_is_not_taken_from_a_time_inside_the_events_own_words(cues: object) -> None:
    # the time after "after" is the counted event's own; the clause it is counted from names none
    text = ("The reopening came six weeks after the barge Orla lost power and struck the lock gate at Denholm "
            "on 2 February, injuring two workers.")
    lost = _by(cues(text, published="2024-04-20"), "lost")
    assert lost.time is None or lost.time.value != "2023-12-22"


@pytest.mark.parametrize(("text", "trigger", "value"), [
    # published Wednesday 5 October 2022
    ("The union accused the mayor on Monday of lying, a charge the mayor denied the same evening.", "denied", "2022-10-03"),
    ("The ferry sank on 28 September. Rescuers reached the survivors the following day.", "reached", "2022-09-29"),
    ("The dam gave way on 27 September. That night, soldiers evacuated the valley.", "evacuated", "2022-09-27"),
    ("The storm hit the coast on 29 September, and the governor declared an emergency that same day.", "declared", "2022-09-29"),
])
def test_the_same_evening_and_the_next_day_count_from_the_day_last_named(cues: object, text: str, trigger: str, value: str) -> None:
    c = _by(cues(text), trigger)  # type: ignore[operator]
    assert c.time is not None and c.time.value == value


def test_a_time_closing_a_coordination_of_verbs_dates_them_all(cues: object) -> None:
    # the count back ("nine weeks after") is from the clause's time, never over the event's own date
    got = cues("The lock reopened nine weeks after the barge Orla lost power and struck a gate at about 4 a.m. "  # type: ignore[operator]
               "on 30 March, injuring three workers.", published="2022-06-01")
    lost, struck = _by(got, "lost"), _by(got, "struck")
    assert struck.time is not None and struck.time.value == "2022-03-30"
    assert lost.time is not None and lost.time.value == "2022-03-30"


def test_a_time_written_before_the_later_verb_is_its_own(cues: object) -> None:
    got = cues("The envoy landed in Quito and on Friday met the foreign minister.")  # type: ignore[operator]
    landed = _by(got, "landed")
    assert landed.time is None or landed.time.value != "2022-09-30"


def test_a_participle_describing_a_noun_takes_no_date_of_the_clause(cues: object) -> None:
    got = cues("The removal of a collapsed crane resting on the deck followed on 3 May.")  # type: ignore[operator]
    collapsed = _by(got, "collapsed")
    assert collapsed.time is None and "ref_date" not in collapsed.attrs


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("Hundreds of rioters occupied the town hall in Corvale on Sunday.", "occupied", "other"),
    ("Protesters attacked the consulate in Corvale on Sunday.", "attacked", "other"),
    ("Government troops attacked the rebel camp near Corvale on Sunday.", "attacked", "military_action"),
])
def test_a_crowds_attack_is_unrest_not_a_military_action(cues: object, text: str, trigger: str, kind: str) -> None:
    c = _by(cues(text), trigger)  # type: ignore[operator]
    assert c.type == kind and (kind != "other" or c.attrs.get("subtype") == "protest")


@pytest.mark.parametrize(("text", "trigger", "found"), [
    ("A wing fragment was later found some 2 km from the crash site.", "found", True),
    ("Sonar buoys detected knocking sounds on Monday.", "detected", True),
    ("She found the proposal interesting.", "found", False),
])
def test_finding_wreckage_or_detecting_a_signal_is_an_event_of_the_search(cues: object, text: str, trigger: str, found: bool) -> None:
    got = [c for c in cues(text) if c.span.text == trigger]  # type: ignore[operator]
    assert bool(got) == found and all(c.type == "other" for c in got)


@pytest.mark.parametrize(("text", "trigger", "agreement"), [
    ("Lisbon and Rabat agreed on Tuesday to reopen the ferry line.", "agreed", True),
    ("The two governments pledged to share radar data.", "pledged", True),
    ("Both parties vowed to respect the ceasefire.", "vowed", True),
    ("Portugal agreed with Morocco to extend the fishing quota.", "agreed", True),
    ("The minister agreed that the figures were worrying.", "agreed", False),
    ("He vowed to fight on.", "vowed", False),
])
def test_agreeing_or_pledging_together_is_an_agreement(cues: object, text: str, trigger: str, agreement: bool) -> None:
    # several parties settling something together is an agreement; one actor agreeing is an opinion
    got = [c for c in cues(text) if c.span.text == trigger and c.type == "agreement"]  # type: ignore[operator]
    assert bool(got) == agreement


@pytest.mark.parametrize(("text", "trigger", "found"), [
    ("The regional authorities said on Tuesday that the pier would stay closed.", "said", True),
    ("It was said on Tuesday that the pier would stay closed.", "said", False),
])
def test_a_statement_by_an_unnamed_but_definite_speaker(cues: object, text: str, trigger: str, found: bool) -> None:
    got = [c for c in cues(text) if c.type == "statement" and c.span.text == trigger]  # type: ignore[operator]
    assert bool(got) == found and all(not c.participants for c in got)


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("The government suspended its military aid to the junta on Monday.", "suspended", "sanction"),
    ("The judge suspended the hearing on Monday.", "suspended", "other"),
    ("Washington froze the assets of three banks.", "froze", "sanction"),
    ("The rebels accepted the ceasefire proposal on Friday.", "accepted", "agreement"),
])
def test_what_a_decision_acts_on_can_make_it_a_sanction(cues: object, text: str, trigger: str, kind: str) -> None:
    assert _by(cues(text), trigger).type == kind  # type: ignore[operator]


def test_a_past_told_under_an_announcement_happened(cues: object) -> None:
    c = _by(cues("The ministry announced that the rebels had accepted the proposal."), "accepted")  # type: ignore[operator]
    assert c.status == "happened"


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("The plane took off from Corvale airport at dawn.", "took", "departure"),
    ("A second jet touched down just before midnight.", "touched", "arrival"),
    ("The envoy flew out on Monday.", "flew", "departure"),
    ("The premier stepped down on Monday.", "stepped", "other"),
    ("She took off her coat.", "took", None),
])
def test_a_phrasal_verbs_particle_gives_its_reading(cues: object, text: str, trigger: str, kind: str | None) -> None:
    got = [c for c in cues(text) if c.span.text == trigger]  # type: ignore[operator]
    assert [c.type for c in got] == ([kind] if kind else [])


def test_a_departure_from_a_place_is_placed_there(cues: object) -> None:
    c = _by(cues("The convoy departed from Lisbon on Monday."), "departed")  # type: ignore[operator]
    assert c.place is not None and c.place.text == "Lisbon"


def test_a_count_later_is_from_the_day_last_named(cues: object) -> None:
    c = _by(cues("The dam gave way on 12 September. Two days later, soldiers evacuated the valley."), "evacuated")  # type: ignore[operator]
    assert c.time is not None and c.time.value == "2022-09-14"


def test_a_place_said_by_at_the_scene_is_the_one_named_before(cues: object) -> None:
    c = _by(cues("The plane crashed near Lisbon on Monday. Rescuers arrived at the scene an hour later."), "arrived")  # type: ignore[operator]
    assert c.place is not None and c.place.text == "Lisbon"


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("Two gunmen opened fire at a bus stop on Monday.", "opened", "military_action"),
    ("The parties extended the truce by two days.", "extended", "agreement"),
    ("The rebels freed twelve hostages on Sunday.", "freed", "transfer"),
])
def test_opening_fire_freeing_people_extending_a_truce(cues: object, text: str, trigger: str, kind: str) -> None:
    assert _by(cues(text), trigger).type == kind  # type: ignore[operator]


@pytest.mark.parametrize(("text", "trigger", "kind", "found"), [
    ("The hurricane hit the coast on Sunday.", "hit", "other", True),
    ("Prices hit a record on Sunday.", "hit", "other", False),
    ("The president is expected in Lisbon on Friday.", "expected", "arrival", True),
    ("The report is expected on Friday.", "expected", "arrival", False),
])
def test_storms_striking_and_expected_arrivals(cues: object, text: str, trigger: str, kind: str, found: bool) -> None:
    got = [c for c in cues(text) if c.span.text == trigger]  # type: ignore[operator]
    assert bool(got) == found and all(c.type == kind for c in got)


def test_a_planned_event_on_a_bare_weekday_is_the_coming_one(cues: object) -> None:
    # published Wednesday 5 October 2022: the nearest Monday is gone, the planned meeting is the next
    c = _by(cues("The envoy is expected to meet the rebels on Monday."), "meet")  # type: ignore[operator]
    assert c.status == "planned" and c.time is not None and c.time.value == "2022-10-10"


def test_an_english_passive_is_read_as_one(cues: object) -> None:
    c = _by(cues("Twelve hostages were freed on Sunday."), "freed")  # type: ignore[operator]
    assert c.type == "transfer" and c.attrs.get("passive")


@pytest.mark.parametrize(("text", "found"), [
    ("The minister will go to Lisbon next week.", True),
    ("Prices went up in Lisbon.", False),
])
def test_going_somewhere_is_a_journey(cues: object, text: str, found: bool) -> None:
    got = [c for c in cues(text) if c.attrs.get("trigger") == "go"]  # type: ignore[operator]
    assert bool(got) == found and all(c.type == "travel" for c in got)


def test_a_minute_of_silence_is_a_ceremony(cues: object) -> None:
    c = _by(cues("The mayor of Lisbon led a minute of silence on Monday."), "minute")  # type: ignore[operator]
    assert c.type == "other" and c.attrs.get("subtype") == "ceremony"


@pytest.mark.parametrize(("text", "trigger", "kind", "found"), [
    ("The refugees crossed into Spain on Monday.", "crossed", "travel", True),
    ("She crossed the street.", "crossed", "travel", False),
    ("The hostages were then taken into Portugal.", "taken", "arrival", True),
    ("The wreck was towed to the port of Lisbon on Monday.", "towed", "travel", True),
    ("Police stopped traffic on the bridge at dawn.", "stopped", "other", True),
    ("The mayor of Lisbon made a statement on Monday.", "made", "statement", True),
])
def test_crossing_being_taken_towing_stopping_traffic_making_a_statement(cues: object, text: str, trigger: str,
                                                                        kind: str, found: bool) -> None:
    got = [c for c in cues(text) if c.span.text == trigger]  # type: ignore[operator]
    assert bool(got) == found and all(c.type == kind for c in got)


def test_an_event_noun_a_light_verb_governs_is_that_verbs_event(cues: object) -> None:
    # "signed an agreement": one agreement, the English direct object (dobj) read as the French one (obj)
    got = [c for c in cues("Lisbon and Rabat signed an agreement on Monday.") if c.type == "agreement"]  # type: ignore[operator]
    assert len(got) == 1


def test_raising_concerns_is_a_statement(cues: object) -> None:
    c = _by(cues("The engineer, Anna Berg, raised concerns about the hull in 2018."), "raised")  # type: ignore[operator]
    assert c.type == "statement"


def test_the_same_year_dates_by_the_year_last_named(cues: object) -> None:
    c = _by(cues("In 2015 the regulator warned the firm in a letter. The same year, its chief engineer raised concerns."), "raised")  # type: ignore[operator]
    assert c.time is not None and c.time.value == "2015"


def test_what_a_thing_is_made_to_do_is_no_happening(cues: object) -> None:
    got = [c for c in cues("The army showed missiles designed to strike Lisbon.") if c.type == "military_action"]  # type: ignore[operator]
    assert not got


def test_a_datelines_date_does_not_date_its_first_sentence(cues: object) -> None:
    # the dateline says when the dispatch was filed; the collision is told with no date of its own
    got = cues("LISBON, Oct 5 - A freighter struck the harbour wall before dawn, port officials said.")  # type: ignore[operator]
    struck = _by(got, "struck")
    assert struck.time is None or struck.time.span.text != "Oct 5"


def test_a_datelines_place_is_not_where_its_first_sentence_happens(cues: object) -> None:
    # the town of the dateline is where the dispatch was filed: the collision names no place, the speakers speak there
    got = cues("LISBON, Oct 5 - A freighter struck a rock before dawn, the pilot Ana Duarte said.")  # type: ignore[operator]
    assert _by(got, "struck").place is None
    said = _by(got, "said")
    assert said.place is not None and said.place.text == "LISBON"


def test_rockets_fired_at_a_town_are_an_attack(cues: object) -> None:
    got = cues("On Saturday, militants fired rockets at the port of Brionne.")  # type: ignore[operator]
    assert _by(got, "fired").type == "military_action"
    missile = cues("On Saturday, the navy fired a missile over the sea.")  # type: ignore[operator]
    assert _by(missile, "fired").type == "launch"


def test_the_same_evening_after_an_unread_day_is_read_with_it(cues: object) -> None:
    # an undated article: "on Monday" is unread at analysis, and so is "the same evening", counted from it
    text = "On Monday, the union accused the port of negligence; the mayor Ana Duarte denied it the same evening."
    denied = _by(cues(text, published=None), "denied")  # type: ignore[operator]
    start, end = denied.attrs["pending_time"]
    assert text[start:end] == "the same evening"
