"""Web addresses in a text: a document named inside one ("https://…/nghi-quyet-so-12-nq-tw.html",
"www.…/Decree-15/2020/ND-CP") is the page's link, no mention of the text (a legal database's
related-documents links, a page's own address). Generic: an address is a run of non-space
characters that opens with a scheme or "www.", or a host name with a top-level domain followed
by a path; no site is named.
"""

from __future__ import annotations

import re

from partykg.ingest.extract.data import Mention

# (bounded: an address is at most 600 characters; a host label at most 63)
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”]{1,600}"
    r"|(?<![\w.@-])(?:[a-z0-9-]{1,63}\.){1,4}(?:vn|com|org|net|gov|edu|int|info|io|fr|id|uk|us|de)"
    r"(?::\d{1,5})?/[^\s<>\"“”]{0,600}", re.IGNORECASE)


def url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the web addresses in ``text`` (relative offsets), in order."""
    if "/" not in text and "www." not in text.lower():
        return []
    return [(m.start(), m.end()) for m in _URL.finditer(text)]


def outside_urls(ms: list[Mention], text: str, base: int) -> list[Mention]:
    """``ms`` (one sentence's mentions, ``text`` the sentence starting at ``base``) less those
    inside a web address; the list heads of the others renumbered (a head left out: none)."""
    spans = url_spans(text)
    if not spans or not ms:
        return ms
    keep = [not any(s <= m.start - base and m.end - base <= e for s, e in spans) for m in ms]
    if all(keep):
        return ms
    new_index, n = {}, 0
    for i, k in enumerate(keep):
        if k:
            new_index[i] = n
            n += 1
    out = []
    for i, m in enumerate(ms):
        if not keep[i]:
            continue
        if m.list_head is not None:
            m.list_head = new_index.get(m.list_head)
        out.append(m)
    return out


__all__ = ["url_spans", "outside_urls"]
