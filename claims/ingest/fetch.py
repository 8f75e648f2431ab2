"""Fetching a page from the open web without letting the web reach into our network.

`fetch_page(url)` returns the body of one page or raises `FetchError` with a reason an editor can
read ("HTTP 404 Not Found", "Refused: 127.0.0.1 is a loopback address"). The rules
(docs/INGESTION.md):

1. Only http and https; credentials in the address are dropped.
2. Every hop (the first request and each redirect) resolves its host ONCE, refuses it when ANY
   resolved address is loopback, private, link-local, multicast, reserved, unspecified, a cloud
   metadata address or otherwise not public (unless INGEST_ALLOW_PRIVATE_ADDRESSES), and then
   connects to that checked address literally, with the host name in the Host header and as the
   TLS server name (so certificates are still verified for the name). DNS is never asked again
   for that hop, so a rebinding answer cannot swap in an internal address after the check.
3. Redirects are followed by hand, at most INGEST_MAX_REDIRECTS, each re-checked as in 2.
4. Timeouts: connect and read (per network operation) and a total deadline for the whole fetch,
   checked between chunks, so a server trickling bytes cannot hold a worker.
5. Only the allowed content types; the body is streamed and reading stops past the size cap.
6. Errors worth retrying (timeouts, broken connections, HTTP 5xx and 429) are marked transient;
   everything else is permanent.

No Django models here: the policy comes from settings through `FetchPolicy.from_settings()`.
"""

from __future__ import annotations

import http
import ipaddress
import socket
import time
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx
from django.conf import settings

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "text/plain",
    }
)
_REDIRECTS = {301, 302, 303, 307, 308}

# Cloud instance-metadata endpoints (AWS, GCP, Azure, OpenStack use 169.254.169.254; AWS's IPv6
# endpoint is fd00:ec2::254; Alibaba's 100.100.100.200). Named apart so the reason says so.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)


class FetchError(Exception):
    """A page could not be fetched; `reason` is written for the editor who submitted it."""

    def __init__(self, reason: str, *, transient: bool = False, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits for one fetch. Built from settings; tests and feeds derive variants with replace()."""

    allow_private: bool = False
    max_bytes: int = 5 * 1024 * 1024
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0
    max_redirects: int = 5
    user_agent: str = "casualty-tracker"
    content_types: frozenset[str] = HTML_TYPES

    @classmethod
    def from_settings(cls, **overrides) -> FetchPolicy:
        policy = cls(
            allow_private=settings.INGEST_ALLOW_PRIVATE_ADDRESSES,
            max_bytes=settings.INGEST_MAX_BYTES,
            connect_timeout=settings.INGEST_CONNECT_TIMEOUT,
            read_timeout=settings.INGEST_READ_TIMEOUT,
            total_timeout=settings.INGEST_TOTAL_TIMEOUT,
            max_redirects=settings.INGEST_MAX_REDIRECTS,
            user_agent=settings.INGEST_USER_AGENT,
        )
        return replace(policy, **overrides)


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """The body of a page as the server sent it, after redirects."""

    url: str  # the final address (after redirects)
    status: int
    content_type: str  # the media type only, lower-cased ("text/html")
    charset: str | None  # from the Content-Type header, if the server named one
    body: bytes
    redirects: tuple[str, ...] = ()


def size_label(n_bytes: int) -> str:
    """5242880 -> "5 MB"; 20480 -> "20 KB" (binary units, as the cap is configured)."""
    if n_bytes >= 1024 * 1024:
        return f"{n_bytes / (1024 * 1024):g} MB"
    return f"{n_bytes / 1024:g} KB"


def address_refusal(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why a page at `ip` may not be fetched, or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if ip in METADATA_ADDRESSES:
        kind = "a cloud metadata address"
    elif ip.is_loopback:
        kind = "a loopback address"
    elif ip.is_link_local:
        kind = "a link-local address"
    elif ip.is_multicast:
        kind = "a multicast address"
    elif ip.is_unspecified:
        kind = "an unspecified address"
    elif ip.is_reserved:
        kind = "a reserved address"
    elif ip.is_private:
        kind = "a private address"
    elif not ip.is_global:
        kind = "not a public address"
    else:
        return None
    return f"Refused: {ip} is {kind}"


def resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Every address `host` resolves to (an IP literal resolves to itself)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError:
        raise FetchError(f"Not a valid host name: {host}") from None
    except socket.gaierror as exc:
        # EAI_AGAIN is a resolver that did not answer in time: worth another try.
        transient = exc.errno == socket.EAI_AGAIN
        raise FetchError(f"Could not find the server {host}", transient=transient) from None
    addresses = []
    for *_, sockaddr in infos:
        ip = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])  # drop an IPv6 scope id
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise FetchError(f"Could not find the server {host}")
    return addresses


@dataclass(frozen=True, slots=True)
class _Hop:
    """One request: the address to connect to and the name to present."""

    url: str  # as given (with the host name): redirects are resolved against it
    connect_url: str  # the same with the checked IP literal in place of the host name
    host_header: str
    server_name: str | None  # TLS server name (https only)


def _plan_hop(url: str, policy: FetchPolicy) -> _Hop:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise FetchError(f"Only http and https addresses can be fetched, not {scheme or 'this'}")
    host = parts.hostname
    if not host:
        raise FetchError("The address has no host name")
    try:
        port = parts.port
    except ValueError:
        raise FetchError("The address has an invalid port") from None
    default_port = 443 if scheme == "https" else 80
    addresses = resolve(host, port or default_port)
    if not policy.allow_private:
        # Every address, not just the first: a host answering with one public and one private
        # address must not get a chance to be connected to the private one.
        for ip in addresses:
            if reason := address_refusal(ip):
                raise FetchError(reason)
    ip = addresses[0]
    literal = f"[{ip}]" if ip.version == 6 else str(ip)
    port_part = f":{port}" if port and port != default_port else ""
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise FetchError(f"Not a valid host name: {host}") from None
    host_header = (f"[{host}]" if ":" in host else ascii_host) + port_part
    connect_url = urlunsplit((scheme, literal + port_part, parts.path or "/", parts.query, ""))
    server_name = ascii_host if scheme == "https" and ip != _literal(host) else None
    return _Hop(url=url, connect_url=connect_url, host_header=host_header, server_name=server_name)


def _literal(host: str):
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _reason_phrase(status: int, given: str) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return given or "error"


def _media_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    media, *params = value.split(";")
    charset = None
    for param in params:
        name, _, v = param.partition("=")
        if name.strip().lower() == "charset":
            charset = v.strip().strip("\"'") or None
    return media.strip().lower(), charset


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip()[:200].lower()
    return start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<rss", b"<feed"))


def fetch_page(url: str, policy: FetchPolicy | None = None) -> FetchedPage:
    """The page at `url`, fetched under `policy` (settings by default); raises FetchError."""
    policy = policy or FetchPolicy.from_settings()
    deadline = time.monotonic() + policy.total_timeout
    redirects: list[str] = []
    with httpx.Client(
        follow_redirects=False,
        trust_env=False,  # no proxies or .netrc from the environment
        http2=False,
    ) as client:
        while True:
            hop = _plan_hop(url, policy)
            page_or_location = _request(client, hop, policy, deadline)
            if isinstance(page_or_location, FetchedPage):
                return replace(page_or_location, redirects=tuple(redirects))
            if len(redirects) >= policy.max_redirects:
                raise FetchError(f"Too many redirects (more than {policy.max_redirects})")
            redirects.append(url)
            url = urljoin(url, page_or_location)


def _remaining(deadline: float, policy: FetchPolicy, host: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(
            f"Timed out: {host} took longer than {policy.total_timeout:g} s in total",
            transient=True,
        )
    return left


def _request(client: httpx.Client, hop: _Hop, policy: FetchPolicy, deadline: float):
    """One hop: a FetchedPage, or the Location of a redirect."""
    host = hop.host_header
    left = _remaining(deadline, policy, host)
    timeout = httpx.Timeout(
        connect=min(policy.connect_timeout, left),
        read=min(policy.read_timeout, left),
        write=min(policy.read_timeout, left),
        pool=min(policy.connect_timeout, left),
    )
    request = client.build_request(
        "GET",
        hop.connect_url,
        headers={
            "Host": hop.host_header,
            "User-Agent": policy.user_agent,
            "Accept": ", ".join(sorted(policy.content_types)) + ";q=1.0, */*;q=0.1",
            # Uncompressed, so the size cap counts the bytes we hold in memory and a compressed
            # "bomb" cannot expand far past it in one chunk.
            "Accept-Encoding": "identity",
        },
        timeout=timeout,
        extensions={"sni_hostname": hop.server_name} if hop.server_name else None,
    )
    try:
        response = client.send(request, stream=True)
    except httpx.ConnectTimeout:
        raise FetchError(
            f"Timed out: could not connect to {host} within {policy.connect_timeout:g} s",
            transient=True,
        ) from None
    except httpx.TimeoutException:
        raise FetchError(
            f"Timed out: {host} did not answer within {policy.read_timeout:g} s", transient=True
        ) from None
    except httpx.ConnectError as exc:
        if "CERTIFICATE_VERIFY_FAILED" in str(exc) or "SSL" in str(exc):
            raise FetchError(f"The secure connection to {host} failed ({exc})") from None
        raise FetchError(f"Could not connect to {host}", transient=True) from None
    except httpx.TransportError as exc:
        raise FetchError(
            f"The connection to {host} broke off ({type(exc).__name__})", transient=True
        ) from None
    try:
        return _read(response, hop, policy, deadline)
    finally:
        response.close()


def _read(response: httpx.Response, hop: _Hop, policy: FetchPolicy, deadline: float):
    host = hop.host_header
    status = response.status_code
    if status in _REDIRECTS:
        location = response.headers.get("location")
        if not location:
            raise FetchError(f"HTTP {status} redirect without a Location")
        return location
    if status != 200:
        reason = f"HTTP {status} {_reason_phrase(status, response.reason_phrase)}"
        if status >= 500 or status == 429:
            raise FetchError(reason, transient=True, retry_after=_retry_after(response))
        raise FetchError(reason)
    media, charset = _media_type(response.headers.get("content-type"))
    if media and media not in policy.content_types:
        raise FetchError(f"Not an HTML page ({media})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"Page larger than {size_label(policy.max_bytes)}")
    body = bytearray()
    try:
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > policy.max_bytes:
                raise FetchError(f"Page larger than {size_label(policy.max_bytes)}")
            _remaining(deadline, policy, host)
    except httpx.TimeoutException:
        raise FetchError(
            f"Timed out: {host} stopped sending for {policy.read_timeout:g} s", transient=True
        ) from None
    except httpx.DecodingError:
        raise FetchError(f"{host} sent a body that could not be decompressed") from None
    except httpx.TransportError as exc:
        raise FetchError(
            f"The connection to {host} broke off ({type(exc).__name__})", transient=True
        ) from None
    if not media:
        # No Content-Type: accept what plainly is markup, refuse anything else.
        if not _looks_like_html(bytes(body[:1024])):
            raise FetchError("Not an HTML page (no content type)")
        media = "text/html"
    return FetchedPage(
        url=hop.url, status=status, content_type=media, charset=charset, body=bytes(body)
    )


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "").strip()
    return float(value) if value.isdigit() else None
