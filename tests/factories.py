"""factory_boy factories for the tracker's rows, created through the services as users would.

Audited rows (incidents, sources, claims) are saved with `claims.services`, so a factory-made row
has the same history, aliases, revision links and incident summary as one an editor entered.
Claims default to the model's default status (unreviewed); use `confirmed=True` (a trait) or
`status=...` for claims that public pages show.
"""

from datetime import UTC, datetime, timedelta
from functools import cache

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from claims import services
from claims.models import Article, FigureClaim, Incident, Source, TimingClaim

PASSWORD = "correct horse battery staple"


@cache
def _password_hash() -> str:
    # Hashing is deliberately slow; hash the shared test password once per test run.
    return make_password(PASSWORD)


class UserFactory(factory.django.DjangoModelFactory):
    """A user who can log in with `PASSWORD`. `groups=["Editors"]` puts them in named groups."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.LazyFunction(_password_hash)
    is_staff = False
    is_superuser = False

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in names))


class SourceFactory(factory.django.DjangoModelFactory):
    """A source with its name (and any `aliases=[...]`) as aliases, via services.source_create."""

    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Monitor {n}")
    kind = Source.Kind.MONITOR
    aliases = ()

    @classmethod
    def _build(cls, model_class, *args, aliases=(), **kwargs):
        return model_class(*args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.source_create(**kwargs)


class IncidentFactory(factory.django.DjangoModelFactory):
    """An incident (slug made from the title), via services.incident_create."""

    class Meta:
        model = Incident

    title = factory.Sequence(lambda n: f"Strike on village {n}")
    place = factory.LazyAttribute(lambda i: f"{i.title} (place)")
    country = "Testland"
    time_zone = "UTC"
    started_at = factory.LazyFunction(lambda: datetime(2020, 1, 1, 6, 0, tzinfo=UTC))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.incident_create(**kwargs)


class ArticleFactory(factory.django.DjangoModelFactory):
    """An extracted article (content hash kept in step), via services.article_save."""

    class Meta:
        model = Article

    url = factory.Sequence(lambda n: f"https://news.example.org/story-{n}")
    outlet = "Example News"
    title = factory.Sequence(lambda n: f"Report number {n}")
    published_at = factory.LazyFunction(lambda: datetime(2020, 1, 2, 9, 0, tzinfo=UTC))
    text = factory.LazyAttribute(lambda a: f"{a.title}. At least 12 civilians were killed.")
    status = Article.Status.EXTRACTED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.article_save(model_class(*args, **kwargs))


class _ClaimFactory(factory.django.DjangoModelFactory):
    class Params:
        confirmed = factory.Trait(status=FigureClaim.Status.CONFIRMED)

    # Passed to the service on create (who entered the claim and why), never to the model.
    acting_user = None
    reason = ""

    @classmethod
    def _build(cls, model_class, *args, acting_user=None, reason="", **kwargs):
        return model_class(*args, **kwargs)

    incident = factory.SubFactory(IncidentFactory)
    claimant = factory.SubFactory(SourceFactory)
    reported_at = factory.LazyAttribute(lambda c: c.incident.started_at + timedelta(hours=6))


class FigureClaimFactory(_ClaimFactory):
    """A figure claim, exactly `low` killed by default, via services.figure_claim_save."""

    class Meta:
        model = FigureClaim

    metric = FigureClaim.Metric.KILLED
    victim_group = FigureClaim.VictimGroup.CIVILIANS
    low = 10
    high = factory.LazyAttribute(lambda c: c.low)
    qualifier = FigureClaim.Qualifier.EXACT
    stated_text = factory.LazyAttribute(lambda c: str(c.low))

    @classmethod
    def _create(cls, model_class, *args, acting_user=None, reason="", **kwargs):
        claim = model_class(*args, **kwargs)
        return services.figure_claim_save(claim, acting_user=acting_user, reason=reason)


class TimingClaimFactory(_ClaimFactory):
    """A timing claim for a moment one hour after the incident start, via timing_claim_save."""

    class Meta:
        model = TimingClaim

    stated_text = "around 7 a.m. GMT"
    zone_label = "GMT"
    start_utc = factory.LazyAttribute(lambda c: c.incident.started_at + timedelta(hours=1))
    end_utc = None

    @classmethod
    def _create(cls, model_class, *args, acting_user=None, reason="", **kwargs):
        claim = model_class(*args, **kwargs)
        return services.timing_claim_save(claim, acting_user=acting_user, reason=reason)
