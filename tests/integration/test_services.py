"""Writes through services: revisions, the list's summary columns and the audit history."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model

from claims import services
from claims.demo import demo_load
from claims.models import FigureClaim, Incident

pytestmark = pytest.mark.django_db


def _figure(incident, source, low, hour, status=FigureClaim.Status.CONFIRMED, **extra):
    return services.figure_claim_save(
        FigureClaim(
            incident=incident,
            claimant=source,
            stated_text=str(low),
            low=low,
            high=low,
            reported_at=datetime(2020, 5, 1, hour, tzinfo=UTC),
            status=status,
            **extra,
        )
    )


@pytest.fixture
def incident():
    return services.incident_create(title="Market attack", place="Oldtown", country="Testland")


def test_a_later_figure_from_the_same_source_supersedes_the_earlier_one(incident):
    monitor = services.source_create(name="Monitor")
    first = _figure(incident, monitor, 14, hour=8)
    second = _figure(incident, monitor, 26, hour=12)
    first.refresh_from_db()
    assert second.supersedes == first and second.is_current
    assert not first.is_current


def test_a_figure_entered_late_but_reported_earlier_slots_into_the_history(incident):
    monitor = services.source_create(name="Monitor")
    latest = _figure(incident, monitor, 26, hour=12)
    earlier = _figure(incident, monitor, 14, hour=8)
    latest.refresh_from_db()
    assert latest.supersedes == earlier and latest.is_current and not earlier.is_current


def test_different_sources_and_metrics_do_not_supersede_each_other(incident):
    one, two = services.source_create(name="One"), services.source_create(name="Two")
    a = _figure(incident, one, 10, hour=1)
    b = _figure(incident, two, 20, hour=2)
    c = _figure(incident, one, 30, hour=3, metric="injured")
    for claim in (a, b, c):
        claim.refresh_from_db()
        assert claim.is_current and claim.supersedes is None


def test_unconfirmed_figures_do_not_replace_the_public_current_figure(incident):
    monitor = services.source_create(name="Monitor")
    confirmed = _figure(incident, monitor, 14, hour=8)
    pending = _figure(incident, monitor, 99, hour=12, status=FigureClaim.Status.UNREVIEWED)
    confirmed.refresh_from_db()
    assert confirmed.is_current and not pending.is_current
    services.claim_set_status(pending, status=FigureClaim.Status.CONFIRMED)
    confirmed.refresh_from_db()
    pending.refresh_from_db()
    assert pending.is_current and pending.supersedes == confirmed and not confirmed.is_current


def test_the_list_summary_follows_every_claim_write(incident):
    one, two = services.source_create(name="One"), services.source_create(name="Two")
    _figure(incident, one, 62, hour=1)
    incident.refresh_from_db()
    assert (incident.source_count, incident.killed_low, incident.killed_high) == (1, 62, 62)
    assert incident.disagreement == 0
    claim = services.figure_claim_save(
        FigureClaim(
            incident=incident,
            claimant=two,
            stated_text="at least 90",
            qualifier="at_least",
            low=90,
            high=None,
            reported_at=datetime(2020, 5, 1, 2, tzinfo=UTC),
            status=FigureClaim.Status.CONFIRMED,
        )
    )
    incident.refresh_from_db()
    assert (incident.source_count, incident.killed_low, incident.killed_high) == (2, 62, 90)
    assert incident.killed_open and incident.disagreement > 0.3
    assert incident.last_reported_at == claim.reported_at
    services.claim_set_status(claim, status=FigureClaim.Status.REJECTED)
    incident.refresh_from_db()
    assert (incident.source_count, incident.killed_open, incident.disagreement) == (1, False, 0)


def test_every_change_records_who_made_it_and_why(incident):
    editor = get_user_model().objects.create_user("eve", password="x" * 12)
    monitor = services.source_create(name="Monitor", acting_user=editor)
    claim = _figure(incident, monitor, 14, hour=8)
    claim.low = claim.high = 15
    services.figure_claim_save(claim, acting_user=editor, reason="typo in the toll")
    record = claim.history.first()
    assert (record.history_user, record.history_change_reason, record.low) == (
        editor,
        "typo in the toll",
        15,
    )
    assert monitor.history.first().history_user == editor


def test_demo_loads_once_and_a_second_run_changes_nothing():
    created = demo_load()
    assert len(created) == 2
    counts = (Incident.objects.count(), FigureClaim.objects.count())
    history = FigureClaim.history.count()
    assert demo_load() == []
    assert (Incident.objects.count(), FigureClaim.objects.count()) == counts
    assert FigureClaim.history.count() == history


def test_demo_incident_holds_the_seed_reports_figures():
    demo_load()
    incident = Incident.objects.get(slug="deir-ez-zor-airport-strike-2016")
    stated = set(incident.figureclaims.values_list("claimant__name", "metric", "stated_text"))
    assert stated == {
        ("Syrian Observatory for Human Rights", "killed", "83"),
        ("Syrian Observatory for Human Rights", "injured", "120"),
        ("Syrian Observatory for Human Rights", "killed", "at least 90"),
        ("Russian defence ministry", "killed", "62"),
        ("Russian defence ministry", "injured", "more than 100"),
    }
    russia = incident.timingclaims.get(claimant__name="Russian defence ministry")
    assert (russia.start_utc.hour, russia.end_utc.hour, russia.end_utc.minute) == (14, 14, 50)


def test_two_editors_saving_the_same_claim_do_not_silently_overwrite_each_other(incident):
    monitor = services.source_create(name="Monitor")
    claim = _figure(incident, monitor, 14, hour=8)
    first, second = FigureClaim.objects.get(pk=claim.pk), FigureClaim.objects.get(pk=claim.pk)
    first.low = first.high = 15
    services.figure_claim_save(first, reason="first editor")
    second.low = second.high = 99
    with pytest.raises(services.EditConflict, match="Someone else saved this"):
        services.figure_claim_save(second, reason="second editor")
    stored = FigureClaim.objects.get(pk=claim.pk)
    assert (stored.low, stored.version) == (15, first.version)
    assert stored.history.first().history_change_reason == "first editor"
    # Reloading and saving again works: the second editor applies the change on top.
    again = FigureClaim.objects.get(pk=claim.pk)
    again.low = again.high = 99
    services.figure_claim_save(again)
    assert FigureClaim.objects.get(pk=claim.pk).low == 99
