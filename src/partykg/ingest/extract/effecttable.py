"""The effect-history table of a legal database page:

    Lịch sử hiệu lực: Quyết định NN/2007/QĐ-UBND
    Ngày Trạng thái Văn bản nguồn Phần hết hiệu lực
    25/10/2008 Được bổ sung NN/2008/QĐ-UBND Xem tại đây
    23/07/2011 Bị thay thế NN/2011/QĐ-UBND

Each row whose status says a relation ("Bị thay thế", "Được bổ sung", "replaced by") relates the
row's source document to the heading's document (source --kind--> heading document). The rows
say nothing about one row's document and another's: a cue read across two rows ("… 06/2015/TT-BCT
/ 20/07/2016 Được bổ sung 04/2016/TT-BCT") is dropped.

Generic: the heading words and the row statuses are per-language data
(``EFFECT_HISTORY``, ``EFFECT_STATUSES`` in :mod:`partykg.ingest.extract_cues`); no document,
body or article is named.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest.extract_cues import EFFECT_HISTORY, EFFECT_STATUSES
from partykg.ingest.extract.data import Mention, Relation
from partykg.ingest.extract.patterns import _alt

MAX_ROWS = 60  # lines read after the heading
_DATE = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"


@lru_cache(maxsize=8)
def _heading_re(lang: str) -> re.Pattern | None:
    words = EFFECT_HISTORY.get(lang, ())
    if not words:
        return None
    return re.compile(rf"^[ \t]{{0,4}}(?:{_alt(words)})[ \t]{{0,2}}:?[ \t]{{0,2}}",
                      re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=8)
def _row_re(lang: str) -> re.Pattern | None:
    statuses = EFFECT_STATUSES.get(lang, {})
    if not statuses:
        return None
    alt = _alt(statuses)
    return re.compile(rf"[ \t]{{0,4}}{_DATE}[ \t]{{1,3}}({alt})(?![\w])[ \t]{{0,3}}:?[ \t]{{0,2}}",
                      re.IGNORECASE)


def _mention_at(mentions: list[Mention], lo: int, hi: int) -> int | None:
    """The first numbered mention starting in [lo, hi)."""
    best = None
    for j, m in enumerate(mentions):
        if lo <= m.start < hi and m.strong and m.code and (best is None or
                                                           m.start < mentions[best].start):
            best = j
    return best


def effect_history(text: str, mentions: list[Mention], relations: list[Relation], lang: str,
                   add) -> None:
    """Add the relations of the module docstring; drop those read across two rows."""
    head, row = _heading_re(lang), _row_re(lang)
    if head is None or row is None:
        return
    rows: list[tuple[int, int]] = []
    statuses = {re.sub(r"\s+", " ", k.lower()): v for k, v in EFFECT_STATUSES[lang].items()}
    for hm in head.finditer(text):
        le = text.find("\n", hm.end())
        le = len(text) if le < 0 else le
        h = _mention_at(mentions, hm.end(), le)
        if h is None or not re.fullmatch(r"[\w ]{0,25}", text[hm.end():mentions[h].start]):
            continue
        pos = le + 1
        for _ in range(MAX_ROWS):
            if pos >= len(text):
                break
            ne = text.find("\n", pos)
            ne = len(text) if ne < 0 else ne
            line = text[pos:ne]
            if not line.strip() or _heading_re(lang).match(line):
                break  # the table ends at a blank line or another table
            rm = row.match(line)
            if rm:
                rows.append((pos, ne))
                s = _mention_at(mentions, pos + rm.end(), pos + rm.end() + 3)
                kind = statuses.get(re.sub(r"\s+", " ", rm.group(1).lower()))
                if s is not None and kind and s != h:
                    add(kind, s, h, mentions[s].sentence, rm.group(1))
            pos = ne + 1
    if len(rows) < 2:
        return

    def row_of(m: Mention) -> int | None:
        return next((k for k, (lo, hi) in enumerate(rows) if lo <= m.start < hi), None)

    relations[:] = [r for r in relations if not (
        row_of(mentions[r.source]) is not None and row_of(mentions[r.target]) is not None
        and row_of(mentions[r.source]) != row_of(mentions[r.target]))]


__all__ = ["effect_history"]
