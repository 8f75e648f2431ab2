"""python manage.py ingest URL_OR_PATH... [--incident SLUG] [--refresh]"""

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims import ingest
from claims.models import Article, FigureClaim, Incident, TimingClaim

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class Command(BaseCommand):
    help = (
        "Ingests articles: http(s) addresses are fetched here, in this process, by the same "
        "service the workers run; .html/.htm files are read as pages, other files as text. "
        "With --incident the claims are created on that incident; without it an incident is "
        "suggested for an editor to confirm."
    )

    def add_arguments(self, parser):
        parser.add_argument("inputs", nargs="+", metavar="URL_OR_PATH")
        parser.add_argument(
            "--incident", metavar="SLUG", help="Link every article to this incident."
        )
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Fetch and extract again addresses that are already stored.",
        )

    def handle(self, *args, inputs, incident=None, refresh=False, **options):
        target = None
        if incident:
            target = Incident.objects.filter(slug=incident).first()
            if target is None:
                raise CommandError(f"No incident with the slug {incident!r}.")
        failed = 0
        progress = tqdm(inputs, unit="article", disable=len(inputs) < 2, file=sys.stderr)
        for item in progress:
            ok, line = self._one(item, target, refresh)
            failed += not ok
            with tqdm.external_write_mode(file=sys.stderr):  # the line above the bar
                self.stdout.write(line)
        if failed:
            raise CommandError(f"{failed} of {len(inputs)} inputs failed.")

    def _one(self, item: str, incident, refresh: bool) -> tuple[bool, str]:
        path = Path(item)
        try:
            if item.startswith(("http://", "https://")):
                article = ingest.article_submit_url(
                    url=item, incident=incident, refresh=refresh, enqueue=False
                )
                if refresh or article.status in (Article.Status.QUEUED, Article.Status.FAILED):
                    outcome = ingest.article_process_now(
                        article.pk, refresh=refresh or article.status == Article.Status.FAILED
                    )
                    if outcome.status == "busy":
                        return True, f"{item}: being fetched by a worker (article {article.pk})"
                    article = Article.objects.filter(pk=outcome.article_id).first() or article
            elif path.is_file():
                data = path.read_bytes()
                if path.suffix.lower() in HTML_SUFFIXES:
                    article = ingest.article_from_html(html=data, incident=incident)
                else:
                    text = ingest.decode_html(data)
                    article = ingest.article_from_text(text=text, incident=incident)
            else:
                return False, f"{item}: not a file, nor an http(s) address"
        except ValidationError as exc:
            return False, f"{item}: {' '.join(exc.messages)}"
        return self._report(item, article)

    def _report(self, item: str, article: Article) -> tuple[bool, str]:
        if article.status == Article.Status.FAILED:
            return False, f"{item}: failed: {article.error}"
        claims = (
            FigureClaim.objects.filter(article=article).count()
            + TimingClaim.objects.filter(article=article).count()
        )
        where = ""
        if article.incident_id:
            where = f" on {article.incident}"
        elif article.suggested_incident_id:
            where = f"; suggested incident: {article.suggested_incident} (confirm to add claims)"
        else:
            where = "; no incident (link one to add claims)"
        title = article.title or article.url or f"article {article.pk}"
        return True, (
            f"{item}: {article.get_status_display().lower()}: {title!r} "
            f"(article {article.pk}, {claims} claims{where})"
        )
