"""The editors' newsroom tools as an editor uses them: adding an article (address, saved page,
pasted text), the article page's incident suggestion and duplicate warnings, the review queue
(highlighted evidence, approve, reject, bulk), merging duplicate incidents, confirming suggested
sources, and what the public sees once a claim is approved."""

import csv
import io
import re
from datetime import UTC, datetime

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from claims import ingest, services
from claims.admin.review import queue
from claims.models import Article, FigureClaim, Incident, Source, TimingClaim
from tests.factories import (
    ArticleFactory,
    FigureClaimFactory,
    IncidentFactory,
    SourceFactory,
    TimingClaimFactory,
    UserFactory,
)
from tests.integration.test_ingest_support import FixtureServer, fixture_bytes

GOOD = "/world/velmora-depot.html"
SUBMIT = "/admin/claims/article/submit/"
REVIEW = "/admin/claims/review/"
MERGE = "/admin/claims/incident/merge/"
SCRIPT = "<script>window.__xss=1</script>"


# Fixtures ------------------------------------------------------------------------------------


@pytest.fixture
def web(db, settings):
    """The invented wire story on a local server (the address guard off: it is 127.0.0.1)."""
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = True
    settings.INGEST_READ_TIMEOUT = settings.INGEST_CONNECT_TIMEOUT = 2
    with FixtureServer() as server:
        server.page(GOOD, fixture_bytes("good_article.html"))
        yield server


@pytest.fixture
def eager():
    """Fetch tasks run in this process when they are enqueued (on commit), as in `make demo`.

    CI sets REDIS_URL, which turns eager mode off; these tests are about what the editor sees,
    not the queue (tests/integration/test_ingest_worker.py proves a real worker), so force it.
    """
    from tracker.celery import app

    saved = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved


@pytest.fixture
def velmora(db):
    """The invented incident the good article reports."""
    return services.incident_create(
        title="Drone strike on Velmora bus depot",
        place="Velmora",
        country="Ostravia",
        time_zone="Europe/Bucharest",
        started_at=datetime(2024, 3, 9, 4, 10, tzinfo=UTC),
    )


@pytest.fixture
def outsider(db):
    """A staff member who may log in to the admin but holds no permission on claims."""
    return UserFactory(username="intern", is_staff=True)


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _counts() -> tuple[int, int, int, int]:
    return (
        Article.objects.count(),
        FigureClaim.objects.count(),
        TimingClaim.objects.count(),
        Source.objects.count(),
    )


def _page(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _decide(client, decision: str, *claims, query: str = ""):
    tokens = " ".join(
        f"{'figure' if isinstance(c, FigureClaim) else 'timing'}:{c.pk}" for c in claims
    )
    return client.post(REVIEW + query, {"one": f"{decision} {tokens}"})


def _csv_rows(client) -> list[dict]:
    response = client.get(reverse("claims:claims-csv"))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


# Add article: the address path, end to end ---------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_editor_submits_an_address_reviews_the_highlighted_claims_and_the_public_sees_them(
    editor_client, editor, web, velmora, eager
):
    form = _page(editor_client, SUBMIT)
    assert "From its address" in form and "From a saved page" in form and "From its text" in form

    response = editor_client.post(SUBMIT, {"url": web.url(GOOD), "incident": velmora.pk})

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:claims_article_change", args=[article.pk])
    assert (article.status, article.origin, article.incident) == ("extracted", "url", velmora)
    [message] = _messages(response)
    assert message.startswith(
        "Read “Drone strike on Velmora bus depot kills 14” (incident “Drone strike on Velmora "
        "bus depot”): "
    )
    assert "awaiting review" in message and "Review them" in message
    article_page = _page(editor_client, response["Location"])
    assert "from this article await review" in article_page

    # Nothing is public yet.
    public = Client()
    assert "At least 14" not in _page(public, velmora.get_absolute_url())
    assert _csv_rows(public) == []

    queue = _page(editor_client, REVIEW)
    assert "Drone strike on Velmora bus depot kills 14" in queue
    at_least = FigureClaim.objects.get(article=article, stated_text="At least 14")
    quoted = article.text[at_least.evidence_start : at_least.evidence_end]
    marked = [re.sub(r"</?strong>", "", m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", queue)]
    assert quoted in marked  # the evidence sentence is highlighted, as stored
    assert "<strong>At least 14</strong> people were killed" in queue  # the figure stands out
    assert "Ostravian Civil Defence" in queue
    assert "suggested — <a" in queue and "confirm the source</a>" in queue
    assert "rescuers at the scene" in queue  # whom the claimant cites
    assert "= 14+ (at least)" in queue  # the interval beside the wording

    response = _decide(editor_client, "confirmed", at_least)

    assert response.status_code == 302 and response["Location"] == REVIEW
    assert _messages(response) == [
        f"Approved “{at_least.claimant.name}: At least 14 killed”. It is on the "
        f'<a href="{velmora.get_absolute_url()}">incident page</a> now.'
    ]
    at_least.refresh_from_db()
    assert at_least.status == "confirmed"
    assert at_least.history.first().history_user == editor
    assert f'value="figure:{at_least.pk}"' not in _page(editor_client, REVIEW)  # off the queue
    assert "At least 14" in _page(public, velmora.get_absolute_url())
    [row] = _csv_rows(public)
    assert (row["claim_id"], row["stated"], row["low"], row["high"]) == (
        str(at_least.pk),
        "At least 14",
        "14",
        "",
    )
    assert (row["claimant"], row["review_status"]) == ("Ostravian Civil Defence", "confirmed")


@pytest.mark.django_db(transaction=True)
def test_an_address_that_cannot_be_read_says_why_on_the_article_page(
    editor_client, web, velmora, eager
):
    response = editor_client.post(SUBMIT, {"url": web.url("/gone.html")}, follow=True)

    article = Article.objects.get()
    assert article.status == "failed"
    assert _messages(response) == [f"Could not read “{article.url}”: HTTP 404 Not Found"]
    page = response.content.decode()
    assert "Could not be read" in page and "HTTP 404 Not Found" in page
    assert "Try again" in page


def test_an_address_waits_in_the_queue_until_a_worker_reads_it(
    editor_client, web, velmora, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as enqueued:
        response = editor_client.post(SUBMIT, {"url": web.url(GOOD) + "?utm_source=x"})

    article = Article.objects.get()
    assert len(enqueued) == 1  # the fetch task, sent once the row is committed
    assert (article.status, article.url) == ("queued", web.url(GOOD))  # tracking dropped
    assert _messages(response) == [
        "Queued: the page is fetched and read in the background. Reload this page in a moment "
        "to see its text and claims."
    ]
    assert "Being fetched" in _page(editor_client, response["Location"]) or "Queued" in _page(
        editor_client, response["Location"]
    )


# Add article: saved page and pasted text -----------------------------------------------------


def test_editor_uploads_a_saved_page_and_it_is_read_at_once(editor_client, velmora):
    upload = io.BytesIO(fixture_bytes("good_article.html"))
    upload.name = "velmora.html"

    response = editor_client.post(SUBMIT, {"html_file": upload, "incident": velmora.pk})

    article = Article.objects.get()
    assert response["Location"] == reverse("admin:claims_article_change", args=[article.pk])
    assert (article.origin, article.status, article.outlet) == (
        "upload",
        "extracted",
        "Northgate Wire",
    )
    assert FigureClaim.objects.filter(article=article, incident=velmora).count() >= 3
    assert TimingClaim.objects.filter(article=article).count() == 1
    [message] = _messages(response)
    assert "figures and 1 timing awaiting review" in message


def test_the_same_page_uploaded_again_opens_the_stored_article(editor_client, velmora):
    first = ingest.article_from_html(html=fixture_bytes("good_article.html"), incident=velmora)
    before = _counts()
    upload = io.BytesIO(fixture_bytes("good_article.html"))
    upload.name = "again.html"

    response = editor_client.post(SUBMIT, {"html_file": upload})

    assert response["Location"] == reverse("admin:claims_article_change", args=[first.pk])
    assert _messages(response) == [
        "Already stored: here it is (“Drone strike on Velmora bus depot kills 14”)."
    ]
    assert _counts() == before


def test_editor_pastes_text_with_headline_outlet_and_date(editor_client, editor, velmora):
    response = editor_client.post(
        SUBMIT,
        {
            "text": "At least 9 people were killed in Velmora on Saturday, the Ostravian Civil "
            "Defence said.\n\nThe Civil Defence said 20 others were wounded.",
            "title": "Second strike on Velmora",
            "outlet": "Field notes",
            "published_at_0": "2024-03-09",
            "published_at_1": "18:30:00",
            "incident": velmora.pk,
        },
    )

    article = Article.objects.get()
    assert response["Location"] == reverse("admin:claims_article_change", args=[article.pk])
    assert (article.origin, article.title, article.outlet) == (
        "paste",
        "Second strike on Velmora",
        "Field notes",
    )
    assert article.published_at == datetime(2024, 3, 9, 18, 30, tzinfo=UTC)
    assert article.text.startswith("Second strike on Velmora\n\nAt least 9 people")
    figure = FigureClaim.objects.get(article=article, stated_text="At least 9")
    assert (figure.low, figure.high, figure.incident) == (9, None, velmora)
    assert figure.reported_at == article.published_at
    assert figure.history.first().history_user == editor
    [message] = _messages(response)
    assert "2 figures awaiting review" in message


def test_pasted_text_longer_than_ingestion_reads_gets_a_form_error_or_a_page_saying_why(
    editor_client, velmora, settings
):
    settings.INGEST_MAX_BYTES = 200_000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 300_000  # as settings.py derives it: cap + margin
    sentence = "At least 9 people were killed in Velmora, the Civil Defence said. "
    before = Article.objects.count()
    # Over what ingestion reads, under what the server accepts: the form says so.
    response = editor_client.post(SUBMIT, {"text": sentence * 3500, "incident": velmora.pk})
    assert response.status_code == 200
    assert "longer than ingestion reads (195 KB)" in response.content.decode()
    # Over what the server accepts at all: a page that says why, not a bare "Bad Request".
    response = editor_client.post(SUBMIT, {"text": sentence * 6000, "incident": velmora.pk})
    assert response.status_code == 400
    page = response.content.decode()
    assert "larger than 293 KB" in page and "Nothing was stored" in page
    assert Article.objects.count() == before
    # Up to the cap, pasted text is ingested.
    response = editor_client.post(SUBMIT, {"text": sentence * 2500, "incident": velmora.pk})
    assert response.status_code == 302 and Article.objects.count() == before + 1


def test_pasted_text_without_incident_points_to_the_suggested_one(editor_client, velmora):
    response = editor_client.post(
        SUBMIT,
        {
            "text": "At least 9 people were killed in Velmora, the Civil Defence said.",
            "published_at_0": "2024-03-09",
            "published_at_1": "12:00",
        },
    )

    article = Article.objects.get()
    assert (article.incident, article.suggested_incident) == (None, velmora)
    assert FigureClaim.objects.count() == 0  # claims are extracted once it is linked
    assert _messages(response) == [
        f"Read “{article}”; it looks like it reports “{velmora}”: link it below to extract "
        "its figures and timings."
    ]
    page = _page(editor_client, response["Location"])
    assert "Link to suggested incident" in page

    linked = editor_client.post(
        reverse("admin:claims_article_link", args=[article.pk]), {"incident": velmora.pk}
    )

    article.refresh_from_db()
    assert (article.incident, article.suggested_incident) == (velmora, None)
    assert FigureClaim.objects.get(article=article).incident == velmora
    assert "1 figure awaiting review" in _messages(linked)[0]


# Add article: bad input gives a form error and stores nothing --------------------------------


def _png():
    upload = io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    upload.name = "photo.html"  # the name lies; the content does not
    return upload


def _pdf():
    upload = io.BytesIO(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n")
    upload.name = "report.pdf"
    return upload


def _big():
    upload = io.BytesIO(b"<html><body><p>" + b"casualty figures " * 200 + b"</p></body></html>")
    upload.name = "big.html"
    return upload


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Give the article&#x27;s address, a saved page or its text."),
        ({"text": "   "}, "Give the article&#x27;s address, a saved page or its text."),
        ({"url": "not an address at all"}, "Enter a valid URL."),
        ({"url": "ftp://files.example.org/report.html"}, "Only http and https addresses"),
        ({"url": "https://news.example.org/a", "text": "At least 3 killed."}, "Give only one of"),
        ({"html_file": _png}, "This file is not a web page"),
        ({"html_file": _pdf}, "This file is not a web page"),
        ({"html_file": _big}, "ingestion reads pages of up to 1 KB"),
        ({"text": "<p> </p><script>x()</script>"}, "No article text found"),
        (
            {"url": "https://news.example.org/a", "title": "My headline"},
            "are read from the page itself",
        ),
    ],
    ids=[
        "empty",
        "blank-text",
        "not-a-url",
        "ftp",
        "two-inputs",
        "binary-png",
        "binary-pdf",
        "over-size-cap",
        "nothing-readable",
        "headline-with-address",
    ],
)
def test_bad_input_is_a_form_error_and_nothing_is_stored(
    editor_client, velmora, settings, django_capture_on_commit_callbacks, data, error
):
    settings.INGEST_MAX_BYTES = 1024
    before = _counts()
    data = {k: v() if callable(v) else v for k, v in data.items()}

    with django_capture_on_commit_callbacks() as enqueued:
        response = editor_client.post(SUBMIT, data)

    assert response.status_code == 200
    assert error in response.content.decode()
    assert 'class="errornote"' in response.content.decode()
    assert _counts() == before
    assert enqueued == []


# Permissions ---------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in_and_change_nothing(client, velmora):
    claim = FigureClaimFactory(incident=velmora)
    for url in (SUBMIT, REVIEW, MERGE):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    response = client.post(SUBMIT, {"text": "At least 9 people were killed in Velmora."})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = _decide(client, "confirmed", claim)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    claim.refresh_from_db()
    assert claim.status == "unreviewed" and Article.objects.count() == 0


def test_staff_without_permission_get_403_and_change_nothing(client, outsider, velmora):
    client.force_login(outsider)
    claim = FigureClaimFactory(incident=velmora)
    other = IncidentFactory(country=velmora.country, title=velmora.title + " (duplicate)")
    source = SourceFactory(is_suggested=True)
    before = _counts()

    assert client.get(SUBMIT).status_code == 403
    assert client.post(SUBMIT, {"text": "At least 9 people were killed."}).status_code == 403
    assert client.get(REVIEW).status_code == 403
    assert _decide(client, "confirmed", claim).status_code == 403
    assert client.get(MERGE, {"ids": [velmora.pk, other.pk]}).status_code == 403
    assert (
        client.post(f"{MERGE}?ids={velmora.pk}&ids={other.pk}", {"keep": velmora.pk}).status_code
        == 403
    )
    response = client.post(
        reverse("admin:claims_source_changelist"),
        {"action": "confirm_suggested", "_selected_action": [source.pk]},
    )
    assert response.status_code == 403

    claim.refresh_from_db()
    source.refresh_from_db()
    assert claim.status == "unreviewed" and source.is_suggested
    assert Incident.objects.filter(pk=other.pk).exists()
    assert _counts() == before


def test_an_editor_who_may_review_figures_only_sees_no_timings_and_cannot_decide_them(
    client, velmora
):
    from django.contrib.auth.models import Permission

    reviewer = UserFactory(username="figures-only", is_staff=True)
    reviewer.user_permissions.add(Permission.objects.get(codename="change_figureclaim"))
    client.force_login(reviewer)
    article = ArticleFactory(incident=velmora)
    figure = FigureClaimFactory(incident=velmora, article=article)
    timing = TimingClaimFactory(incident=velmora, article=article)

    queue = _page(client, REVIEW)

    assert f'value="figure:{figure.pk}"' in queue and f"timing:{timing.pk}" not in queue
    assert _decide(client, "confirmed", timing).status_code == 403
    timing.refresh_from_db()
    assert timing.status == "unreviewed"


# The review queue ----------------------------------------------------------------------------


def _article_with_claims(incident, text, *figures, created=None):
    """An article whose figures' evidence spans point at the given phrases of its text."""
    article = ArticleFactory(incident=incident, text=text, title=text.split(".")[0])
    claims = []
    for phrase, low in figures:
        start = text.index(phrase)
        claims.append(
            FigureClaimFactory(
                incident=incident,
                article=article,
                low=low,
                stated_text=str(low),
                evidence=phrase,
                evidence_start=start,
                evidence_end=start + len(phrase),
            )
        )
    return article, claims


def test_the_queue_groups_claims_by_article_oldest_first_and_filters(editor_client, velmora):
    other = IncidentFactory(title="Shelling of Arvel market")
    old, (old_claim,) = _article_with_claims(
        velmora, "Old report. 12 people died.", ("12 people died", 12)
    )
    new, _ = _article_with_claims(other, "New report. 30 people died.", ("30 people died", 30))
    hand = FigureClaimFactory(incident=other, low=44, stated_text="44")  # no article
    reviewed = FigureClaimFactory(incident=velmora, article=old, low=3, confirmed=True)

    queue = _page(editor_client, REVIEW)
    # Each card's Edit link opens the claim's form, which comes back to the card when saved.
    edit = reverse("admin:claims_figureclaim_change", args=[old_claim.pk])
    assert f"{edit}?next=%2Fadmin%2Fclaims%2Freview%2F%23figure-{old_claim.pk}" in queue

    assert (
        queue.index("Old report")
        < queue.index("New report")
        < queue.index("Entered without an article")
    )
    assert (
        "3 claims</strong> await review, oldest first: 2 from 2 articles, 1 entered without an "
        "article." in queue
    )
    assert f"figure:{hand.pk}" in queue and f"figure:{reviewed.pk}" not in queue
    by_incident = _page(editor_client, REVIEW, incident=velmora.pk)
    assert "Old report" in by_incident and "New report" not in by_incident
    by_article = _page(editor_client, REVIEW, article=new.pk)
    assert "New report" in by_article and "Old report" not in by_article
    assert "Article: New report" in by_article
    assert "Nothing awaits review" in _page(
        editor_client, REVIEW, incident=velmora.pk, article=new.pk
    )
    assert f'value="figure:{old_claim.pk}"' in queue


def test_the_queue_is_paginated_by_article(editor_client, velmora, monkeypatch):
    monkeypatch.setattr(queue, "GROUPS_PER_PAGE", 2)
    for n in range(5):
        _article_with_claims(
            velmora, f"Report {n}. {n + 10} people died.", (f"{n + 10} people died", n + 10)
        )

    first = _page(editor_client, REVIEW)
    last = _page(editor_client, REVIEW, page=3)

    assert "Report 0" in first and "Report 1" in first and "Report 2" not in first
    assert "Page 1 of 3" in first and "page=2" in first
    assert "Report 4" in last and "Report 0" not in last


def test_the_queue_query_count_does_not_grow_with_articles(
    editor_client, velmora, django_assert_num_queries
):
    def load():
        # Session, user, 2 x permissions; 2 grouped counts; the page's articles, figures and
        # timings; the incident filter's choices.
        with django_assert_num_queries(10):
            _page(editor_client, REVIEW)

    _article_with_claims(velmora, "One. 5 people died.", ("5 people died", 5))
    load()
    for n in range(6):
        article, _ = _article_with_claims(
            velmora, f"More {n}. {n + 20} died.", (f"{n + 20} died", n + 20)
        )
        TimingClaimFactory(incident=velmora, article=article)
    load()


def test_bulk_approve_and_reject_change_each_selected_claim_and_record_who(
    editor_client, editor, velmora
):
    _, (a, b) = _article_with_claims(
        velmora,
        "Report. 12 people died. 14 were hurt.",
        ("12 people died", 12),
        ("14 were hurt", 14),
    )
    timing = TimingClaimFactory(incident=velmora)
    untouched = FigureClaimFactory(incident=velmora, low=99)

    approved = editor_client.post(
        REVIEW,
        {"bulk": "confirmed", "claim": [f"figure:{a.pk}", f"timing:{timing.pk}"]},
        follow=True,
    )
    rejected = editor_client.post(
        REVIEW, {"bulk": "rejected", "claim": [f"figure:{b.pk}"]}, follow=True
    )
    nothing = editor_client.post(REVIEW, {"bulk": "confirmed"}, follow=True)

    assert _messages(approved) == ["2 claims approved."]
    assert _messages(rejected) == [f"Rejected “{b}”."]
    assert _messages(nothing) == ["Tick the claims to approve or reject first."]
    for claim, status in (
        (a, "confirmed"),
        (timing, "confirmed"),
        (b, "rejected"),
        (untouched, "unreviewed"),
    ):
        claim.refresh_from_db()
        assert claim.status == status
    decided = a.history.get(history_change_reason="status: confirmed")
    assert (decided.status, decided.history_user) == ("confirmed", editor)
    velmora.refresh_from_db()
    assert velmora.killed_low == 12  # the approved figure now counts in the summary


def test_approve_all_of_one_article(editor_client, velmora):
    _, claims = _article_with_claims(
        velmora,
        "Report. 12 people died. 14 were hurt.",
        ("12 people died", 12),
        ("14 were hurt", 14),
    )
    queue = _page(editor_client, REVIEW)
    assert "Approve all 2" in queue

    response = _decide(editor_client, "confirmed", *claims)

    assert _messages(response) == ["2 claims approved."]
    assert {c.status for c in FigureClaim.objects.all()} == {"confirmed"}


def test_a_claim_someone_else_reviewed_meanwhile_is_left_as_they_decided(editor_client, velmora):
    claim = FigureClaimFactory(incident=velmora)
    services.claim_set_status(claim, status="rejected")

    response = _decide(editor_client, "confirmed", claim)

    assert _messages(response) == ["1 was already reviewed by someone else and left as they were."]
    claim.refresh_from_db()
    assert claim.status == "rejected"


def test_the_queue_shows_every_flag_and_the_sentence_of_a_claim_without_span(
    editor_client, velmora
):
    FigureClaimFactory(
        incident=velmora,
        low=40_000,
        high=None,
        qualifier="more_than",
        stated_text="more than 40,000",
        is_hedged=True,
        is_cumulative=True,
        marked_earlier=True,
        is_headline=True,
        evidence="The war has killed more than 40,000 people.",
        cited_text="health officials",
    )
    queue = _page(editor_client, REVIEW)
    for flag in ("earlier figure", "hedged", "cumulative toll", "headline"):
        assert f">{flag}</span>" in queue
    assert (
        '<blockquote class="rq-quote">The war has killed more than 40,000 people.</blockquote>'
        in queue
    )
    assert "= 40000+ (more than)" in queue
    assert "health officials" in queue
    assert "Entered without an article" in queue


def test_article_text_and_claim_fields_are_escaped_on_the_review_page(editor_client, velmora):
    source = SourceFactory(name=f"Wire {SCRIPT}")
    text = f"Intro {SCRIPT}. The wire said 70 people were killed. End."
    article = ArticleFactory(incident=velmora, text=text, title=f"Title {SCRIPT}", outlet=SCRIPT)
    start = text.index("The wire")
    FigureClaimFactory(
        incident=velmora,
        article=article,
        claimant=source,
        low=70,
        stated_text=f"70 {SCRIPT}"[:200],
        victims_text=SCRIPT,
        cited_text=SCRIPT,
        evidence=SCRIPT,
        evidence_start=start,
        evidence_end=text.index("End."),
    )
    TimingClaimFactory(
        incident=velmora, article=article, claimant=source, stated_text=SCRIPT, zone_label="x<b>"
    )

    queue = _page(editor_client, REVIEW)

    assert "<script>window.__xss" not in queue
    assert "x<b>" not in queue
    escaped = "&lt;script&gt;window.__xss=1&lt;/script&gt;"
    assert f"Intro {escaped}." in queue  # the article text, as text
    assert f"Wire {escaped}" in queue and f"Title {escaped}" in queue
    assert queue.count(escaped) >= 7
    assert "<mark" in queue


# The article page ----------------------------------------------------------------------------


def test_changing_an_articles_incident_on_its_page_extracts_its_claims_there(
    editor_client, velmora
):
    article = ingest.article_from_text(
        text="At least 9 people were killed in Velmora, the Civil Defence said."
    )
    assert FigureClaim.objects.count() == 0
    data = {
        "title": article.title,
        "url": "",
        "outlet": "",
        "published_at_0": "",
        "published_at_1": "",
        "incident": velmora.pk,
        "suggested_incident": "",
    }

    response = editor_client.post(reverse("admin:claims_article_change", args=[article.pk]), data)

    assert response.status_code == 302
    assert FigureClaim.objects.get(article=article).incident == velmora
    assert any("1 figure awaiting review" in m for m in _messages(response))


def test_the_article_page_warns_about_likely_duplicate_incidents(editor_client, velmora):
    duplicate = IncidentFactory(
        title="Drone strike on Velmora bus depot kills 14",
        country="Ostravia",
        place="Velmora",
        started_at=velmora.started_at,
    )
    article = ArticleFactory(incident=velmora)

    page = _page(editor_client, reverse("admin:claims_article_change", args=[article.pk]))

    assert "may be a duplicate" in page and duplicate.title in page
    assert f"{MERGE}?ids={velmora.pk}&amp;ids={duplicate.pk}" in page


# Incidents: duplicates and merging -----------------------------------------------------------


def test_merge_keeps_every_claim_and_its_history(editor_client, editor, velmora):
    duplicate = IncidentFactory(
        title="Velmora depot drone attack",
        country="Ostravia",
        place="Velmora",
        started_at=velmora.started_at,
    )
    article, (figure,) = _article_with_claims(
        duplicate, "Report. 12 people died.", ("12 people died", 12)
    )
    timing = TimingClaimFactory(incident=duplicate, article=article)
    kept_claim = FigureClaimFactory(incident=velmora, low=14, confirmed=True)
    figure.editor_note = "checked against the wire"
    services.figure_claim_save(figure, acting_user=editor, reason="checked")
    history_before = {
        c.pk: set(c.history.values_list("history_id", flat=True)) for c in (figure, timing)
    }

    warned = _page(editor_client, reverse("admin:claims_incident_change", args=[velmora.pk]))
    assert "Possibly a duplicate" in warned and duplicate.title in warned

    picked = editor_client.post(
        reverse("admin:claims_incident_changelist"),
        {"action": "merge_into", "_selected_action": [velmora.pk, duplicate.pk]},
    )
    assert picked.status_code == 302
    confirm = _page(editor_client, picked["Location"])
    assert "Pick the incident to <strong>keep</strong>" in confirm
    assert velmora.title in confirm and duplicate.title in confirm

    merged = editor_client.post(picked["Location"], {"keep": velmora.pk})

    assert merged["Location"] == reverse("admin:claims_incident_change", args=[velmora.pk])
    assert _messages(merged) == [
        f"Merged “{duplicate}” into “{velmora}”: 1 figures, 1 timings and 1 articles moved; "
        "the duplicate's history keeps it."
    ]
    assert not Incident.objects.filter(pk=duplicate.pk).exists()
    assert set(FigureClaim.objects.values_list("incident", flat=True)) == {velmora.pk}
    assert FigureClaim.objects.count() == 2 and TimingClaim.objects.count() == 1
    for claim in (figure, timing):
        claim.refresh_from_db()
        records = list(claim.history.all())
        assert history_before[claim.pk] < {r.history_id for r in records}  # none lost
        move = claim.history.get(history_change_reason=f"merged from incident {duplicate.slug}")
        assert (move.incident_id, move.history_user) == (velmora.pk, editor)
        assert records[-1].incident_id == duplicate.pk  # where it started, still on record
    assert figure.history.filter(history_change_reason="checked").exists()
    kept_claim.refresh_from_db()
    assert kept_claim.incident == velmora
    article.refresh_from_db()
    assert article.incident == velmora


def test_merge_needs_exactly_two_incidents(editor_client, velmora):
    one, two = IncidentFactory.create_batch(2)
    changelist = reverse("admin:claims_incident_changelist")
    for selected in ([velmora.pk], [velmora.pk, one.pk, two.pk]):
        response = editor_client.post(
            changelist, {"action": "merge_into", "_selected_action": selected}, follow=True
        )
        assert _messages(response) == [
            "Select exactly two incidents to merge: the one to keep and its duplicate."
        ]
    response = editor_client.post(f"{MERGE}?ids={velmora.pk}&ids={one.pk}", {})
    assert "Pick the incident to keep." in response.content.decode()
    assert Incident.objects.count() == 3


# Sources suggested by extraction -------------------------------------------------------------


def test_editor_confirms_suggested_sources_from_the_list(editor_client, editor):
    suggested = ingest.source_suggest("Velmora Rescue Service")
    known = SourceFactory(name="Known Monitor")
    assert suggested.is_suggested

    response = editor_client.post(
        reverse("admin:claims_source_changelist"),
        {"action": "confirm_suggested", "_selected_action": [suggested.pk, known.pk]},
    )

    assert _messages(response) == ["1 source confirmed (1 already confirmed)."]
    suggested.refresh_from_db()
    assert not suggested.is_suggested
    record = suggested.history.first()
    assert (record.history_user, record.history_change_reason) == (editor, "confirmed by an editor")


# Ways in -------------------------------------------------------------------------------------


def test_the_admin_index_and_the_article_list_link_to_add_article_and_the_queue(editor_client):
    for url in (reverse("admin:index"), reverse("admin:claims_article_changelist")):
        page = _page(editor_client, url)
        assert f'href="{SUBMIT}"' in page and f'href="{REVIEW}"' in page
