"""python manage.py worker_health [--node celery@HOST] [--max-age SECONDS] [--wait SECONDS]"""

import socket

from django.core.management.base import BaseCommand, CommandError

from claims import health


class Command(BaseCommand):
    help = (
        "Exits 0 if the Celery worker NODE took a probe message off the broker and ran it "
        "recently, 1 otherwise (a container health check; see claims/health.py). Sends the "
        "worker a probe, so run it every 30 s or so in the worker's container."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--node",
            default=f"celery@{socket.gethostname()}",
            help="The worker's nodename (celery worker -n); default celery@<this host>.",
        )
        parser.add_argument(
            "--max-age",
            type=float,
            default=None,
            help="Seconds a probe may be old (default: CELERY_TASK_TIME_LIMIT + 60).",
        )
        parser.add_argument(
            "--wait",
            type=float,
            default=5.0,
            help="Seconds to wait for this probe to run (default 5).",
        )

    def handle(self, *args, node, max_age, wait, **options):
        result = health.worker_check(node, max_age=max_age, wait=wait)
        if not result.healthy:
            raise CommandError(f"unhealthy: {result.describe()}")
        self.stdout.write(result.describe())
