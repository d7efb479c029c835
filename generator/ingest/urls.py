"""One article's identity from the URL it was captured at: the URL normalised, and an article id made from it.

Captures of one page are rarely made at one spelling of its URL: a link shared on a social network carries
utm_* or fbclid, an archive crawler follows the link with or without a trailing slash or a #fragment. What
a reader would call the same address is one article; what differs in a real parameter (?page=2, ?id=7) is not.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from generator.ingest.read import slugify

# Query parameters that say how a reader arrived, never which page: the analytics and ad-click markers
# that mail, social networks and ad platforms append. Prefixes end with "_".
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "mtm_", "at_", "hsa_", "_hs", "oly_")
TRACKING_NAMES = frozenset({"fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
                            "igshid", "mkt_tok", "_ga", "_gl", "ref_src", "ref_url", "cmpid", "ocid", "s_cid",
                            "ito", "smid", "ncid", "spm", "share", "cid_share"})
ID_PATH_CHARS = 72  # room for the words of a long path in an id under read.SAFE_ID's 128 characters
HASH_CHARS = 10


def normalise_url(url: str) -> str:
    """The URL as one article's key: scheme and host lowercased, default port, "www." and the fragment dropped,
    tracking parameters removed and the others sorted, no trailing slash, percent-escapes in one spelling.

    http and https are one scheme here: a site that moved to https still serves the same article."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    port = parts.port if parts.port not in (None, 80, 443) else None
    netloc = host + (f":{port}" if port else "")
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~%")
    path = re.sub(r"/{2,}", "/", path).rstrip("/")
    if path.endswith(("/index.html", "/index.htm")):
        path = path.rsplit("/", 1)[0]
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k))
    return urlunsplit(("https", netloc, path, urlencode(query), ""))


def is_tracking(name: str) -> bool:
    """A query parameter that marks the visit, not the page."""
    lowered = name.lower()
    return lowered in TRACKING_NAMES or lowered.startswith(TRACKING_PREFIXES)


def outlet_domain(url: str) -> str:
    """The outlet a URL names when the page names none: its host without "www." ("example.org")."""
    host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def url_article_id(url: str) -> str:
    """The id of the article captured at a URL: its host and path in words, and a hash of the normalised URL.

    The words let a contributor tell which article annotations/articles/<id>.yml is for; the hash keeps two
    URLs whose words are alike (query strings, long paths cut short) apart. The id depends on the normalised
    URL alone, so a new capture of the page, or one in another WARC file, keeps its id and its annotations."""
    key = normalise_url(url)
    parts = urlsplit(key)
    words = slugify(f"{parts.hostname or ''} {parts.path}")[:ID_PATH_CHARS].strip("-")
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:HASH_CHARS]
    return f"{words}-{digest}"
