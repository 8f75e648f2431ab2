"""Citing and sharing: the citation line, the plain-text summary, the change log and its feeds."""

import html
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model

from claims import services
from claims.models import FigureClaim, Incident

pytestmark = pytest.mark.django_db

SLUG = "deir-ez-zor-airport-strike-2016"
ATOM = "{http://www.w3.org/2005/Atom}"


def _text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_incident_page_carries_a_citation_with_a_permalink_that_freezes_the_view(client, demo):
    text = _text(client.get(demo.get_absolute_url()))
    citation = re.search(r"Cite: (.*?) Copy the disagreement", text).group(1)
    assert citation.startswith(demo.title)
    assert "figures as reported by 18 September 2016, 07:00 UTC" in citation
    assert "reconciled by: full range of current figures" in citation
    permalink = re.search(r"http://testserver\S+", citation).group(0)
    assert permalink.endswith(f"/incidents/{SLUG}/?rule=range&as_of=2016-09-18T07:00:00")
    frozen = _text(client.get(permalink.removeprefix("http://testserver")))
    assert "at least 90" in frozen and "from 62" in frozen


def test_copy_as_text_holds_the_summary_and_the_citation(client, demo):
    page = client.get(demo.get_absolute_url()).content.decode()
    plain = html.unescape(
        re.search(r'<textarea id="plain-text"[^>]*>(.*?)</textarea>', page, re.S)[1]
    )
    assert "- Sources disagree on the death toll: from 62" in plain
    assert "Casualty tracker, figures as reported by" in plain


def test_dataset_identifiers_link_to_the_same_event_elsewhere(client, demo):
    Incident.objects.filter(pk=demo.pk).update(ucdp_ged_id="123456", acled_event_id="SYR9999")
    page = client.get(demo.get_absolute_url()).content.decode()
    assert 'href="https://ucdp.uu.se/event/123456"' in page
    assert "ACLED event SYR9999" in page


def _add(demo, source, stated, low, high, status=FigureClaim.Status.CONFIRMED, reason=""):
    claim = FigureClaim(
        incident=demo,
        claimant=source,
        stated_text=stated,
        low=low,
        high=high,
        reported_at=datetime(2016, 9, 19, tzinfo=UTC),
        status=status,
    )
    return services.figure_claim_save(claim, reason=reason)


def test_change_log_lists_additions_revisions_and_withdrawals_with_notes(client, demo):
    editor = get_user_model().objects.create_user("zq-editor-7", password="x" * 12, is_staff=True)
    wire = services.source_create(name="Capital Wire")
    claim = _add(demo, wire, "70", 70, 70, reason="from the wire's evening update")
    claim.stated_text, claim.low, claim.high = "about 75", 68, 82
    services.figure_claim_save(claim, acting_user=editor, reason="wire corrected its figure")
    hidden = _add(demo, wire, "999", 999, 999, status=FigureClaim.Status.UNREVIEWED)
    services.claim_set_status(claim, status="rejected", reason="wire retracted the story")
    text = _text(client.get(f"/incidents/{SLUG}/changes/"))
    assert "added Capital Wire: 70 killed" in text
    assert "from the wire's evening update" in text
    assert "revised Capital Wire: about 75 killed (was 70)" in text
    assert "wire corrected its figure" in text
    assert "withdrawn Capital Wire: about 75 killed" in text
    assert "wire retracted the story" in text
    assert "999" not in text and hidden.pk
    assert "zq-editor-7" not in text  # editors' notes are public, their names are not
    newest_first = [text.index(f"{a} Capital Wire") for a in ("withdrawn", "revised", "added")]
    assert newest_first == sorted(newest_first)


def test_atom_feeds_announce_changes_per_incident_and_overall(client, demo):
    wire = services.source_create(name="Capital Wire")
    _add(demo, wire, "70", 70, 70, reason="evening update")
    for url in (f"/incidents/{SLUG}/changes.atom", "/changes.atom"):
        response = client.get(url)
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)  # noqa: S314 - our own feed
        titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
        assert "Added: Capital Wire: 70 killed" in titles
        assert "Added: Russian defence ministry: 62 killed" in titles
