"""The editors' admin, one module per model family; importing them registers the ModelAdmins.

Every save, delete and bulk action goes through claims.services (see `writes`), so that history
records who changed what and why, and revision links and incident summaries stay current.
"""

from claims.admin import claim, incident, ingestion, source

__all__ = ["claim", "incident", "ingestion", "source"]
