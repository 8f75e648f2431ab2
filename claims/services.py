"""Writes and use cases. Every change to audited rows goes through here, so that history records
who changed what and why, the revision links stay right and the list's summary stays current."""

import hashlib
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from claims import pagecache, selectors, track
from claims.models import Article, FigureClaim, Incident, Source, SourceAlias, TimingClaim


class EditConflict(ValidationError):
    """Someone else saved the row after this editor loaded it: nothing was overwritten."""


def _save_audited(obj, *, acting_user=None, reason: str = "") -> None:
    """full_clean() then save(), recording who and why in the row's history.

    Rows with a `version` are saved only if nobody saved them since they were loaded: the stored
    version is read under a row lock and must equal the one the caller holds (else EditConflict);
    the saved row gets the next version. Call inside a transaction (every service here is one).
    """
    obj.full_clean()
    if acting_user is not None and acting_user.is_authenticated:
        obj._history_user = acting_user
    if reason:
        obj._change_reason = reason[:100]
    if hasattr(obj, "version") and obj.pk is not None:
        stored = (
            type(obj)
            .objects.select_for_update()
            .filter(pk=obj.pk)
            .values_list("version", flat=True)
        )
        stored = stored.first()
        if stored is not None and stored != obj.version:
            raise EditConflict(
                f"Someone else saved this {obj._meta.verbose_name} while you were editing it "
                f"(version {stored}, yours was {obj.version}). Nothing was overwritten: reload "
                "the page to see their change, then apply yours again."
            )
        obj.version = (stored or obj.version) + 1
    obj.save()


@transaction.atomic
def source_create(
    *, name: str, kind=Source.Kind.OTHER, aliases=(), acting_user=None, reason="created", **extra
):
    """Creates a source with its aliases; the name itself is always an alias too."""
    source = Source(name=name, slug=_unique_slug(Source, name), kind=kind, **extra)
    _save_audited(source, acting_user=acting_user, reason=reason)
    for alias in {name, *aliases}:
        source_alias_add(source=source, alias=alias, acting_user=acting_user)
    return source


def source_alias_add(*, source: Source, alias: str, acting_user=None) -> SourceAlias:
    """Maps another name to `source`; an alias already pointing at it is left as it is."""
    existing = SourceAlias.objects.filter(normalized=SourceAlias.normalize(alias)).first()
    if existing is not None and existing.source_id == source.pk:
        return existing
    row = SourceAlias(source=source, alias=alias)
    _save_audited(row, acting_user=acting_user, reason="alias added")
    return row


def source_for_name(name: str) -> Source | None:
    """The source a name refers to, through its aliases (case and spacing ignored)."""
    alias = (
        SourceAlias.objects.select_related("source")
        .filter(normalized=SourceAlias.normalize(name))
        .first()
    )
    return alias.source if alias else None


def _unique_slug(model, text: str) -> str:
    base = slugify(text)[:100] or "item"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def content_hash(text: str) -> str:
    """The article identity used for de-duplication: SHA-256 of the whitespace-collapsed text."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def article_save(article: Article) -> Article:
    """Validates and saves an article, keeping its content hash in step with its text."""
    article.content_hash = content_hash(article.text) if article.text else ""
    article.full_clean()
    article.save()
    return article


@transaction.atomic
def incident_create(*, title: str, acting_user=None, reason: str = "created", **fields) -> Incident:
    fields.setdefault("slug", _unique_slug(Incident, title))
    incident = Incident(title=title, **fields)
    _save_audited(incident, acting_user=acting_user, reason=reason)
    return incident


@transaction.atomic
def figure_claim_save(claim: FigureClaim, *, acting_user=None, reason: str = "") -> FigureClaim:
    """Validates and saves a figure claim (new or changed), then refreshes revisions and summary."""
    if claim.pk is None and claim.entered_by_id is None and acting_user is not None:
        claim.entered_by = acting_user if acting_user.is_authenticated else None
    if claim.pk is None:
        # What the relink below will decide for a claim nothing supersedes yet; set now so the
        # first history row is already right.
        claim.is_current = claim.status == FigureClaim.Status.CONFIRMED and not claim.is_cumulative
    _save_audited(claim, acting_user=acting_user, reason=reason or _default_reason(claim))
    incident_claims_changed(claim.incident, acting_user=acting_user)
    claim.refresh_from_db(fields=["supersedes", "is_current"])
    return claim


@transaction.atomic
def timing_claim_save(claim: TimingClaim, *, acting_user=None, reason: str = "") -> TimingClaim:
    """Validates and saves a timing claim, then refreshes the incident's summary."""
    if claim.pk is None and claim.entered_by_id is None and acting_user is not None:
        claim.entered_by = acting_user if acting_user.is_authenticated else None
    _save_audited(claim, acting_user=acting_user, reason=reason or _default_reason(claim))
    incident_claims_changed(claim.incident, acting_user=acting_user)
    return claim


def _default_reason(claim) -> str:
    return claim.editor_note or ("added" if claim._state.adding else "changed")


@transaction.atomic
def claim_set_status(claim, *, status: str, acting_user=None, reason: str = ""):
    """Confirms or rejects a figure or timing claim, recording who did it."""
    claims_set_status([claim], status=status, acting_user=acting_user, reason=reason)
    if isinstance(claim, FigureClaim):
        claim.refresh_from_db(fields=["supersedes", "is_current"])
    return claim


@transaction.atomic
def claims_set_status(claims, *, status: str, acting_user=None, reason: str = "") -> int:
    """Confirms or rejects many claims; each incident touched is refreshed once, not per claim.

    Returns how many claims changed status."""
    touched, changed = {}, 0
    for claim in claims:
        if claim.status == status:
            continue
        claim.status = status
        _save_audited(claim, acting_user=acting_user, reason=reason or f"status: {status}")
        touched[claim.incident_id] = claim.incident
        changed += 1
    for incident in touched.values():
        incident_claims_changed(incident, acting_user=acting_user)
    return changed


@transaction.atomic
def incident_save(incident: Incident, *, acting_user=None, reason: str = "") -> Incident:
    """Validates and saves an incident (new or changed), recording who and why."""
    _save_audited(incident, acting_user=acting_user, reason=reason or "saved")
    return incident


@transaction.atomic
def source_save(source: Source, *, acting_user=None, reason: str = "") -> Source:
    """Validates and saves a source; its name is always one of its aliases (as source_create)."""
    _save_audited(source, acting_user=acting_user, reason=reason or "saved")
    source_alias_add(source=source, alias=source.name, acting_user=acting_user)
    return source


def source_alias_save(alias: SourceAlias, *, acting_user=None) -> SourceAlias:
    """Adds an alias (kept once if the source has it already) or saves a renamed one."""
    if alias.pk is None:
        return source_alias_add(source=alias.source, alias=alias.alias, acting_user=acting_user)
    _save_audited(alias, acting_user=acting_user, reason="alias changed")
    return alias


def audited_delete(obj, *, acting_user=None) -> None:
    """Deletes a row; its history (and that of rows deleted with it) records who did it, and
    keeps the last state, so an administrator can restore it from the history."""
    if acting_user is not None and acting_user.is_authenticated:
        obj._history_user = acting_user
    obj.delete()


@transaction.atomic
def claims_delete(claims, *, acting_user=None) -> None:
    """Deletes claims, then refreshes each incident they belonged to once."""
    incidents = {}
    for claim in claims:
        incidents[claim.incident_id] = claim.incident
        audited_delete(claim, acting_user=acting_user)
    for incident in incidents.values():
        incident_claims_changed(incident, acting_user=acting_user)


@transaction.atomic
def claim_restore(model, *, history_id: int, acting_user=None, reason: str = ""):
    """Brings back a deleted figure or timing claim as it was when deleted (same id, same
    evidence), from its history; refused if the claim exists or its incident is gone."""
    record = model.history.get(history_id=history_id)
    if record.history_type != "-":
        raise ValidationError("Only a deletion can be undone from this record.")
    if model.objects.filter(pk=record.id).exists():
        raise ValidationError("This claim exists again already.")
    if not Incident.objects.filter(pk=record.incident_id).exists():
        raise ValidationError("Its incident was deleted too: restore the incident first.")
    claim = record.instance
    claim.version = 1
    _claim_save(claim, acting_user, reason or "restored after deletion")
    return claim


def deleted_claims(model, *, limit: int = 100):
    """The latest deletion record of each claim that is still deleted, newest first."""
    existing = model.objects.values("pk")
    return (
        model.history.filter(history_type="-")
        .exclude(id__in=existing)
        .select_related("history_user")
        .order_by("-history_date")[:limit]
    )


def _claims_where(**lookup):
    for model in (FigureClaim, TimingClaim):
        yield from model.objects.filter(**lookup).select_related("incident")


@transaction.atomic
def source_delete(source: Source, *, acting_user=None) -> None:
    """Deletes a source that made no claims (claimant is PROTECTed). Claims citing it lose the
    link through an audited save first, so the change shows in their history."""
    for claim in _claims_where(cited_source=source):
        claim.cited_source = None
        _claim_save(claim, acting_user, f"cited source “{source}” deleted")
    audited_delete(source, acting_user=acting_user)


@transaction.atomic
def article_delete(article: Article, *, acting_user=None) -> None:
    """Deletes an article; its claims keep their evidence sentence but lose the link and the
    character span (which indexed the deleted text), recorded in their history."""
    for claim in _claims_where(article=article):
        claim.article = None
        claim.evidence_start = claim.evidence_end = None
        _claim_save(claim, acting_user, f"article “{article}” deleted")
    article.delete()


def _claim_save(claim, acting_user, reason: str) -> None:
    save = figure_claim_save if isinstance(claim, FigureClaim) else timing_claim_save
    save(claim, acting_user=acting_user, reason=reason)


def incident_claims_changed(incident: Incident, *, acting_user=None) -> None:
    """Relinks revisions, then refreshes the list's summary and the track records of every
    source with a claim there (their peers changed too) after any claim of `incident` changed."""
    pagecache.data_changed()  # the writes below use update(), which sends no signal
    figures_relink(incident, acting_user=acting_user)
    incident_refresh_summary(incident)


def sources_refresh_track_records(source_ids) -> None:
    """Recomputes the sources list's denormalised columns for the given sources (not audited)."""
    pagecache.data_changed()
    track.sources_refresh(source_ids)


def figures_relink(incident: Incident, *, acting_user=None) -> None:
    """Sets `supersedes` and `is_current` on the incident's confirmed figures.

    1. Group confirmed figures by (claimant, metric, victim group).
    2. Order each group by reported_at, then id: each figure supersedes the one before it.
    3. Save only rows whose link or flag changed (each save is recorded in history); unconfirmed
       and cumulative (whole-war) figures are never current and supersede nothing, so that
       public pages and exports that read these columns count confirmed incident figures only.
    """
    figures = list(FigureClaim.objects.filter(incident=incident).order_by("reported_at", "id"))
    chains: dict[tuple, list[FigureClaim]] = defaultdict(list)
    wanted: dict[int, tuple[int | None, bool]] = {}
    for figure in figures:
        if figure.status == FigureClaim.Status.CONFIRMED and not figure.is_cumulative:
            chains[(figure.claimant_id, figure.metric, figure.victim_group)].append(figure)
        else:
            wanted[figure.pk] = (None, False)
    for chain in chains.values():
        for i, figure in enumerate(chain):
            previous = chain[i - 1].pk if i else None
            wanted[figure.pk] = (previous, i == len(chain) - 1)
    changed = [f for f in figures if (f.supersedes_id, f.is_current) != wanted[f.pk]]
    # Clear links first: `supersedes` is one-to-one, so moving a link must not collide. The
    # intermediate state is not worth a history row, hence update().
    FigureClaim.objects.filter(pk__in=[f.pk for f in changed]).update(supersedes=None)
    for figure in changed:
        figure.supersedes_id, figure.is_current = wanted[figure.pk]
        if acting_user is not None and acting_user.is_authenticated:
            figure._history_user = acting_user
        figure._change_reason = "revision links updated"
        figure.save(update_fields=["supersedes", "is_current"])


def incident_refresh_summary(incident: Incident) -> None:
    """Recomputes the list page's denormalised columns from the incident's public claims, and
    its sources' track records in it (claims/track.py), then those sources' totals.

    Written with update() on purpose: these columns are derived, so they are not audited.
    """
    facts = selectors.incident_public_facts(incident)
    Incident.objects.filter(pk=incident.pk).update(**facts.summary)
    pagecache.data_changed()
    for field, value in facts.summary.items():
        setattr(incident, field, value)
    track.sources_refresh(track.incident_refresh(incident, facts.comparison, facts.claimants))
