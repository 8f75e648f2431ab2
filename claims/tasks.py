"""Celery tasks: thin wrappers that load rows by primary key and call one service."""

from celery import shared_task

from claims import services
from claims.models import Incident


@shared_task(acks_late=True)
def incident_refresh_summary(incident_id: int) -> dict:
    """Recomputes an incident's list columns (idempotent: running it twice changes nothing)."""
    incident = Incident.objects.filter(pk=incident_id).first()
    if incident is None:
        return {"incident": incident_id, "status": "gone"}
    services.incident_claims_changed(incident)
    return {"incident": incident_id, "status": "refreshed", "sources": incident.source_count}
