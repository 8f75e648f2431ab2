"""The API's reads: public rows only, with everything a page of results shows joined or counted,
so that a page costs the same few queries however many claims there are.

Kept beside the API (claims/selectors.py serves the HTML pages); the comparison endpoint reuses
claims.selectors.incident_page as the incident page does.
"""

from django.db.models import Exists, F, Func, OuterRef, Q, Subquery

from claims.models import FigureClaim, Incident, Source, TimingClaim


def incidents():
    """Every incident, newest first (undated last). The list's columns are on the row itself."""
    return Incident.objects.order_by(F("started_at").desc(nulls_last=True), "id")


def figure_claims():
    """Confirmed figures with their incident, sources and article joined, by incident and metric."""
    return (
        FigureClaim.objects.public()
        .select_related("incident", "claimant", "cited_source", "article")
        # The article's full text and archived page are never shown by the API.
        .defer("article__text", "article__raw_html", "incident__summary")
        .order_by("incident_id", "metric", "reported_at", "id")
    )


def timing_claims():
    """Confirmed timings with their incident, sources and article joined, by incident and date."""
    return (
        TimingClaim.objects.public()
        .select_related("incident", "claimant", "cited_source", "article")
        .defer("article__text", "article__raw_html", "incident__summary")
        .order_by("incident_id", "reported_at", "id")
    )


def _count(queryset) -> Subquery:
    """COUNT(*) of `queryset` as a scalar subquery (no GROUP BY: one row, 0 when empty)."""
    return Subquery(queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n"))


def sources():
    """Sources with their confirmed-claim counts and aliases; a suggested source only once one of
    its claims is confirmed (a name read from an unreviewed article is not public yet)."""
    figures = FigureClaim.objects.public().filter(claimant=OuterRef("pk"))
    timings = TimingClaim.objects.public().filter(claimant=OuterRef("pk"))
    # Nested OuterRef: the incident's claims by the source of the outer query.
    reported = Incident.objects.filter(
        Exists(
            FigureClaim.objects.public().filter(
                incident=OuterRef("pk"), claimant=OuterRef(OuterRef("pk"))
            )
        )
        | Exists(
            TimingClaim.objects.public().filter(
                incident=OuterRef("pk"), claimant=OuterRef(OuterRef("pk"))
            )
        )
    )
    return (
        Source.objects.annotate(
            figure_claim_count=_count(figures),
            timing_claim_count=_count(timings),
            # Not "incident_count": the model has a denormalised column of that name.
            confirmed_incident_count=_count(reported),
        )
        .filter(Q(is_suggested=False) | Q(figure_claim_count__gt=0) | Q(timing_claim_count__gt=0))
        .prefetch_related("aliases")
        .order_by("name", "id")
    )
