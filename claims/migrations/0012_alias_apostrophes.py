"""Aliases stored before typographic apostrophes were folded get the new normalized form.

Nothing is deleted: where two aliases now fold to one form (one written with a curly
apostrophe, one without), the older takes it and the newer keeps its old form, so an editor
can merge the two by hand; the count is printed.
"""

from django.db import migrations


def _fold(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").replace("\u2018", "'").casefold().split())


def forwards(apps, schema_editor):
    SourceAlias = apps.get_model("claims", "SourceAlias")
    taken = set(SourceAlias.objects.values_list("normalized", flat=True))
    kept = 0
    for alias in SourceAlias.objects.order_by("pk").only("pk", "alias", "normalized"):
        folded = _fold(alias.alias)
        if folded == alias.normalized:
            continue
        if folded in taken:
            kept += 1  # another alias already has this form
            continue
        taken.discard(alias.normalized)
        taken.add(folded)
        SourceAlias.objects.filter(pk=alias.pk).update(normalized=folded)
    if kept:
        print(f"  {kept} alias(es) fold to a form another alias has; left as they were")


class Migration(migrations.Migration):
    dependencies = [("claims", "0011_source_incident_records")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
