from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from claims.demo import demo_load


class Command(BaseCommand):
    help = (
        "Loads the Deir ez-Zor strike of September 2016 and one invented sample incident. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-password",
            help="Also create a superuser 'admin' with this password (local use only; refused "
            "when DEBUG is off).",
        )

    def handle(self, *args, admin_password=None, **options):
        created = demo_load()
        for incident in created:
            self.stdout.write(f"Loaded {incident.title} -> {incident.get_absolute_url()}")
        if not created:
            self.stdout.write("Demo data already present; nothing changed.")
        if admin_password:
            if not settings.DEBUG:
                raise CommandError("Refusing to create a demo superuser with DEBUG off.")
            User = get_user_model()
            if not User.objects.filter(username="admin").exists():
                User.objects.create_superuser("admin", "admin@example.org", admin_password)
                self.stdout.write("Created superuser admin (local use only).")
