"""Invisible characters inside words (zero-width space and joiners, soft hyphen, word joiner, BOM):
"Reso\u00adlution No. 5", "Nghị\u200bquyết số 18-NQ/TW". A page's markup, not its words.

One job: the text the rules read, and the page's offsets back. The extractor runs on a view of
the text in which each word holding such characters is rewritten:

- as spaces where a type word of the language then touches one ("Nghị\u200bquyết" ->
  "Nghị quyết", "Resolution\u200bNo." -> "Resolution No."): a separator the page hid;
- else without them ("Reso\u00adlution" -> "Resolution", "12-N\u200bQ/TW" -> "12-NQ/TW"): the
  view is then shorter than the page.

Afterwards (:func:`restored`) every offset is the page's again and the sentences (the quotes) and
the mentions' texts are the page's own; documents' names and codes are read from the view.
"""

from __future__ import annotations

import bisect

from partykg.ingest.extract.codes import _INSIDE_INVISIBLE, _INVISIBLE
from partykg.ingest.extract.data import Extraction
from partykg.ingest.extract.patterns import Patterns


def reading_view(text: str, P: Patterns) -> tuple[str, list[int]]:
    """The text the rules read (``text`` itself when it holds no invisible character inside a
    word) and, for each character dropped, the view offset it was dropped at (sorted)."""
    if not any(ch in text for ch in _INVISIBLE):
        return text, []
    dropped: list[int] = []
    parts: list[str] = []
    last = 0
    for m in _INSIDE_INVISIBLE.finditer(text):
        word = m.group(0)
        parts.append(text[last:m.start()])
        last = m.end()
        spaced = "".join(" " if ch in _INVISIBLE else ch for ch in word)
        hidden = [i for i, ch in enumerate(word) if ch in _INVISIBLE]
        if any(tm.start() - 1 <= i <= tm.end() for tm in P.type_re.finditer(spaced)
               for i in hidden):
            parts.append(spaced)
            continue
        for i in hidden:
            dropped.append(m.start() + i - len(dropped))
        parts.append("".join(ch for ch in word if ch not in _INVISIBLE))
    if last == 0:
        return text, []
    parts.append(text[last:])
    return "".join(parts), dropped


def restored(ex: Extraction, text: str, dropped: list[int]) -> Extraction:
    """``ex``, read from the view, with the page's offsets, sentences and mention texts."""

    def start(o: int) -> int:  # the page offset of the view's character at o
        return o + bisect.bisect_right(dropped, o)

    def end(o: int) -> int:  # the page offset just after the view's character at o - 1
        return o + bisect.bisect_right(dropped, o - 1) if o > 0 else 0

    ex.text = text
    for s in ex.sentences:
        s.start, s.end = start(s.start), end(s.end)
        s.text = text[s.start:s.end]
    seen: set[int] = set()
    bodies = [m.issuer for m in ex.mentions] + [d.issuer for d in ex.documents]
    for mg in ex.mergers:
        bodies += list(mg.merged) + [mg.into]
    for b in bodies:
        if b is not None and id(b) not in seen:
            seen.add(id(b))
            b.start, b.end = start(b.start), end(b.end)
    for m in ex.mentions:
        m.start, m.end = start(m.start), end(m.end)
        m.tail_end = end(m.tail_end) if m.tail_end else m.tail_end
        m.text = text[m.start:m.end]
    return ex
