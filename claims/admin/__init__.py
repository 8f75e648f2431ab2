"""The editors' admin, one module per model family; importing them registers the ModelAdmins.

Every save, delete and bulk action goes through claims.services (see `writes`), so that history
records who changed what and why, and revision links and incident summaries stay current.
"""

# review imports incident and source itself: it re-registers their models with extended admins.
from claims.admin import claim, incident, ingestion, review, source

__all__ = ["claim", "incident", "ingestion", "review", "source"]
