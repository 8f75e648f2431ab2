"""Admin-only glue around claims.services: when a save is worth a history row, and which
service saves a claim."""

from claims import services
from claims.models import FigureClaim, Incident, TimingClaim


def nothing_changed(request, form, change: bool) -> bool:
    """True for Save on a change page where nothing was edited: saving would only add an empty
    "changed" row to the history. A revert from the history page counts as a change, although
    its form starts from (and may send back) the old values unchanged."""
    match = request.resolver_match
    reverting = match is not None and match.url_name.endswith("_simple_history")
    return change and not reverting and not form.has_changed()


def claim_save(claim: FigureClaim | TimingClaim, *, acting_user) -> None:
    """Saves a figure or timing claim; the editor's note on it is the history's reason."""
    services._claim_save(claim, acting_user, claim.editor_note)


def claims_changed(incident_ids, *, acting_user) -> None:
    """Relinks revisions and refreshes the summary of each incident whose claims changed."""
    for incident in Incident.objects.filter(pk__in=set(incident_ids)):
        services.incident_claims_changed(incident, acting_user=acting_user)
