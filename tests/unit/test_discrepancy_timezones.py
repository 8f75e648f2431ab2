"""Stated clock times to UTC: fixed abbreviations, "local time", IANA names, places; renderings."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from claims.discrepancy import (
    PLACE_ZONES,
    ZONE_NOTES,
    ZONE_OFFSETS,
    check_renderings,
    from_utc,
    resolve_zone,
    to_utc,
)


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def test_local_time_in_damascus_on_17_september_2016_was_three_hours_ahead_of_utc():
    assert to_utc(datetime(2016, 9, 17, 17), "local", place_tz="Asia/Damascus") == utc(
        2016, 9, 17, 14
    )


def test_local_time_uses_the_offset_of_that_date_not_of_today():
    # Syria kept UTC+2 in winter until 2022, so a January 2016 local time is only two hours ahead.
    assert to_utc(datetime(2016, 1, 10, 17), "local time", place_tz="Asia/Damascus") == utc(
        2016, 1, 10, 15
    )


def test_11_am_edt_is_15_00_utc_and_gmt_is_utc():
    assert to_utc(datetime(2016, 9, 17, 11), "EDT") == utc(2016, 9, 17, 15)
    assert to_utc(datetime(2016, 9, 17, 15), "GMT") == utc(2016, 9, 17, 15)


def test_abbreviations_have_fixed_meanings_whatever_the_date():
    # EDT stays UTC-4 even in January, when New York itself is on EST.
    assert to_utc(datetime(2020, 1, 5, 11), "edt") == utc(2020, 1, 5, 15)


@pytest.mark.parametrize(
    ("label", "hours"),
    [
        ("EST", -5),
        ("CDT", -5),
        ("CST", -6),
        ("PDT", -7),
        ("PST", -8),
        ("BST", 1),
        ("CET", 1),
        ("CEST", 2),
        ("EET", 2),
        ("EEST", 3),
        ("MSK", 3),
        ("AST", 3),
        ("IRST", 3.5),
        ("AFT", 4.5),
        ("PKT", 5),
        ("IST", 5.5),
        ("Z", 0),
        ("UTC", 0),
    ],
)
def test_zone_table_offsets(label, hours):
    assert ZONE_OFFSETS[label] == timedelta(minutes=round(hours * 60))


def test_ambiguous_abbreviations_document_the_reading_chosen():
    for label in ("AST", "IST", "CST", "BST"):
        assert label in ZONE_NOTES and label in ZONE_OFFSETS


def test_explicit_offsets_are_understood():
    assert to_utc(datetime(2016, 9, 17, 17), "UTC+3") == utc(2016, 9, 17, 14)
    assert to_utc(datetime(2016, 9, 17, 10, 30), "GMT-04:30") == utc(2016, 9, 17, 15)


def test_iana_names_and_place_names_are_read_like_local_time_of_that_place():
    assert to_utc(datetime(2021, 8, 26, 17, 50), "Asia/Kabul") == utc(2021, 8, 26, 13, 20)
    assert to_utc(datetime(2021, 8, 26, 17, 50), "Kabul time") == utc(2021, 8, 26, 13, 20)
    assert to_utc(datetime(2022, 3, 1, 9), "Washington") == utc(2022, 3, 1, 14)
    assert to_utc(datetime(2022, 7, 1, 9), "washington time") == utc(2022, 7, 1, 13)


def test_place_table_names_only_real_zones():
    for name in set(PLACE_ZONES.values()):
        resolve_zone(name)


def test_local_time_without_the_incident_zone_is_refused():
    with pytest.raises(ValueError, match="incident's time zone"):
        to_utc(datetime(2016, 9, 17, 17), "local")


def test_unknown_labels_and_fake_offsets_are_refused_rather_than_guessed():
    for label in ("XYZ", "Atlantis time", "", "UTC+19", "Mars/Olympus"):
        with pytest.raises(ValueError):
            to_utc(datetime(2016, 9, 17, 17), label)


def test_an_already_aware_time_is_refused_by_to_utc_and_a_naive_one_by_from_utc():
    with pytest.raises(ValueError):
        to_utc(utc(2016, 9, 17, 17), "GMT")
    with pytest.raises(ValueError):
        from_utc(datetime(2016, 9, 17, 17), "GMT")


def test_from_utc_shows_the_wall_clock_in_the_stated_zone():
    moment = utc(2016, 9, 17, 14)
    assert from_utc(moment, "local", place_tz="Asia/Damascus") == datetime(2016, 9, 17, 17)
    assert from_utc(moment, "EDT") == datetime(2016, 9, 17, 10)


def test_a_repeated_autumn_hour_is_read_as_its_first_occurrence():
    # 01:30 happened twice in New York on 6 November 2022: first at EDT (05:30 UTC).
    assert to_utc(datetime(2022, 11, 6, 1, 30), "America/New_York") == utc(2022, 11, 6, 5, 30)


def test_a_clock_time_skipped_in_spring_uses_the_offset_before_the_change():
    # 02:30 never happened in New York on 13 March 2022; read with EST (UTC-5).
    assert to_utc(datetime(2022, 3, 13, 2, 30), "America/New_York") == utc(2022, 3, 13, 7, 30)


def test_renderings_of_one_moment_in_three_zones_agree():
    check = check_renderings(
        [
            (datetime(2016, 9, 17, 11), "EDT"),
            (datetime(2016, 9, 17, 15), "GMT"),
            (datetime(2016, 9, 17, 18), "local"),
        ],
        place_tz="Asia/Damascus",
    )
    assert check.agree and check.spread_minutes == 0
    assert check.utc == utc(2016, 9, 17, 15)
    assert check.labels == ("EDT", "GMT", "local")


def test_renderings_that_use_a_summer_offset_in_winter_are_flagged_an_hour_apart():
    # "9:40 a.m. local (0640 GMT)" in Beirut in January: Beirut is UTC+2 then, so 0740 GMT.
    check = check_renderings(
        [(datetime(2023, 1, 12, 9, 40), "local"), (datetime(2023, 1, 12, 6, 40), "GMT")],
        place_tz="Asia/Beirut",
    )
    assert not check.agree and check.spread_minutes == 60 and check.utc is None


def test_renderings_within_a_minute_still_agree():
    check = check_renderings(
        [(datetime(2023, 1, 12, 9, 40), "UTC"), (datetime(2023, 1, 12, 9, 41), "GMT")]
    )
    assert check.agree and check.spread_minutes == 1


def test_no_renderings_trivially_agree():
    assert check_renderings([]).agree


def test_resolve_zone_returns_a_fixed_offset_for_abbreviations():
    assert resolve_zone("MSK") == timezone(timedelta(hours=3), "MSK")
