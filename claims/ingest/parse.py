"""Page bytes -> readable text and metadata (title, outlet, publication date), via trafilatura.

No Django models here. The text this returns is what Article.text stores, so evidence spans of
the claims extracted from it index it directly.
"""

from __future__ import annotations

import codecs
import html as html_lib
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import charset_normalizer
import trafilatura

logger = logging.getLogger(__name__)

TITLE_MAX = 500
OUTLET_MAX = 200

# <meta charset="..."> and <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# Labels browsers read as windows-1252 (WHATWG Encoding Standard): cp1252 is a superset of
# latin-1 for printable text, and pages labelled latin-1 routinely carry cp1252 quotes.
_CP1252_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|section|article|header|footer)\b[^>]*>",
    re.I,
)
_TAG_RE = re.compile(r"<[^>]*>")
_SCRIPT_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_LOOKS_LIKE_MARKUP_RE = re.compile(r"<\s*(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z]|!--)")
_WHOLE_PAGE_RE = re.compile(r"<\s*(?:!doctype\s+html|html|body)\b", re.I)


class ParseError(Exception):
    """The page has no readable article text; `reason` is written for the editor."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """What an article is made of once read: its text and what it says about itself."""

    text: str
    title: str = ""
    outlet: str = ""
    published_at: datetime | None = None
    html: str = ""  # the decoded page, kept as the archived copy


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _CP1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(body: bytes, header_charset: str | None = None) -> str:
    """Bytes -> text, trying in order: a byte-order mark, the HTTP header's charset, the page's
    own <meta charset>, strict UTF-8, then statistical detection (charset-normalizer); cp1252
    with replacement characters as the last resort, so decoding never fails.

    One deliberate exception to "the header wins": a latin-1/ASCII header on a body that is valid
    UTF-8 with non-ASCII bytes is read as UTF-8 (servers default to latin-1 labels; real cp1252
    text is practically never valid multi-byte UTF-8).
    """
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    candidates = []
    header = _codec(header_charset)
    if header == "cp1252" and not body.isascii():
        candidates.append("utf-8")
    candidates.append(header)
    meta = _META_CHARSET_RE.search(body[:4096])
    candidates.append(_codec(meta.group(1).decode("ascii", "replace")) if meta else None)
    candidates.append("utf-8")
    for codec in candidates:
        if codec is None:
            continue
        try:
            return body.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    best = charset_normalizer.from_bytes(body).best()
    if best is not None and best.encoding:
        try:
            return body.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return body.decode("cp1252", errors="replace")


def clean_text(text: str) -> str:
    """Pasted text -> plain text: markup stripped (block tags become line breaks), entities
    decoded, line endings unified, runs of blank lines collapsed, edges trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _LOOKS_LIKE_MARKUP_RE.search(text):
        text = _SCRIPT_RE.sub(" ", text)
        text = _BLOCK_TAG_RE.sub("\n", text)
        text = _TAG_RE.sub("", text)
        text = html_lib.unescape(text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def looks_like_page(text: str) -> bool:
    """True for a whole HTML document pasted as text (it is then read like a fetched page)."""
    return bool(_WHOLE_PAGE_RE.search(text[:4096]))


def outlet_from_url(url: str) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


def _published(value: str | None) -> datetime | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)  # a date alone: 00:00 UTC
        parsed = parsed.astimezone(UTC)
        # A date in the future (beyond clock skew) or before the web is a misreading, not a date.
        if parsed > datetime.now(UTC) + timedelta(days=1) or parsed.year < 1990:
            return None
        return parsed
    return None


def _with_title(title: str, body: str) -> str:
    """The stored text starts with the headline (headline figures are claims too), once."""
    body = body.strip()
    if not title or " ".join(body[: len(title) + 20].split()).startswith(" ".join(title.split())):
        return body
    return f"{title}\n\n{body}" if body else title


def parse_html(page: str | bytes, *, url: str = "", charset: str | None = None) -> ParsedPage:
    """Reads a page's main text (boilerplate, navigation and reader comments dropped), title,
    outlet (the site name it declares, else its host) and publication date.

    Broken markup is read as far as it goes (lxml recovers what it can); a page with no text at
    all raises ParseError.
    """
    decoded = decode_html(page, charset) if isinstance(page, bytes) else page
    if not decoded.strip():
        raise ParseError("The page is empty")
    try:
        doc = trafilatura.bare_extraction(
            decoded,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={
                "original_date": True,
                "extensive_search": True,
                "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            },
        )
    except Exception:  # noqa: BLE001 - a parser crash on hostile markup is a failed page, not a bug
        logger.warning("trafilatura could not read %s", url or "an uploaded page", exc_info=True)
        doc = None
    title = (getattr(doc, "title", None) or "").strip()
    body = (getattr(doc, "text", None) or "").strip()
    if not body:
        # Short or unusual pages fall below trafilatura's thresholds: take all visible text.
        try:
            _, body, _ = trafilatura.baseline(decoded)
        except Exception:  # noqa: BLE001
            body = ""
        body = clean_text(body or "")
    if not title:
        match = re.search(r"<title[^>]*>(.*?)</title", decoded, re.I | re.S)
        title = " ".join(html_lib.unescape(match.group(1)).split()) if match else ""
    if not body:
        raise ParseError("No article text found on the page")
    outlet = (getattr(doc, "sitename", None) or "").strip() or outlet_from_url(url)
    return ParsedPage(
        text=_with_title(title, body),
        title=title[:TITLE_MAX],
        outlet=outlet[:OUTLET_MAX],
        published_at=_published(getattr(doc, "date", None)),
        html=decoded,
    )


def parse_plain(text: str, *, url: str = "") -> ParsedPage:
    """A text/plain page or pasted text: cleaned; the first short line is taken as its title."""
    cleaned = clean_text(text)
    if not cleaned:
        raise ParseError("No article text found")
    first = cleaned.split("\n", 1)[0].strip()
    title = first if len(first) <= 200 and not first.endswith((".", ":", ";")) else ""
    return ParsedPage(text=cleaned, title=title[:TITLE_MAX], outlet=outlet_from_url(url))
