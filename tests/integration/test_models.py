"""The database holds the invariants itself: a row that breaks one never gets stored, whatever
path wrote it, and what was stored before is untouched."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claims import services
from claims.models import MAX_FIGURE, Article, FigureClaim, Incident, SourceAlias, TimingClaim

pytestmark = pytest.mark.django_db

WHEN = datetime(2016, 9, 17, 14, tzinfo=UTC)


@pytest.fixture
def incident():
    return services.incident_create(title="Test strike", place="Testville", country="Testland")


@pytest.fixture
def source():
    return services.source_create(name="Test Monitor", aliases=["TM", "the Monitor"])


def _raw_figure(incident, source, **fields):
    """Inserts bypassing full_clean(), as a buggy script or a raw bulk load would."""
    values = {"stated_text": "10", "low": 10, "high": 10, "reported_at": WHEN, **fields}
    return FigureClaim.objects.create(incident=incident, claimant=source, **values)


def _rejected_by_database(fn):
    with pytest.raises(IntegrityError), transaction.atomic():
        fn()


def test_database_refuses_a_figure_whose_low_is_above_its_high(incident, source):
    _rejected_by_database(lambda: _raw_figure(incident, source, low=90, high=62))


def test_database_refuses_a_negative_figure(incident, source):
    _rejected_by_database(lambda: _raw_figure(incident, source, low=-1, high=None))


def test_database_refuses_an_absurd_figure(incident, source):
    _rejected_by_database(lambda: _raw_figure(incident, source, low=MAX_FIGURE + 1, high=None))


def test_database_refuses_a_claim_without_an_incident(source):
    _rejected_by_database(lambda: _raw_figure(None, source))


def test_database_refuses_a_timing_that_ends_before_it_starts(incident, source):
    _rejected_by_database(
        lambda: TimingClaim.objects.create(
            incident=incident,
            claimant=source,
            stated_text="x",
            start_utc=WHEN,
            end_utc=WHEN - timedelta(minutes=1),
            reported_at=WHEN,
        )
    )


def test_database_refuses_a_duration_range_upside_down(incident, source):
    _rejected_by_database(
        lambda: TimingClaim.objects.create(
            incident=incident,
            claimant=source,
            stated_text="x",
            duration_min_low=50,
            duration_min_high=30,
            reported_at=WHEN,
        )
    )


def test_article_url_and_content_hash_are_unique_but_may_be_empty():
    first = services.article_save(Article(url="https://example.org/a", text="Some text."))
    _rejected_by_database(lambda: Article.objects.create(url="https://example.org/a"))
    _rejected_by_database(
        lambda: Article.objects.create(url="https://example.org/b", content_hash=first.content_hash)
    )
    with pytest.raises(ValidationError, match="same text is already stored"):
        services.article_save(Article(url="https://example.org/b", text="Some   text."))
    Article.objects.create(url="", text="")
    Article.objects.create(url="", text="")  # pasted articles without an address
    assert Article.objects.count() == 3


def test_an_open_ended_figure_is_allowed(incident, source):
    claim = _raw_figure(incident, source, stated_text="at least 90", low=90, high=None)
    assert claim.high is None


def test_model_validation_explains_a_bound_mistake_in_words(incident, source):
    claim = FigureClaim(
        incident=incident, claimant=source, stated_text="x", low=90, high=62, reported_at=WHEN
    )
    with pytest.raises(ValidationError) as error:
        claim.full_clean()
    assert "below the lower bound" in str(error.value.message_dict["high"])


def test_refused_write_leaves_stored_claims_unchanged(incident, source):
    kept = services.figure_claim_save(
        FigureClaim(
            incident=incident, claimant=source, stated_text="62", low=62, high=62, reported_at=WHEN
        )
    )
    bad = FigureClaim(
        incident=incident, claimant=source, stated_text="x", low=90, high=62, reported_at=WHEN
    )
    with pytest.raises(ValidationError):
        services.figure_claim_save(bad)
    assert list(FigureClaim.objects.values_list("pk", "low", "high")) == [(kept.pk, 62, 62)]


def test_incident_time_zone_must_be_a_real_iana_zone():
    incident = Incident(title="x", slug="x", place="x", country="x", time_zone="Mars/Olympus")
    with pytest.raises(ValidationError) as error:
        incident.full_clean()
    assert "IANA" in str(error.value)


def test_aliases_match_names_whatever_the_case_and_spacing(source):
    assert services.source_for_name("  the   MONITOR ") == source
    assert services.source_for_name("Test Monitor") == source
    assert services.source_for_name("Someone Else") is None
    _rejected_by_database(lambda: SourceAlias.objects.create(source=source, alias="TM"))


def test_a_name_written_with_a_curly_apostrophe_finds_the_alias_written_without(source):
    """Reports print "Lebanon\u2019s health ministry"; an editor types "Lebanon's"."""
    services.source_alias_add(source=source, alias="Lebanon's health ministry")
    assert services.source_for_name("Lebanon\u2019s Health Ministry") == source
    assert services.source_for_name("Lebanon\u2018s health ministry") == source


def test_the_migration_folds_stored_aliases_and_deletes_none(source):
    """Aliases saved before the folding keep working, and a pair that now folds to one form
    keeps both rows (the newer with its old form, for an editor to merge)."""
    import importlib

    from django.apps import apps as django_apps

    # As the rows were stored before the change: apostrophes kept, distinct forms.
    _, twin, plain = SourceAlias.objects.bulk_create(
        SourceAlias(source=source, alias=name, normalized=name.lower())
        for name in ("Kestrel\u2019s monitor", "Kestrel\u2018s monitor", "Dovan\u2019s office")
    )
    count = SourceAlias.objects.count()
    migration = importlib.import_module("claims.migrations.0012_alias_apostrophes")
    migration.forwards(django_apps, None)
    assert SourceAlias.objects.count() == count
    assert services.source_for_name("Dovan's Office") == source
    assert services.source_for_name("Kestrel's monitor") == source
    assert SourceAlias.objects.get(pk=twin.pk).normalized == "kestrel\u2018s monitor"
