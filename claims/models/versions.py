"""The data version: one row whose token changes after every committed write to public data.

Rendered public pages are cached under it (claims/pagecache.py): a write changes the token, so
every page cached before it stops being served at once, whichever process or server cached it.
"""

from django.db import models


class DataVersion(models.Model):
    """A single row (pk 1). The token is random, never a counter: a rolled-back write can never
    bring back a token under which other data was cached."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "data version"

    def __str__(self) -> str:
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S} UTC)"
