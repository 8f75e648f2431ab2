"""Admin forms: what an editor types, checked with messages an editor can act on.

Every rule the database enforces (low <= high, non-negative counts, end after start, unique
aliases and article text) is checked here or in the model's clean() first, so that a mistake
comes back as a message beside the field, never as a server error.
"""

from django import forms
from django.conf import settings
from django.utils.text import slugify

from claims import ingest, services
from claims.discrepancy import interval_for
from claims.extraction.qualifiers import parse_figures
from claims.models import (
    MAX_FIGURE,
    Article,
    Feed,
    FigureClaim,
    Incident,
    Source,
    SourceAlias,
    TimingClaim,
)

NOTE_LABEL = "Editor's note (why)"
NOTE_HELP = "Why you add or change this; kept with this change in the history."


class VersionedForm(forms.ModelForm):
    """Optimistic concurrency: the form carries the version of the row the editor opened, and
    refuses to save over a newer one with a message saying what happened. (The service checks
    again under a row lock, for two saves racing past this check.)"""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # The stored version, not the instance's: a revert from the history page builds the
            # instance from an old record.
            self.fields["loaded_version"].initial = self._stored_version()

    def _stored_version(self) -> int | None:
        model = type(self.instance)
        return model.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()

    def has_changed(self):
        # The version is bookkeeping: carrying it is not an edit.
        return any(name != "loaded_version" for name in self.changed_data)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        stored = self._stored_version()
        loaded = cleaned.get("loaded_version")
        if stored is not None and loaded is not None and stored != loaded:
            raise forms.ValidationError(
                "Someone else saved this %(what)s while you were editing it. Nothing was "
                "overwritten: open it again to see their change, then apply yours.",
                code="edit_conflict",
                params={"what": type(self.instance)._meta.verbose_name},
            )
        if stored is not None:
            self.instance.version = stored
        return cleaned


class ChangeReasonForm(VersionedForm):
    """A "why" field for rows without a note column: it becomes the history's change reason."""

    change_reason = forms.CharField(
        label=NOTE_LABEL, required=False, max_length=100, help_text=NOTE_HELP
    )


def _optional_slug(form, field: str) -> None:
    """Makes a slug field optional; `_fill_slug` then makes an empty one from the name."""
    if field in form.fields:
        form.fields[field].required = False
        form.fields[field].help_text = "Used in page addresses; leave empty to make one."


def _fill_slug(form, cleaned: dict, field: str, source_field: str, model) -> None:
    """An empty slug becomes a unique one made from `source_field`, before the unique check."""
    if field in form.fields and not cleaned.get(field) and cleaned.get(source_field):
        if slugify(cleaned[source_field]):
            cleaned[field] = services._unique_slug(model, cleaned[source_field])
        else:
            form.add_error(field, "Give a slug: the name has no letters to make one from.")


class IncidentAdminForm(ChangeReasonForm):
    class Meta:
        model = Incident
        fields = [
            "title",
            "slug",
            "place",
            "country",
            "latitude",
            "longitude",
            "time_zone",
            "started_at",
            "summary",
            "acled_event_id",
            "ucdp_ged_id",
            "airwars_code",
            "is_sample",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _optional_slug(self, "slug")

    def clean(self):
        cleaned = super().clean()
        _fill_slug(self, cleaned, "slug", "title", Incident)
        return cleaned


class SourceAdminForm(ChangeReasonForm):
    class Meta:
        model = Source
        fields = [
            "name",
            "slug",
            "kind",
            "affiliation",
            "country",
            "url",
            "description",
            "is_suggested",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _optional_slug(self, "slug")

    def clean_name(self):
        # The name becomes an alias too; an alias of another source means a duplicate source.
        name = self.cleaned_data["name"]
        taken = (
            SourceAlias.objects.select_related("source")
            .filter(normalized=SourceAlias.normalize(name))
            .exclude(source_id=self.instance.pk)
            .first()
        )
        if taken is not None:
            raise forms.ValidationError(
                f"“{taken.alias}” already names the source “{taken.source}”. Add to that source "
                "instead of creating a second one."
            )
        return name

    def clean(self):
        cleaned = super().clean()
        _fill_slug(self, cleaned, "slug", "name", Source)
        return cleaned


class SourceAliasForm(forms.ModelForm):
    class Meta:
        model = SourceAlias
        fields = ["alias"]

    def clean_alias(self):
        # `normalized` is not a form field, so ModelForm's unique check skips it: check here.
        alias = self.cleaned_data["alias"]
        if not SourceAlias.normalize(alias):
            raise forms.ValidationError("An alias needs at least one letter or digit.")
        taken = (
            SourceAlias.objects.select_related("source")
            .filter(normalized=SourceAlias.normalize(alias))
            .exclude(pk=self.instance.pk)
            .first()
        )
        # A new alias the source already has is simply kept (services.source_alias_add).
        if taken is not None and (self.instance.pk or taken.source_id != self.instance.source_id):
            raise forms.ValidationError(f"“{taken.alias}” is already an alias of “{taken.source}”.")
        return alias


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "url",
            "outlet",
            "title",
            "published_at",
            "text",
            "incident",
            "suggested_incident",
        ]

    def clean_text(self):
        # The content hash is unique: the same text twice is one article, not two.
        text = self.cleaned_data.get("text", "")
        if text:
            same = (
                Article.objects.filter(content_hash=services.content_hash(text))
                .exclude(pk=self.instance.pk)
                .first()
            )
            if same is not None:
                raise forms.ValidationError(f"The same text is already stored as “{same}”.")
        return text


# What editors fill in on both kinds of claim, after the claim's own fields.
PROVENANCE_FIELDS = [
    "is_headline",
    "cited_text",
    "cited_source",
    "article",
    "evidence",
    "reference_url",
    "reported_at",
    "status",
    "editor_note",
]


class FeedAdminForm(forms.ModelForm):
    class Meta:
        model = Feed
        fields = ["name", "url", "is_active", "incident", "poll_minutes"]


class ClaimAdminForm(VersionedForm):
    """Shared by figure and timing claims: the editor's note is this change's history reason.

    The note field starts empty on every edit, so a note always explains the change it was
    written with; earlier notes stay in the history.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "editor_note" in self.fields:
            self.fields["editor_note"].label = NOTE_LABEL
            self.fields["editor_note"].help_text = NOTE_HELP
            if self.instance.pk is not None:
                self.initial["editor_note"] = ""


_FIGURE_ERRORS = {
    "min_value": "A count cannot be negative.",
    "max_value": f"Above {MAX_FIGURE:,}, the most one incident can count: check for a typo.",
}


class FigureClaimAdminForm(ClaimAdminForm):
    """A figure claim. Leave the lower bound empty and the figure as stated is read for you:
    "at least 90" gives at least, 90..open; "between 40 and 55" 40..55; "dozens" 24..99."""

    class Meta:
        model = FigureClaim
        fields = [
            "incident",
            "claimant",
            "metric",
            "victim_group",
            "victims_text",
            "stated_text",
            "qualifier",
            "low",
            "high",
            "is_hedged",
            "is_cumulative",
            "marked_earlier",
            *PROVENANCE_FIELDS,
        ]
        error_messages = {"low": _FIGURE_ERRORS, "high": _FIGURE_ERRORS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "stated_text" in self.fields:
            self.fields["stated_text"].help_text = (
                "As the source worded it: “at least 90”, “between 40 and 55”, “dozens”. "
                "With the lower bound left empty, qualifier and bounds are read from it."
            )
        if "low" in self.fields:
            self.fields["low"].required = False
            self.fields[
                "low"
            ].help_text = "Leave empty to read qualifier and bounds from the figure as stated."
        if "high" in self.fields:
            self.fields[
                "high"
            ].help_text = (
                "Empty for an open-ended figure (at least 90); filled in for an exact one."
            )

    def clean(self):
        cleaned = super().clean()
        if "low" in self.errors or "low" not in self.fields:
            return cleaned
        if cleaned.get("low") is None:
            if cleaned.get("stated_text"):
                self._read_stated_figure(cleaned)
            elif "stated_text" not in self.errors:
                self.add_error("low", "Give the lower bound, or the figure as stated.")
        elif self._only_wording_changed() and cleaned.get("stated_text"):
            # "83" corrected to "88" with the bounds left alone: the bounds follow the wording
            # when it reads as one figure (otherwise the editor's own bounds stay).
            self._read_stated_figure(cleaned, follow_wording=True)
        elif cleaned.get("high") is None and cleaned.get("qualifier") == "exact":
            # An exact figure is its own upper bound; an empty high would make it open-ended.
            cleaned["high"] = cleaned["low"]
        return cleaned

    def _only_wording_changed(self) -> bool:
        changed = set(self.changed_data)
        return (
            self.instance.pk is not None
            and "stated_text" in changed
            and not (changed & {"qualifier", "low", "high"})
        )

    def _read_stated_figure(self, cleaned: dict, *, follow_wording: bool = False) -> None:
        """Fills qualifier, low and high from the wording, or says why it cannot.

        1. The wording must hold exactly one figure and no other digits ("83 killed and 120
           injured", "from 14 to 26" are refused, never guessed).
        2. A bare number takes the qualifier the editor picked ("90" + at least = 90..open).
        3. A qualifier in the wording that contradicts the picked one is an error, except when
           `follow_wording` (the wording was edited and the rest left as it was).
        """
        stated = cleaned["stated_text"]
        phrases = parse_figures(stated)
        rest = stated[: phrases[0].start] + stated[phrases[0].end :] if len(phrases) == 1 else ""
        if len(phrases) != 1 or any(ch.isdigit() for ch in rest):
            if not follow_wording:
                what = {0: "no figure that can be read"}.get(len(phrases), "more than one figure")
                self.add_error(
                    "low",
                    f"“{stated}” holds {what}: enter the lower bound yourself "
                    "(and the upper bound for a range or an exact figure).",
                )
            return
        phrase = phrases[0]
        qualifier, low, high = phrase.qualifier, phrase.low, phrase.high
        chosen = FigureClaim.Qualifier.EXACT
        if not follow_wording:
            chosen = cleaned.get("qualifier") or FigureClaim.Qualifier.EXACT
        if chosen not in (qualifier, FigureClaim.Qualifier.EXACT):
            if qualifier == FigureClaim.Qualifier.EXACT and phrase.value is not None:
                # "90" with "at least" picked: the editor knows the hedge the excerpt dropped.
                try:
                    interval = interval_for(chosen, phrase.value)
                except ValueError as error:
                    self.add_error("qualifier", str(error))
                    return
                qualifier, low, high = chosen, interval.low, interval.high
            else:
                said, picked = (FigureClaim.Qualifier(q).label for q in (qualifier, chosen))
                self.add_error(
                    "qualifier",
                    f"The wording says “{said}”, not “{picked}”: change one of them, "
                    "or enter the bounds yourself.",
                )
                return
        cleaned.update(qualifier=qualifier, low=low, high=high)


class TimingClaimAdminForm(ClaimAdminForm):
    class Meta:
        model = TimingClaim
        fields = [
            "incident",
            "claimant",
            "stated_text",
            "zone_label",
            "start_utc",
            "end_utc",
            "duration_min_low",
            "duration_min_high",
            *PROVENANCE_FIELDS,
        ]


# Adding an article from the admin ("Add article", claims/admin/ingestion.py) ---------------

# File signatures of formats an editor might upload by mistake (PDF, images, archives).
_BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def file_size_label(n_bytes: int) -> str:
    """6_500_000 -> "6.2 MB"; 20_480 -> "20 KB"."""
    if n_bytes >= 1024 * 1024:
        return f"{n_bytes / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    return f"{max(1, round(n_bytes / 1024))} KB"


class ArticleSubmitForm(forms.Form):
    """An article to ingest: exactly one of an address (fetched in the background), a saved
    page (read at once) or pasted text (read at once, with the title, outlet and date the
    editor knows), and optionally the incident it reports.

    Nothing is stored while the form has an error: the size cap, a binary file and an address
    ingestion refuses are caught here, before any service runs.
    """

    url = forms.URLField(
        label="Address of the article",
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text="The page is fetched and read in the background; tracking parameters "
        "(utm_…) are dropped.",
    )
    html_file = forms.FileField(
        label="Saved page (HTML file)",
        required=False,
        help_text="For a page the server cannot fetch (paywall, login): save it from your "
        "browser as “Web page, HTML only” and upload it.",
    )
    text = forms.CharField(
        label="Article text",
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 10, "cols": 80}),
        help_text="Paste the story as published, headline included if it carries a figure.",
    )
    title = forms.CharField(label="Headline", required=False, max_length=500)
    outlet = forms.CharField(
        label="Outlet", required=False, max_length=200, help_text="Agency or newspaper."
    )
    published_at = forms.SplitDateTimeField(
        label="Published (UTC)",
        required=False,
        help_text="Figures are dated by it: a later figure from the same source revises an "
        "earlier one.",
    )
    original_url = forms.URLField(
        label="Where it was published",
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text="Optional, for a saved page or pasted text: stored as the article's address.",
    )
    incident = forms.ModelChoiceField(
        label="Incident",
        queryset=Incident.objects.all(),
        required=False,
        help_text="The incident it reports, if you know it: its figures and timings are "
        "extracted onto it. Leave empty and the tracker suggests one.",
    )

    def __init__(self, *args, incident_widget=None, date_widget=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The admin passes its autocomplete and date widgets (they need the admin site).
        if incident_widget is not None:
            self.fields["incident"].widget = incident_widget
        if date_widget is not None:
            self.fields["published_at"].widget = date_widget

    @property
    def kind(self) -> str:
        """Which input the editor gave: "url", "file" or "text" (after is_valid())."""
        return self.cleaned_data["kind"]

    def clean_url(self):
        url = self.cleaned_data.get("url", "")
        return ingest.normalize_url(url) if url else ""

    def clean_original_url(self):
        url = self.cleaned_data.get("original_url", "")
        return ingest.normalize_url(url) if url else ""

    def clean_html_file(self):
        upload = self.cleaned_data.get("html_file")
        if not upload:
            return None
        cap = settings.INGEST_MAX_BYTES
        if upload.size > cap:
            raise forms.ValidationError(
                f"The file is {file_size_label(upload.size)}; ingestion reads pages of up to "
                f"{file_size_label(cap)}. Save the page as “HTML only”, without images."
            )
        if upload.size == 0:
            raise forms.ValidationError("The file is empty.")
        body = upload.read()
        head = body[:8192]
        if not head.startswith(_UTF16_BOMS) and (
            head.startswith(_BINARY_SIGNATURES) or b"\x00" in head
        ):
            raise forms.ValidationError(
                "This file is not a web page (it holds binary data: a PDF, an image or an "
                "archive?). Upload the page saved as HTML, or paste its text."
            )
        return body

    def clean_text(self):
        text = self.cleaned_data.get("text", "")
        cap = settings.INGEST_MAX_BYTES
        if len(text.encode()) > cap:
            raise forms.ValidationError(
                f"The text is longer than ingestion reads ({file_size_label(cap)}): paste the "
                "article alone."
            )
        return text

    def clean(self):
        cleaned = super().clean()
        given = [
            kind
            for kind, field in (("url", "url"), ("file", "html_file"), ("text", "text"))
            if cleaned.get(field) or field in self.errors
        ]
        if not given:
            raise forms.ValidationError(
                "Give the article's address, a saved page or its text.", code="nothing"
            )
        if len(given) > 1:
            raise forms.ValidationError(
                "Give only one of the address, the saved page and the text: they would be "
                "stored as separate articles.",
                code="several",
            )
        cleaned["kind"] = given[0]
        if given[0] != "text":
            extra = [
                self.fields[name].label.lower()
                for name in ("title", "outlet", "published_at")
                if cleaned.get(name)
            ]
            if extra:
                self.add_error(
                    None,
                    f"Headline, outlet and date are read from the page itself: leave them "
                    f"empty unless you paste text (you gave: {', '.join(extra)}).",
                )
        if given[0] == "url" and cleaned.get("original_url"):
            self.add_error("original_url", "The address above is the one fetched and stored.")
        return cleaned


class IncidentMergeForm(forms.Form):
    """Which of two likely duplicate incidents to keep; the other is merged into it."""

    keep = forms.ModelChoiceField(
        queryset=Incident.objects.none(),
        widget=forms.RadioSelect,
        label="Keep",
        error_messages={"required": "Pick the incident to keep."},
    )

    def __init__(self, *args, incidents, **kwargs):
        super().__init__(*args, **kwargs)
        self.incidents = list(incidents)
        self.fields["keep"].queryset = Incident.objects.filter(
            pk__in=[i.pk for i in self.incidents]
        )

    def drop(self) -> Incident:
        """The incident merged away (after is_valid())."""
        keep = self.cleaned_data["keep"]
        return next(i for i in self.incidents if i.pk != keep.pk)
