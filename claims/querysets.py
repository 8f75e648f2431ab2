"""Composable, side-effect-free QuerySet methods used by selectors, views and exports."""

from django.db import models
from django.db.models import Q


class IncidentQuerySet(models.QuerySet):
    def search(self, text: str):
        """Incidents whose title, place or country contains every word of `text`."""
        qs = self
        for word in text.split()[:8]:
            qs = qs.filter(
                Q(title__icontains=word) | Q(place__icontains=word) | Q(country__icontains=word)
            )
        return qs

    def reported_by(self, source):
        """Incidents for which `source` made at least one figure or timing claim."""
        return self.filter(
            Q(figureclaims__claimant=source) | Q(timingclaims__claimant=source)
        ).distinct()


class ClaimQuerySet(models.QuerySet):
    def public(self):
        """Claims shown to everyone: confirmed by an editor."""
        return self.filter(status="confirmed")

    def visible_to(self, user):
        """Confirmed claims, plus unreviewed ones for staff (rejected claims never count)."""
        if user is not None and user.is_authenticated and user.is_staff:
            return self.exclude(status="rejected")
        return self.public()

    def with_provenance(self):
        """Joins the claimant, cited source and article, which every page and export shows."""
        return self.select_related("claimant", "cited_source", "article")


class FigureClaimQuerySet(ClaimQuerySet):
    def current(self):
        """Only each claimant's latest figure per metric and victim group."""
        return self.filter(is_current=True)


class TimingClaimQuerySet(ClaimQuerySet):
    pass
