"""Atom feeds of new, revised and withdrawn figures: one per incident and one for the whole site."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from claims.changelog import change_events
from claims.models import Incident


class _ChangesFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item):
        return f"{item.action.capitalize()}: {item.sentence}"

    def item_description(self, item):
        return item.note or ""

    def item_pubdate(self, item):
        return item.when

    def item_updateddate(self, item):
        return item.when

    def item_guid(self, item):
        return f"{item.kind}-{item.claim_id}-{item.when.isoformat()}-{item.action}"

    item_guid_is_permalink = False


class IncidentChangesFeed(_ChangesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Incident, slug=slug)

    def title(self, obj):
        return f"{obj.title}: figure changes"

    def link(self, obj):
        return reverse("claims:incident-changes", kwargs={"slug": obj.slug})

    def subtitle(self, obj):
        return "Figures and times added, revised or withdrawn, with the editors' notes."

    def items(self, obj):
        return change_events(obj)[:100]

    def item_link(self, item):
        return reverse("claims:incident-changes", kwargs={"slug": self._slug}) + (
            f"#{item.kind}-{item.claim_id}"
        )

    def get_feed(self, obj, request):
        self._slug = obj.slug
        return super().get_feed(obj, request)


class AllChangesFeed(_ChangesFeed):
    title = "Casualty tracker: figure changes"
    subtitle = "Figures and times added, revised or withdrawn on any incident."

    def link(self):
        return reverse("claims:incident-list")

    def items(self):
        events = change_events(limit=300)[:100]
        slugs = dict(
            Incident.objects.filter(pk__in={e.incident_id for e in events}).values_list(
                "pk", "slug"
            )
        )
        self._slugs = slugs
        return events

    def item_link(self, item):
        slug = self._slugs.get(item.incident_id)
        if slug is None:
            return reverse("claims:incident-list")
        return reverse("claims:incident-changes", kwargs={"slug": slug}) + (
            f"#{item.kind}-{item.claim_id}"
        )
