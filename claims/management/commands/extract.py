"""python manage.py extract PATH [--published YYYY-MM-DD] [--tz IANA_ZONE] [--json]"""

import json
import zoneinfo
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import ExtractedFigure, extract
from claims.ingest import ParseError, clean_text, decode_html, parse_html
from claims.ingest.parse import looks_like_page

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class Command(BaseCommand):
    help = (
        "Prints the claims the extractor reads in a text or HTML file (HTML is read with the "
        "same trafilatura parse as ingestion). Stores nothing. --json prints "
        '{"claims": [...]}; the schema is in docs/INGESTION.md.'
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication date (anchors 'on Saturday'); default: the page's own date.",
        )
        parser.add_argument(
            "--tz", metavar="IANA_ZONE", help="Zone of the place, for 'local time' (Asia/Damascus)."
        )
        parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")

    def handle(self, *args, path, published=None, tz=None, json=False, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        if tz and tz not in zoneinfo.available_timezones():
            raise CommandError(f"{tz!r} is not an IANA time zone such as Asia/Damascus.")
        day = None
        if published:
            try:
                day = date.fromisoformat(published)
            except ValueError:
                raise CommandError(f"--published must be YYYY-MM-DD, not {published!r}") from None
        data = file.read_bytes()
        text = decode_html(data)
        try:
            if file.suffix.lower() in HTML_SUFFIXES or looks_like_page(text):
                page = parse_html(data)
                text = page.text
                if day is None and page.published_at is not None:
                    day = page.published_at.date()
            else:
                text = clean_text(text)
        except ParseError as exc:
            raise CommandError(exc.reason) from None
        claims = extract(text, published=day, place_tz=tz or None)
        if json:
            self._json(claims)
        else:
            self._table(claims)

    def _json(self, claims) -> None:
        payload = {"claims": [c.to_dict() for c in claims]}
        self.stdout.write(json_dumps(payload))

    def _table(self, claims) -> None:
        if not claims:
            self.stdout.write("No claims found.")
            return
        rows = [("#", "kind", "claimant", "claim", "cites", "span")]
        for i, c in enumerate(claims, 1):
            if isinstance(c, ExtractedFigure):
                high = "open" if c.high is None else c.high
                what = f"{c.metric} {c.low}..{high} ({c.qualifier}: {c.stated!r})"
                if c.victims:
                    what += f" {c.victims}"
                flags = [
                    n
                    for n, on in (
                        ("hedged", c.hedged),
                        ("cumulative", c.cumulative),
                        ("earlier", c.revised_from_earlier),
                    )
                    if on
                ]
                if flags:
                    what += " [" + ", ".join(flags) + "]"
            else:
                utc = c.start_utc.strftime("%Y-%m-%d %H:%M UTC") if c.start_utc else "no UTC"
                what = f"{utc} ({c.stated!r})"
            who = "(headline)" if c.claimant_is_headline else (c.claimant or "(unattributed)")
            rows.append((str(i), c.kind, who, what, c.cited or "", f"{c.span[0]}-{c.span[1]}"))
        widths = [min(max(len(r[k]) for r in rows), 60) for k in range(len(rows[0]))]
        for n, row in enumerate(rows):
            cells = [cell if len(cell) <= 60 else cell[:57] + "..." for cell in row]
            self.stdout.write(
                "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()
            )
            if n == 0:
                self.stdout.write("  ".join("-" * w for w in widths))
        self.stdout.write("\nEvidence:")
        for i, c in enumerate(claims, 1):
            self.stdout.write(f"{i}. {c.evidence}")


def json_dumps(payload) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2)
