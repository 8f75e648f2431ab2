from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Casualty claims"

    def ready(self):
        from claims import pagecache

        pagecache.connect_signals()
