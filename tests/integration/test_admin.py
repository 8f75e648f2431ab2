"""The editors' admin as an editor and an administrator use it: entering incidents with their
figures and timings, sources with aliases, reviewing claims, and what each role may not do."""

from datetime import UTC, datetime
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.db import models
from django.urls import reverse

from claims import services
from claims.forms import FigureClaimAdminForm, TimingClaimAdminForm
from claims.models import MAX_FIGURE, Article, Feed, FigureClaim, Incident, Source, TimingClaim
from tests.factories import (
    PASSWORD,
    ArticleFactory,
    FigureClaimFactory,
    IncidentFactory,
    SourceFactory,
    TimingClaimFactory,
)

pytestmark = pytest.mark.django_db

DEMO_SLUG = "deir-ez-zor-airport-strike-2016"

FIGURE_FIELDS = FigureClaimAdminForm._meta.fields
TIMING_FIELDS = TimingClaimAdminForm._meta.fields


# POST data as the admin's forms send it ----------------------------------------------------


def _url(model, view, *args):
    return reverse(f"admin:claims_{model._meta.model_name}_{view}", args=args)


def _when(name: str, value: datetime | None) -> dict:
    """A date-time field as the admin's split widget posts it (date and time, UTC)."""
    if value is None:
        return {f"{name}_0": "", f"{name}_1": ""}
    value = value.astimezone(UTC)
    return {f"{name}_0": value.date().isoformat(), f"{name}_1": value.time().isoformat()}


def _data(obj, fields, prefix: str = "", **changes) -> dict:
    """The POST an unchanged form of `obj` sends, with `changes` applied (by field name)."""
    data = {}
    for name in fields:
        field = obj._meta.get_field(name)
        value = changes[name] if name in changes else getattr(obj, field.attname)
        if isinstance(field, models.DateTimeField):
            data.update(_when(prefix + name, value))
        elif isinstance(field, models.BooleanField):
            if value:
                data[prefix + name] = "on"
        else:
            data[prefix + name] = "" if value is None else str(value)
    return data


def _management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _incident_fields(title="Strike on the Haddad bakery", **extra) -> dict:
    return {
        "title": title,
        "slug": "",
        "place": "Haddad (invented)",
        "country": "Testland",
        "latitude": "",
        "longitude": "",
        "time_zone": "Asia/Damascus",
        **_when("started_at", datetime(2021, 5, 4, 9, 30, tzinfo=UTC)),
        "summary": "",
        "acled_event_id": "",
        "ucdp_ged_id": "",
        "airwars_code": "",
        "change_reason": "new incident from the wires",
        **extra,
    }


def _figure_row(prefix: str, claimant: Source, **extra) -> dict:
    """One figure form (a standalone claim's or an inline's) with sensible defaults."""
    values = {
        "claimant": claimant.pk,
        "metric": "killed",
        "victim_group": "civilians",
        "victims_text": "civilians",
        "stated_text": "at least 12",
        "qualifier": "exact",
        "low": "",
        "high": "",
        "cited_text": "",
        "cited_source": "",
        "article": "",
        "evidence": "",
        "reference_url": "https://news.example.org/haddad",
        "status": "unreviewed",
        "editor_note": "",
        **extra,
    }
    reported_at = values.pop("reported_at", datetime(2021, 5, 4, 15, 0, tzinfo=UTC))
    return {
        **{f"{prefix}{k}": str(v) for k, v in values.items()},
        **_when(f"{prefix}reported_at", reported_at),
    }


def _timing_row(prefix: str, claimant: Source, start, end, **extra) -> dict:
    values = {
        "claimant": claimant.pk,
        "stated_text": "between 1230 and 1300 local time",
        "zone_label": "local",
        "duration_min_low": "",
        "duration_min_high": "",
        "cited_text": "",
        "cited_source": "",
        "article": "",
        "evidence": "",
        "reference_url": "",
        "status": "unreviewed",
        "editor_note": "",
        **extra,
    }
    return {
        **{f"{prefix}{k}": str(v) for k, v in values.items()},
        **_when(f"{prefix}start_utc", start),
        **_when(f"{prefix}end_utc", end),
        **_when(f"{prefix}reported_at", datetime(2021, 5, 4, 15, 0, tzinfo=UTC)),
    }


def _incident_post(figures=(), timings=()) -> dict:
    data = _incident_fields()
    data.update(_management("figureclaims", len(figures)))
    data.update(_management("timingclaims", len(timings)))
    for row in (*figures, *timings):
        data.update(row)
    return data


def _errors(response) -> str:
    """Every error the page shows, form and inline, as one string."""
    assert response.status_code == 200, response.status_code
    return " ".join(str(e) for e in response.context["errors"])


@pytest.fixture
def monitor():
    return SourceFactory(name="Haddad Monitoring Group", aliases=["HMG"])


# Entering an incident with its claims ------------------------------------------------------


def test_editor_logs_in_and_adds_an_incident_with_a_figure_and_a_timing_in_one_post(
    client, editor, monitor
):
    login = client.post(
        reverse("admin:login") + "?next=/admin/", {"username": "editor", "password": PASSWORD}
    )
    assert login.status_code == 302 and login["Location"] == "/admin/"
    add = client.get(_url(Incident, "add"))
    assert add.status_code == 200
    prefixes = [f.formset.prefix for f in add.context["inline_admin_formsets"]]
    assert prefixes == ["figureclaims", "timingclaims"]

    response = client.post(
        _url(Incident, "add"),
        _incident_post(
            figures=[
                _figure_row(
                    "figureclaims-0-", monitor, stated_text="at least 12", editor_note="wire copy"
                )
            ],
            timings=[
                _timing_row(
                    "timingclaims-0-",
                    monitor,
                    datetime(2021, 5, 4, 9, 30, tzinfo=UTC),
                    datetime(2021, 5, 4, 10, 0, tzinfo=UTC),
                )
            ],
        ),
    )

    assert response.status_code == 302, _errors(response)
    incident = Incident.objects.get(title="Strike on the Haddad bakery")
    assert incident.slug == "strike-on-the-haddad-bakery"
    figure = incident.figureclaims.get()
    assert (figure.entered_by, figure.qualifier, figure.low, figure.high) == (
        editor,
        "at_least",
        12,
        None,
    )
    added = figure.history.get(history_type="+")
    assert (added.history_user, added.history_change_reason) == (editor, "wire copy")
    assert {r.history_user for r in figure.history.all()} == {editor}
    timing = incident.timingclaims.get()
    assert timing.entered_by == editor
    assert timing.history.get().history_user == editor
    incident_record = incident.history.get()
    assert incident_record.history_user == editor
    assert incident_record.history_change_reason == "new incident from the wires"


def test_editor_adds_a_source_with_aliases_then_a_figure_that_goes_public_once_confirmed(
    client, editor_client, editor, demo
):
    response = editor_client.post(
        _url(Source, "add"),
        {
            "name": "Deir ez-Zor Media Centre",
            "slug": "",
            "kind": "media",
            "affiliation": "Activist network",
            "country": "Syria",
            "url": "",
            "description": "",
            "change_reason": "",
            **_management("aliases", 3),
            "aliases-0-alias": "DMC",
            "aliases-1-alias": "the Media Centre",
            "aliases-2-alias": "",
        },
    )
    assert response.status_code == 302, _errors(response)
    source = Source.objects.get(name="Deir ez-Zor Media Centre")
    assert set(source.aliases.values_list("alias", flat=True)) == {
        "Deir ez-Zor Media Centre",
        "DMC",
        "the Media Centre",
    }
    assert services.source_for_name("the media centre") == source

    response = editor_client.post(
        _url(FigureClaim, "add"),
        {
            "incident": demo.pk,
            **_figure_row(
                "",
                source,
                stated_text="nearly 80",
                victims_text="soldiers",
                victim_group="state_forces",
                reported_at=datetime(2016, 9, 18, 9, 0, tzinfo=UTC),
            ),
        },
    )
    assert response.status_code == 302, _errors(response)
    figure = FigureClaim.objects.get(claimant=source)
    assert (figure.qualifier, figure.low, figure.high, figure.entered_by) == (
        "nearly",
        72,
        80,
        editor,
    )
    public_url = f"/incidents/{DEMO_SLUG}/"
    assert "nearly 80" not in client.get(public_url).content.decode()

    response = editor_client.post(
        _url(FigureClaim, "changelist"),
        {"action": "confirm_selected", "_selected_action": [figure.pk]},
    )
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.status == "confirmed"
    page = client.get(public_url).content.decode()
    assert "nearly 80" in page
    assert "Deir ez-Zor Media Centre" in page


@pytest.mark.parametrize(
    ("stated", "qualifier", "low", "high"),
    [
        ("at least 90", "at_least", 90, None),
        ("more than 100", "more_than", 101, None),
        ("between 40 and 55", "between", 40, 55),
        ("dozens", "vague", 24, 99),
        ("62", "exact", 62, 62),
    ],
)
def test_figure_as_stated_fills_in_qualifier_and_bounds(
    editor_client, monitor, stated, qualifier, low, high
):
    incident = IncidentFactory()
    response = editor_client.post(
        _url(FigureClaim, "add"),
        {"incident": incident.pk, **_figure_row("", monitor, stated_text=stated)},
    )
    assert response.status_code == 302, _errors(response)
    figure = FigureClaim.objects.get(incident=incident)
    assert (figure.qualifier, figure.low, figure.high) == (qualifier, low, high)


def test_a_picked_qualifier_applies_to_a_bare_number_and_an_exact_low_fills_the_high(
    editor_client, monitor
):
    incident = IncidentFactory()
    editor_client.post(
        _url(FigureClaim, "add"),
        {
            "incident": incident.pk,
            **_figure_row("", monitor, stated_text="90", qualifier="at_least"),
        },
    )
    editor_client.post(
        _url(FigureClaim, "add"),
        {
            "incident": incident.pk,
            **_figure_row("", monitor, stated_text="seventy", metric="injured", low=70),
        },
    )
    injured, killed = FigureClaim.objects.filter(incident=incident).order_by("metric")
    assert (injured.metric, injured.low, injured.high) == ("injured", 70, 70)
    assert (killed.qualifier, killed.low, killed.high) == ("at_least", 90, None)


def test_correcting_the_wording_alone_moves_the_bounds_with_it(editor_client, demo):
    figure = demo.figureclaims.get(stated_text="at least 90")
    response = editor_client.post(
        _url(FigureClaim, "change", figure.pk),
        _data(figure, FIGURE_FIELDS, stated_text="at least 95", editor_note="SOHR update"),
    )
    assert response.status_code == 302, _errors(response)
    figure.refresh_from_db()
    assert (figure.qualifier, figure.low, figure.high) == ("at_least", 95, None)


def test_saving_a_claim_opened_from_the_review_queue_returns_to_its_card(editor_client, demo):
    figure = demo.figureclaims.get(stated_text="at least 90")
    back = f"{reverse('admin:claims_review')}#figure-{figure.pk}"
    change = _url(FigureClaim, "change", figure.pk)
    response = editor_client.post(
        f"{change}?{urlencode({'next': back})}",
        _data(figure, FIGURE_FIELDS, stated_text="at least 95"),
    )
    assert response.status_code == 302 and response["Location"] == back
    # "Save and continue editing" stays on the form; an address off this site is ignored.
    figure.refresh_from_db()
    response = editor_client.post(
        f"{change}?{urlencode({'next': back})}",
        {**_data(figure, FIGURE_FIELDS, stated_text="at least 96"), "_continue": "1"},
    )
    assert response.status_code == 302 and response["Location"].startswith(change)
    figure.refresh_from_db()
    response = editor_client.post(
        f"{change}?next=https://evil.example/",
        _data(figure, FIGURE_FIELDS, stated_text="at least 97"),
    )
    assert response.status_code == 302 and "evil.example" not in response["Location"]
    figure.refresh_from_db()
    assert figure.low == 97


def test_a_qualifier_contradicting_the_wording_is_an_error(editor_client, monitor):
    incident = IncidentFactory()
    response = editor_client.post(
        _url(FigureClaim, "add"),
        {
            "incident": incident.pk,
            **_figure_row("", monitor, stated_text="about 40", qualifier="at_least"),
        },
    )
    assert response.context["adminform"].form.errors["qualifier"] == [
        "The wording says “about”, not “at least”: change one of them, "
        "or enter the bounds yourself."
    ]


def test_wording_with_several_numbers_asks_for_the_bounds_instead_of_guessing(
    editor_client, monitor
):
    incident = IncidentFactory()
    for stated in ["83 killed and 120 injured", "from 14 to 26", "a large number"]:
        response = editor_client.post(
            _url(FigureClaim, "add"),
            {"incident": incident.pk, **_figure_row("", monitor, stated_text=stated)},
        )
        assert "enter the lower bound yourself" in _errors(response), stated
    assert not FigureClaim.objects.filter(incident=incident).exists()


# Mistakes come back as form errors, nothing is saved --------------------------------------


def test_low_above_high_is_an_error_on_the_high_field_and_the_figure_is_unchanged(
    editor_client, demo
):
    figure = demo.figureclaims.get(stated_text="62")
    records = figure.history.count()
    response = editor_client.post(
        _url(FigureClaim, "change", figure.pk),
        _data(figure, FIGURE_FIELDS, low=60, high=50, stated_text="between 60 and 50"),
    )
    assert response.context["adminform"].form.errors["high"] == [
        "The upper bound (50) is below the lower bound (60)."
    ]
    assert "The upper bound (50) is below the lower bound (60)." in response.content.decode()
    figure.refresh_from_db()
    assert (figure.stated_text, figure.low, figure.high) == ("62", 62, 62)
    assert figure.history.count() == records


@pytest.mark.parametrize(
    ("low", "high", "message"),
    [
        (60, 50, "The upper bound (50) is below the lower bound (60)."),
        (-5, "", "A count cannot be negative."),
        (MAX_FIGURE + 1, "", "Above 10,000,000, the most one incident can count"),
    ],
)
def test_impossible_figures_in_the_incident_inline_are_form_errors_and_nothing_is_saved(
    editor_client, monitor, low, high, message
):
    response = editor_client.post(
        _url(Incident, "add"),
        _incident_post(
            figures=[_figure_row("figureclaims-0-", monitor, stated_text="x", low=low, high=high)]
        ),
    )
    assert message in _errors(response)
    assert not Incident.objects.exists()
    assert not FigureClaim.objects.exists()


def test_negative_low_on_the_figure_page_is_a_form_error(editor_client, monitor):
    incident = IncidentFactory()
    response = editor_client.post(
        _url(FigureClaim, "add"),
        {"incident": incident.pk, **_figure_row("", monitor, stated_text="-5", low=-5)},
    )
    assert response.context["adminform"].form.errors["low"] == ["A count cannot be negative."]
    assert not FigureClaim.objects.exists()


def test_timing_ending_before_it_starts_is_an_error_on_the_end_and_the_row_is_unchanged(
    editor_client, demo
):
    timing = demo.timingclaims.get(zone_label="local")
    records = timing.history.count()
    response = editor_client.post(
        _url(TimingClaim, "change", timing.pk),
        _data(timing, TIMING_FIELDS, end_utc=datetime(2016, 9, 17, 13, 0, tzinfo=UTC)),
    )
    assert response.context["adminform"].form.errors["end_utc"] == ["The end is before the start."]
    timing.refresh_from_db()
    assert timing.end_utc == datetime(2016, 9, 17, 14, 50, tzinfo=UTC)
    assert timing.history.count() == records


def test_timing_ending_before_it_starts_in_the_incident_inline_is_a_form_error(
    editor_client, monitor
):
    response = editor_client.post(
        _url(Incident, "add"),
        _incident_post(
            timings=[
                _timing_row(
                    "timingclaims-0-",
                    monitor,
                    datetime(2021, 5, 4, 10, 0, tzinfo=UTC),
                    datetime(2021, 5, 4, 9, 0, tzinfo=UTC),
                )
            ]
        ),
    )
    assert "The end is before the start." in _errors(response)
    assert not Incident.objects.exists()


def test_a_new_source_named_like_an_existing_alias_is_refused(editor_client, demo):
    response = editor_client.post(
        _url(Source, "add"),
        {"name": "SOHR", "slug": "", "kind": "monitor", **_management("aliases", 0)},
    )
    assert "already names the source “Syrian Observatory for Human Rights”" in _errors(response)
    assert Source.objects.count() == 5


def test_an_alias_of_another_source_is_refused_not_a_server_error(editor_client, demo):
    source = Source.objects.get(name="Russian defence ministry")
    data = _data(source, ["name", "slug", "kind", "affiliation", "country", "url", "description"])
    aliases = list(source.aliases.all())
    data.update(_management("aliases", len(aliases) + 1, initial=len(aliases)))
    for i, alias in enumerate(aliases):
        data |= {f"aliases-{i}-id": alias.pk, f"aliases-{i}-source": source.pk}
        data[f"aliases-{i}-alias"] = alias.alias
    data[f"aliases-{len(aliases)}-alias"] = "the  observatory"
    response = editor_client.post(_url(Source, "change", source.pk), data)
    assert "“the Observatory” is already an alias of “Syrian Observatory" in _errors(response)
    assert not source.aliases.filter(alias__iexact="the observatory").exists()


# Who may do what ---------------------------------------------------------------------------


def test_editors_group_may_add_change_and_view_the_claims_models_and_nothing_else(editors_group):
    # The six models of migration 0002, plus feeds (migration 0004); never delete, no auth.
    models_ = ["incident", "source", "sourcealias", "article", "figureclaim", "timingclaim", "feed"]
    expected = {f"claims.{a}_{m}" for m in models_ for a in ("add", "change", "view")}
    granted = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name="Editors").permissions.select_related("content_type")
    }
    assert granted == expected


def test_editor_cannot_delete_anything(editor_client, demo):
    article = Article.objects.filter(incident=demo).first()
    rows = [
        demo,
        Source.objects.get(name="Kestrel Monitoring Network"),
        article,
        demo.figureclaims.first(),
        demo.timingclaims.first(),
    ]
    for row in rows:
        url = _url(type(row), "delete", row.pk)
        assert editor_client.get(url).status_code == 403, url
        assert editor_client.post(url, {"post": "yes"}).status_code == 403, url
        assert type(row).objects.filter(pk=row.pk).exists()
    response = editor_client.get(_url(FigureClaim, "changelist"))
    assert "delete_selected" not in response.content.decode()


def test_editor_cannot_open_the_user_or_group_admin(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_user_add")).status_code == 403


def test_superuser_deletes_a_figure_and_the_incident_summary_follows(
    admin_client, admin_user, demo
):
    assert demo.killed_low == 62
    russian = demo.figureclaims.get(stated_text="62")
    response = admin_client.post(_url(FigureClaim, "delete", russian.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not FigureClaim.objects.filter(pk=russian.pk).exists()
    demo.refresh_from_db()
    assert demo.killed_low == 90
    deletion = FigureClaim.history.filter(id=russian.pk).latest("history_date")
    assert (deletion.history_type, deletion.history_user) == ("-", admin_user)


def test_superuser_deletes_an_article_and_its_claims_keep_the_sentence(admin_client, demo):
    article = Article.objects.get(incident=demo, title__startswith="Moscow")
    response = admin_client.post(_url(Article, "delete", article.pk), {"post": "yes"})
    assert response.status_code == 302
    figure = demo.figureclaims.get(stated_text="62")
    assert figure.article is None and figure.evidence_start is None
    assert "Konashenkov" in figure.evidence
    assert figure.history.latest("history_date").history_change_reason.startswith("article")


def test_moving_an_article_to_another_incident_moves_its_claims(editor_client, editor, monitor):
    first, second = IncidentFactory.create_batch(2)
    article = ArticleFactory(incident=first)
    claim = FigureClaimFactory(incident=first, claimant=monitor, article=article)
    data = _data(article, ["title", "url", "outlet", "published_at"]) | {
        "incident": second.pk,
        "suggested_incident": "",
    }
    response = editor_client.post(_url(Article, "change", article.pk), data)
    assert response.status_code == 302, _errors(response)
    claim.refresh_from_db()
    assert claim.incident == second
    assert claim.history.latest("history_date").history_user == editor


def test_editor_confirms_suggested_incidents_with_a_bulk_action(editor_client):
    incident = IncidentFactory()
    suggested = ArticleFactory(suggested_incident=incident)
    unsuggested = ArticleFactory()
    response = editor_client.post(
        _url(Article, "changelist"),
        {"action": "link_suggested_incident", "_selected_action": [suggested.pk, unsuggested.pk]},
        follow=True,
    )
    assert "1 article linked; 1 had no suggestion." in response.content.decode()
    suggested.refresh_from_db()
    assert (suggested.incident, suggested.suggested_incident) == (incident, None)


# History and review ------------------------------------------------------------------------


def test_history_page_of_a_claim_lists_the_change_with_the_editor_and_reason(editor_client, demo):
    figure = demo.figureclaims.get(stated_text="at least 90")
    response = editor_client.post(
        _url(FigureClaim, "change", figure.pk),
        _data(
            figure,
            FIGURE_FIELDS,
            victims_text="Syrian army soldiers",
            editor_note="victims as in the Arabic original",
        ),
    )
    assert response.status_code == 302, _errors(response)
    history = editor_client.get(_url(FigureClaim, "history", figure.pk))
    assert history.status_code == 200
    latest = history.context["page_obj"][0]
    assert (latest.history_user.username, latest.history_change_reason) == (
        "editor",
        "victims as in the Arabic original",
    )
    page = history.content.decode()
    assert "victims as in the Arabic original" in page
    assert "Syrian army soldiers" in page


def test_saving_a_claim_without_changes_adds_no_history_but_a_revert_does(editor_client, demo):
    figure = demo.figureclaims.get(stated_text="at least 90")
    original, records = figure.history.latest("history_date"), figure.history.count()
    unchanged = _data(figure, FIGURE_FIELDS)
    editor_client.post(_url(FigureClaim, "change", figure.pk), unchanged)
    assert figure.history.count() == records
    editor_client.post(
        _url(FigureClaim, "change", figure.pk), _data(figure, FIGURE_FIELDS, stated_text="95")
    )
    figure.refresh_from_db()
    assert (figure.low, figure.high) == (95, 95)

    revert = reverse("admin:claims_figureclaim_simple_history", args=[figure.pk, original.pk])
    assert editor_client.get(revert).status_code == 200
    response = editor_client.post(revert, unchanged | {"editor_note": "95 was a typo"})
    assert response.status_code == 302, _errors(response)
    figure.refresh_from_db()
    assert (figure.stated_text, figure.low, figure.high) == ("at least 90", 90, None)
    assert figure.history.latest("history_date").history_change_reason == "95 was a typo"


def test_editor_note_starts_empty_on_each_edit(editor_client, monitor):
    figure = FigureClaimFactory(claimant=monitor, editor_note="first note")
    response = editor_client.get(_url(FigureClaim, "change", figure.pk))
    assert response.context["adminform"].form["editor_note"].value() == ""


def test_bulk_reject_changes_each_status_and_records_history(editor_client, editor, monitor):
    figures = FigureClaimFactory.create_batch(2, claimant=monitor)
    timing = TimingClaimFactory(claimant=monitor)
    editor_client.post(
        _url(FigureClaim, "changelist"),
        {"action": "reject_selected", "_selected_action": [f.pk for f in figures]},
    )
    editor_client.post(
        _url(TimingClaim, "changelist"),
        {"action": "confirm_selected", "_selected_action": [timing.pk]},
    )
    for figure in figures:
        figure.refresh_from_db()
        record = figure.history.latest("history_date")
        assert figure.status == "rejected"
        assert (record.history_user, record.history_change_reason) == (editor, "status: rejected")
    timing.refresh_from_db()
    assert timing.status == "confirmed"
    assert timing.history.latest("history_date").history_user == editor


def test_incident_page_save_without_changes_adds_no_history(editor_client, monitor):
    incident = IncidentFactory()
    FigureClaimFactory(incident=incident, claimant=monitor)
    figure = incident.figureclaims.get()
    figure_records, incident_records = figure.history.count(), incident.history.count()
    data = _data(
        incident,
        ["title", "slug", "place", "country", "latitude", "longitude", "time_zone", "started_at"],
    )
    data |= {"summary": "", "acled_event_id": "", "ucdp_ged_id": "", "airwars_code": ""}
    data |= _management("figureclaims", 1, initial=1) | _management("timingclaims", 0)
    data |= _data(figure, FIGURE_FIELDS[1:], prefix="figureclaims-0-")
    data |= {"figureclaims-0-id": figure.pk, "figureclaims-0-incident": incident.pk}
    response = editor_client.post(_url(Incident, "change", incident.pk), data)
    assert response.status_code == 302, _errors(response)
    assert incident.history.count() == incident_records
    assert figure.history.count() == figure_records


# Pages load --------------------------------------------------------------------------------


def test_every_changelist_loads_for_an_editor_with_filters_applied(editor_client, demo):
    Feed.objects.create(name="Example wire", url="https://wire.example.org/rss", incident=demo)
    sohr = Source.objects.get(name="Syrian Observatory for Human Rights")
    pages = {
        Incident: "?is_sample__exact=0&country=Syria&q=Deir",
        Source: "?kind__exact=monitor&is_suggested__exact=0&q=observatory",
        Article: "?status__exact=extracted&origin__exact=editor&outlet=Tracker+demo+desk&q=raid",
        Feed: "?is_active__exact=1&q=wire",
        FigureClaim: (
            f"?status__exact=confirmed&metric__exact=killed&claimant__id__exact={sohr.pk}"
            f"&incident__id__exact={demo.pk}&reported_at__year=2016&q=least"
        ),
        TimingClaim: (
            f"?status__exact=confirmed&claimant__id__exact={sohr.pk}"
            f"&incident__id__exact={demo.pk}&q=minutes"
        ),
    }
    for model, query in pages.items():
        response = editor_client.get(_url(model, "changelist") + query)
        assert response.status_code == 200, model
        assert response.context["cl"].result_count >= 1, model
    assert editor_client.get(reverse("admin:index")).status_code == 200


def test_every_add_and_change_page_loads_for_an_editor(editor_client, demo):
    rows = [
        Feed.objects.create(name="Example wire", url="https://wire.example.org/rss"),
        demo,
        Source.objects.first(),
        Article.objects.first(),
        demo.figureclaims.first(),
        demo.timingclaims.first(),
    ]
    for row in rows:
        for url in (_url(type(row), "add"), _url(type(row), "change", row.pk)):
            assert editor_client.get(url).status_code == 200, url


def test_source_autocomplete_finds_a_source_by_its_alias(editor_client, demo):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "claims",
            "model_name": "figureclaim",
            "field_name": "claimant",
            "term": "SOHR",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == [
        "Syrian Observatory for Human Rights"
    ]


def test_archived_html_is_shown_as_text_never_rendered(editor_client):
    article = ArticleFactory(raw_html='<p>Hi</p><script>alert("x")</script></textarea><b>')
    page = editor_client.get(_url(Article, "change", article.pk)).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;/textarea&gt;" in page
    assert '<script>alert("x")' not in page


def test_claim_changelist_query_count_does_not_grow_with_rows(
    editor_client, monitor, django_assert_max_num_queries
):
    incident = IncidentFactory()
    FigureClaimFactory.create_batch(3, incident=incident, claimant=monitor)
    with django_assert_max_num_queries(40) as few:
        editor_client.get(_url(FigureClaim, "changelist"))
    FigureClaimFactory.create_batch(20, incident=IncidentFactory(), claimant=SourceFactory())
    with django_assert_max_num_queries(len(few.captured_queries) + 2):
        editor_client.get(_url(FigureClaim, "changelist"))


def test_second_of_two_editors_saving_the_same_claim_gets_a_conflict_message(editor_client, demo):
    figure = demo.figureclaims.get(stated_text="at least 90")
    opened = editor_client.get(_url(FigureClaim, "change", figure.pk))
    loaded = opened.context["adminform"].form["loaded_version"].value()
    # Meanwhile another editor saves the same claim.
    services.figure_claim_save(figure, reason="other editor's fix")
    response = editor_client.post(
        _url(FigureClaim, "change", figure.pk),
        _data(figure, FIGURE_FIELDS, stated_text="95") | {"loaded_version": loaded},
    )
    assert response.status_code == 200
    assert "Someone else saved this figure claim while you were editing it" in _errors(response)
    figure.refresh_from_db()
    assert figure.stated_text == "at least 90"


def test_a_deleted_claim_can_be_restored_by_an_administrator(admin_client, demo):
    figure = demo.figureclaims.get(stated_text="62")
    pk = figure.pk
    assert admin_client.post(_url(FigureClaim, "delete", pk), {"post": "yes"}).status_code == 302
    demo.refresh_from_db()
    assert demo.killed_low == 90
    deleted = reverse("admin:claims_figureclaim_deleted")
    page = admin_client.get(deleted)
    assert f"#{pk}: 62 killed" in page.content.decode()
    record = page.context["records"][0]
    response = admin_client.post(
        deleted, {"history_id": record.history_id, "reason": "deleted by mistake"}
    )
    assert response.status_code == 302
    restored = FigureClaim.objects.get(pk=pk)
    assert (restored.stated_text, restored.cited_text) == ("62", "Syrian regime sources")
    assert restored.history.first().history_change_reason == "deleted by mistake"
    demo.refresh_from_db()
    assert demo.killed_low == 62
    assert f"#{pk}:" not in admin_client.get(deleted).content.decode()


def test_editors_cannot_see_or_restore_deleted_claims(editor_client, demo):
    assert editor_client.get(reverse("admin:claims_figureclaim_deleted")).status_code == 403
