"""Limit/offset pagination with bounds: a bad or out-of-range value is a 400, never a guess.

DRF's own LimitOffsetPagination silently ignores a malformed `limit` and accepts any offset; an
offset past what the database can store (SQLite and PostgreSQL stop at 2**63 - 1) would then fail
inside the query. The bounds are published in the schema, so clients and the schema fuzz test
(tests/integration/test_api_schema.py) know them.
"""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000_000


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """`?limit=` (1 to 200, default PAGE_SIZE) and `?offset=` (0 to 1,000,000,000)."""

    max_limit = MAX_LIMIT
    max_offset = MAX_OFFSET

    def get_limit(self, request):
        raw = request.query_params.get(self.limit_query_param, "")
        if not raw:  # left out or empty, like every other parameter of the API
            return self.default_limit
        return self._bounded(raw, self.limit_query_param, 1, self.max_limit)

    def get_offset(self, request):
        raw = request.query_params.get(self.offset_query_param, "")
        if not raw:
            return 0
        return self._bounded(raw, self.offset_query_param, 0, self.max_offset)

    @staticmethod
    def _bounded(raw: str, name: str, lowest: int, highest: int) -> int:
        text = raw.strip()
        # isdecimal, not int(): int() also accepts "1_000", " +5" and non-ASCII digits.
        value = int(text) if text.isascii() and text.isdecimal() and len(text) <= 12 else None
        if value is None or not lowest <= value <= highest:
            raise ValidationError({name: [f"Must be a whole number from {lowest} to {highest:,}."]})
        return value

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.limit_query_param: (1, self.max_limit, self.default_limit),
            self.offset_query_param: (0, self.max_offset, 0),
        }
        for parameter in parameters:
            lowest, highest, default = bounds[parameter["name"]]
            parameter["schema"].update(minimum=lowest, maximum=highest, default=default)
        return parameters
