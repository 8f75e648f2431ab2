"""Times stated in two zones at once are checked against each other."""

from datetime import date

from claims.extraction.renderings import check_stated_renderings


def test_edt_and_gmt_renderings_of_one_moment_agree():
    check = check_stated_renderings("around 11 a.m. EDT (1500 GMT)", day=date(2016, 9, 17))
    assert check.agree and check.zones == ("EDT", "GMT") and check.spread_minutes == 0


def test_a_local_time_and_a_gmt_time_an_hour_apart_are_flagged():
    check = check_stated_renderings(
        "at about 9:40 a.m. local time (0740 GMT)", day=date(2024, 3, 9), place_tz="Asia/Baghdad"
    )
    assert not check.agree and check.spread_minutes == 60


def test_one_zone_only_or_unreadable_wording_gives_no_check():
    assert (
        check_stated_renderings(
            "between 1700 and 1750 local time", day=date(2016, 9, 17), place_tz="Asia/Damascus"
        )
        is None
    )
    assert check_stated_renderings("lasted 40 minutes", day=date(2016, 9, 17)) is None
    assert check_stated_renderings("", day=date(2016, 9, 17)) is None


def test_renderings_either_side_of_midnight_compare_by_time_of_day():
    check = check_stated_renderings(
        "at 1:30 a.m. local time (2230 GMT)", day=date(2024, 3, 9), place_tz="Asia/Baghdad"
    )
    assert check.agree
