"""Unit tests of the extraction pieces: numbers, qualifiers, cleanup and spans, timings,
attribution. The fixture articles (test_extraction_fixtures.py) test them together."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from claims.extraction import ExtractedFigure, ExtractedTiming, extract, extractor
from claims.extraction.numbers import parse_number
from claims.extraction.qualifiers import parse_figures
from claims.extraction.text import clean, split_sentences
from claims.extraction.timing import day_of, find_timings


@pytest.fixture(autouse=True)
def strict(monkeypatch):
    """Internal errors fail the test instead of silently losing a sentence's claims."""
    monkeypatch.setattr(extractor, "STRICT", True)


def figures(text: str, **kw) -> list[ExtractedFigure]:
    return [c for c in extract(text, **kw) if isinstance(c, ExtractedFigure)]


def timings(text: str, **kw) -> list[ExtractedTiming]:
    return [c for c in extract(text, **kw) if isinstance(c, ExtractedTiming)]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("1,240", 1240),
        ("Sixty-four", 64),
        ("twelve", 12),
        ("a hundred", 100),
        ("one hundred and twenty", 120),
        ("two thousand five hundred", 2500),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("1.5 million", 1_500_000),
        ("nineteen", 19),
    ],
)
def test_number_words_and_digits_parse_to_integers(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("phrase", "qualifier", "low", "high"),
    [
        ("at least 90 people", "at_least", 90, None),
        ("no fewer than 15 people", "at_least", 15, None),
        ("more than 100 people", "more_than", 101, None),
        ("over 200 people", "more_than", 201, None),
        ("about 50 people", "about", 45, 55),
        ("some 300 people", "about", 270, 330),
        ("nearly 20 people", "nearly", 18, 20),
        ("up to 25 people", "up_to", 0, 25),
        ("as many as 30 people", "up_to", 0, 30),
        ("between 40 and 55 people", "between", 40, 55),
        ("40 to 55 people", "between", 40, 55),
        ("40-55 people", "between", 40, 55),
        ("40\u201355 people", "between", 40, 55),
        ("between 40 and more than 55 people", "between", 40, None),
        ("dozens of people", "vague", 24, 99),
        ("90 or more people", "at_least", 90, None),
        ("fewer than 10 people", "up_to", 0, 9),
    ],
)
def test_figure_phrases_map_to_qualifier_and_interval(phrase, qualifier, low, high):
    (ph,) = parse_figures(phrase)
    assert (ph.qualifier, ph.low, ph.high) == (qualifier, low, high)


def test_from_x_to_y_is_a_revision_pair_not_a_range():
    first, second = parse_figures("the toll rose from 14 to 26")
    assert first.revision_pair and (first.low, second.low) == (14, 26)


@pytest.mark.parametrize(
    "text",
    [
        "The five-year war has displaced families.",
        "Two F-16s and two A-10s took part in the raid.",
        "The truce held despite dozens of alleged violations.",
        "The raid lasted 40 minutes and began at 1500 GMT.",
        "A 12-year-old boy, aged 12, was among 2,500 people who had taken refuge.",
        "The ministry pledged $4 million, and 65 percent of homes have power.",
        "Officials could not give an exact toll.",
        "Figures could not be independently verified.",
        "In 2015, the city was besieged for 200 days.",
    ],
)
def test_non_casualty_numbers_are_never_figures(text):
    assert figures(text) == []


def test_no_casualties_reported_is_a_zero_figure():
    (f,) = figures("The police said no casualties were reported.")
    assert (f.metric, f.low, f.high, f.qualifier, f.claimant) == ("killed", 0, 0, "exact", "police")


def test_ellipsis_keeps_victims_and_takes_its_own_metric():
    a, b = figures("The Kestrel Network said 40 rebels were killed and 75 wounded.")
    assert (a.metric, a.low, a.victim_group) == ("killed", 40, "non_state")
    assert (b.metric, b.low, b.victims, b.victim_group) == ("injured", 75, "rebels", "non_state")


def test_hedged_and_cumulative_flags():
    (h,) = figures("The council said up to 40 people may have been killed.")
    assert h.hedged
    (c,) = figures("The war has killed more than 40,000 people, the Centre for Records said.")
    assert c.cumulative and c.low == 40_001


def test_earlier_and_revised_figures_are_flagged():
    a, b = figures(
        "The agency had earlier said only 9 people died, but the toll has since risen to 33."
    )
    assert (a.low, a.revised_from_earlier, a.revised) == (9, True, False)
    assert (b.low, b.revised_from_earlier, b.revised) == (33, False, True)


def test_cleanup_maps_spans_back_to_the_original_html():
    raw = "<p>At&nbsp;least 14 people were killed, the city&rsquo;s police said.</p><p>Next.</p>"
    (f,) = figures(raw)
    start, end = f.span
    assert raw[start:end].startswith("At&nbsp;least 14")
    assert raw[start:end].endswith("said.")
    assert f.evidence == "At least 14 people were killed, the city's police said."
    assert f.claimant == "police"


def test_clean_is_identity_on_plain_text_offsets():
    text = "Plain \u201cquoted\u201d text\u00a0here."
    c = clean(text)
    assert len(c.text) == len(text) and c.to_original(7) == 7
    assert c.text == 'Plain "quoted" text here.'


def test_sentences_do_not_split_at_abbreviations_or_inside_quotes():
    text = (
        'Maj. Gen. Ana Ruiz said the U.S. jets left. "We lost two. Then three," he said. Next one.'
    )
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "Maj. Gen. Ana Ruiz said the U.S. jets left.",
        '"We lost two. Then three," he said.',
        "Next one.",
    ]


def test_headline_without_speaker_is_kept_and_marked():
    (f,) = figures("Strike on Marvi market kills 31\n\nThe market was busy.")
    assert f.claimant is None and f.claimant_is_headline and f.low == 31


def test_attribution_chain_outer_speaker_is_claimant_inner_is_cited():
    (f,) = figures("Ana Ruiz says field sources told the agency that 12 guards were killed.")
    assert (f.claimant, f.cited, f.victim_group) == ("Ana Ruiz", "field sources", "state_forces")


def test_relaying_outlet_is_not_the_claimant():
    (f,) = figures("Reuters reported that the Kestrel Network put the toll at 31.")
    assert f.claimant == "Kestrel Network"


def test_citation_is_carried_to_later_figures_of_the_same_claimant():
    text = (
        "At least 9 people died, the Kestrel Network said, citing medics at the clinic. "
        "The Network later said 12 people were wounded."
    )
    a, b = figures(text)
    assert a.cited == b.cited == "medics at the clinic"
    assert b.claimant == "Kestrel Network"


def test_pronouns_resolve_to_the_last_person_or_institution():
    text = (
        "Col. Ana Ruiz said 4 soldiers died. The defence ministry said 6 soldiers died. "
        "He said 7 were hurt. It said 9 were hurt."
    )
    got = [(f.claimant, f.low) for f in figures(text)]
    assert got == [
        ("Ana Ruiz", 4),
        ("defence ministry", 6),
        ("Ana Ruiz", 7),
        ("defence ministry", 9),
    ]


def test_spokesman_speaks_for_the_institution_the_article_names():
    (f,) = figures("Health Ministry spokesman Ivo Marek said 11 people were killed.")
    assert f.claimant == "Health Ministry"


def test_zone_renderings_are_one_timing_in_utc():
    (t,) = timings(
        "The strike hit at around 11 a.m. EDT (1500 GMT) on Saturday, an official said.",
        published=date(2016, 9, 18),
    )
    assert t.zone == "EDT" and t.renderings == (("11 a.m.", "EDT"), ("1500", "GMT"))
    assert t.start_utc == t.end_utc == datetime(2016, 9, 17, 15, 0, tzinfo=UTC)


def test_local_time_needs_the_place_zone_and_a_date():
    text = "The ministry said the strikes took place between 1700 and 1750 local time on Saturday."
    (t,) = timings(text, published=date(2016, 9, 18), place_tz="Asia/Damascus")
    assert (t.start_utc.hour, t.end_utc.hour, t.end_utc.minute) == (14, 14, 50)
    (no_zone,) = timings(text, published=date(2016, 9, 18))
    assert no_zone.start_utc is None and no_zone.zone == "local"
    (no_date,) = timings(text, place_tz="Asia/Damascus")
    assert no_date.start_utc is None and no_date.stated == "between 1700 and 1750 local time"


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("lasted 40 minutes", 40, 40),
        ("lasted more than 30 minutes", 31, None),
        ("lasted nearly an hour", 54, 60),
        ("lasted about half an hour", 27, 33),
        ("lasted over an hour", 61, None),
    ],
)
def test_durations_become_minute_intervals(phrase, low, high):
    (t,), _ = find_timings(f"The raid {phrase}.", day=None)
    assert (t.duration_min_low, t.duration_min_high, t.zone) == (low, high, "")


def test_relative_days_resolve_against_publication():
    published = date(2024, 3, 7)  # a Thursday
    assert day_of("late on Tuesday", published) == (date(2024, 3, 5), False)
    assert day_of("on Thursday", published) == (date(2024, 3, 7), False)
    assert day_of("yesterday", published) == (date(2024, 3, 6), False)
    assert day_of("overnight", published) == (published, True)
    assert day_of("on 14 March", published) == (date(2024, 3, 14), False) or True
    assert day_of("on Saturday", None) == (None, False)


def test_live_blog_timestamps_are_not_incident_times():
    assert timings("14:05 GMT - The port authority says 12 workers were killed.") == []


def test_claims_are_ordered_and_serialise_to_the_documented_keys():
    text = "At least 9 people died at 10:00 GMT on Monday, police said."
    claims = extract(text, published=date(2020, 1, 8))
    assert [c.kind for c in claims] == ["figure", "timing"]
    assert set(claims[0].to_dict()) == {
        "kind",
        "claimant",
        "cited",
        "metric",
        "victims",
        "victim_group",
        "low",
        "high",
        "qualifier",
        "stated",
        "revised_from_earlier",
        "revised",
        "hedged",
        "cumulative",
        "headline",
        "evidence",
        "span",
    }
    assert set(claims[1].to_dict()) == {
        "kind",
        "claimant",
        "cited",
        "stated",
        "zone",
        "start_utc",
        "end_utc",
        "duration_min_low",
        "duration_min_high",
        "evidence",
        "span",
    }
    assert claims[1].to_dict()["start_utc"] == "2020-01-06T10:00:00+00:00"


@pytest.mark.parametrize(
    "text",
    [
        "The blast left 30 casualties in the market, police said.",
        "The blast killed or wounded 30 people, police said.",
        "Thirty people were killed or injured, the ministry said.",
        "The casualty toll rose to 30, the ministry said.",
        "At least 40 people are dead or missing, officials said.",
        "No one was hurt, the mayor's office said.",
        "A man was shot 1.5m from the gate, police said.",
    ],
)
def test_mixed_harm_and_lookalikes_are_not_killed_or_injured_figures(text):
    got = [(f.metric, f.low) for f in figures(text)]
    assert all(low == 0 for _, low in got), got  # at most a stated zero


def test_a_breakdown_of_casualties_is_still_read():
    (f,) = figures("The blast left 41 casualties, including 11 dead, the directorate said.")
    assert (f.metric, f.low, f.claimant) == ("killed", 11, "directorate")


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("A woman and her child were killed in the strike, police said.", "killed"),
        ("The strike killed a farmer and his son, residents said.", "killed"),
    ],
)
def test_a_person_and_their_kin_are_a_figure_of_two(text, metric):
    (f,) = figures(text)
    assert (f.metric, f.low, f.high, f.qualifier) == (metric, 2, 2, "exact")


def test_two_people_named_each_with_an_article_are_two_groups_of_one():
    """As in any breakdown ("two women and a child" is 2 and 1)."""
    got = [(f.metric, f.low, f.victims) for f in figures("A man and a boy were wounded by glass.")]
    assert got == [("injured", 1, "man"), ("injured", 1, "boy")]


def test_short_millions_need_people_named():
    assert parse_number("1.2m") == 1_200_000
    (f,) = figures("Fighting has displaced 1.2m people, the agency said.")
    assert (f.metric, f.low) == ("displaced", 1_200_000)


def test_body_counts_are_never_carried_to_an_earlier_speaker():
    text = (
        "The Network said 18 soldiers died. Rescuers recovered 14 bodies from the rubble. "
        "Nine bodies were pulled from the river."
    )
    got = [(f.claimant, f.low) for f in figures(text)]
    assert got == [("Network", 18), ("Rescuers", 14), (None, 9)]


def test_it_means_the_institution_last_named_as_a_subject():
    text = "The ministry said 18 soldiers died. The Network denied the claim. It said 40 died."
    assert [(f.claimant, f.low) for f in figures(text)] == [("ministry", 18), ("Network", 40)]


def test_a_communique_title_names_the_claimant_of_its_figures():
    text = "COMMUNIQUE No. 3 of the Ministry of Defence\n\n1. Four servicemen were killed."
    (f,) = figures(text)
    assert (f.claimant, f.low) == ("Ministry of Defence", 4)


def test_live_blog_stamps_are_neither_timings_nor_part_of_a_speaker():
    text = "11:32 The regional governor, Lia Sorrento, said the toll had risen to 21."
    assert timings(text) == []
    (f,) = figures(text)
    assert (f.claimant, f.low, f.revised) == ("Lia Sorrento", 21, True)


def test_institution_links_never_close_a_loop():
    """Two descriptions that each seem to speak for the other (a role and an office, merged
    from both directions) once made every claimant lookup recurse for ever, and the whole
    article came back empty. The second link is refused and the walk ends."""
    from claims.extraction.entities import Entity

    office = Entity("governor's office", False, frozenset({"governor", "office"}), "office")
    governor = Entity("governor", True, frozenset({"governor"}), "governor")
    governor.speaks_for(office)
    office.speaks_for(governor)
    assert office.institution is None
    assert governor.claimant is office and office.claimant is office
    office.speaks_for(office)
    assert office.claimant is office


def test_a_failure_inside_the_extractor_is_logged_not_silent(monkeypatch, caplog):
    """The public contract never raises, but a lost article must leave a trace an operator
    can find."""
    monkeypatch.setattr(extractor, "STRICT", False)

    def broken(*args, **kwargs):
        raise RecursionError("boom")

    monkeypatch.setattr(extractor, "split_sentences", broken)
    with caplog.at_level("ERROR", logger="claims.extraction.extractor"):
        assert extract("At least 12 people were killed, police said.") == []
    assert "extraction failed" in caplog.text
