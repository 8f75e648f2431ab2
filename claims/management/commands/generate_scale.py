import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims import scale


def _big(value: str) -> tuple[int, int]:
    try:
        claims, sources = (int(part) for part in value.lower().split("x"))
    except ValueError as exc:
        raise CommandError(
            f"--big-incident takes CLAIMSxSOURCES such as 200x50, not {value!r}"
        ) from exc
    return claims, sources


class Command(BaseCommand):
    help = (
        "Fills the database with reproducible synthetic incidents, sources and claims for "
        "benchmarks (marked sample data, slugs starting 'synthetic-'). Refuses when synthetic data "
        "is already there unless --replace. See docs/PERFORMANCE.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--incidents", type=int, required=True, help="Incidents to generate.")
        parser.add_argument(
            "--claims-per-incident", type=float, default=10,
            help="Average figure claims per incident (each incident gets 0.3x to 1.7x it).",
        )  # fmt: skip
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")
        parser.add_argument("--sources", type=int, default=200, help="Size of the source pool.")
        parser.add_argument("--batch", type=int, default=1000, help="Incidents per transaction.")
        parser.add_argument(
            "--articles", type=float, default=0.3,
            help="Share of reports carried by a generated article (0 for none).",
        )  # fmt: skip
        parser.add_argument(
            "--big-incident", type=_big, metavar="CLAIMSxSOURCES",
            help=f"Also generate one incident ({scale.BIG_SLUG}) with exactly this many confirmed "
            "figure claims from this many sources, e.g. 200x50.",
        )  # fmt: skip
        parser.add_argument(
            "--replace", action="store_true",
            help="Delete the synthetic data of an earlier run first (other data is kept).",
        )  # fmt: skip
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        if options["incidents"] < 0 or options["claims_per_incident"] < 1:
            raise CommandError("--incidents must be >= 0 and --claims-per-incident >= 1.")
        total = options["incidents"] + (1 if options["big_incident"] else 0)
        started = time.perf_counter()
        with tqdm(
            total=total, unit="incident", disable=options["no_progress"] or None, smoothing=0.1
        ) as bar:
            try:
                result = scale.generate(
                    incidents=options["incidents"],
                    claims_per_incident=options["claims_per_incident"],
                    seed=options["seed"],
                    sources=options["sources"],
                    batch=options["batch"],
                    articles=options["articles"],
                    big_incident=options["big_incident"],
                    replace=options["replace"],
                    progress=bar.update,
                )
            except scale.SyntheticDataExists as exc:
                raise CommandError(f"{exc} Run again with --replace to regenerate it.") from exc
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Generated {result.incidents} incidents, {result.figures} figure claims, "
            f"{result.timings} timing claims, {result.articles} articles and {result.sources} "
            f"sources in {seconds:.1f} s (seed {options['seed']})."
        )
