"""The editors' newsroom tools around ingestion; importing this package registers them.

``queue``: the review queue of claims awaiting an editor (admin:claims_review).
``duplicates``: merging duplicate incidents and confirming suggested sources, added to the
incident and source admins.
"""

from claims.admin.review import duplicates, queue

__all__ = ["duplicates", "queue"]
