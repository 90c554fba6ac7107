"""A bare type word as a relation cue's object (issue 12, Vietnamese relations).

One job: "Tỉnh ủy đã ban hành Kế hoạch số NN thực hiện Chỉ thị." names the directive by its
type word alone, right after the cue and at the end of the clause. Such a word is added as a
back-reference only when the text named exactly one numbered document of that type in that
sentence or the ones just before (backrefs.BARE_WINDOW), so that resolving it is no guess; a
type word followed by a name ("Chỉ thị của Ban Bí thư", "Nghị quyết Đại hội XIV") is left to
the mention rules. The words are in :mod:`partykg.ingest.extract_cues` (BARE_OBJECT_ENDS).
"""

from __future__ import annotations

import re

from partykg.ingest import extract_cues as C
from partykg.ingest.extract.backrefs import BARE_WINDOW, _key
from partykg.ingest.extract.data import Mention, Sentence, in_text_order
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns


@per_patterns
def _end_re(P: Patterns) -> re.Pattern | None:
    ends = C.BARE_OBJECT_ENDS.get(P.lang)
    rx = re.compile(rf"[ \t]{{0,2}}(?:[.,;:!?)\n]|$|(?:{_alt(ends)})(?![\w]))") if ends else None
    return rx


def bare_objects(sent: Sentence, si: int, ms: list[Mention], prior: list[Mention],
                 P: Patterns) -> list[Mention]:
    """The sentence's mentions with each bare type word that is a cue's object added (see the
    module's docstring). ``prior``: the article's mentions before this sentence."""
    end_re = _end_re(P)
    if end_re is None:
        return ms
    text, base = sent.text, sent.start
    added: list[Mention] = []
    for c in P.cue_re.finditer(text):
        tm = P.type_re.match(text, c.end() + 1) if text[c.end():c.end() + 1] == " " else None
        if tm is None or not tm.group(0)[:1].isupper() or not end_re.match(text, tm.end()):
            continue
        if any(m.start - base < tm.end() and tm.start() < m.end - base for m in ms):
            continue
        tkey = P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower()))
        if tkey is None:
            continue
        before = [m for m in prior if m.sentence >= si - BARE_WINDOW] + \
                 [m for m in ms if m.end - base <= c.start()]
        keys = {_key(m) for m in before if m.type == tkey and not m.anaphor}
        if len(keys) != 1 or None in keys:
            continue  # none, several, or an unnumbered one: not a guess
        nm = Mention(base + tm.start(), base + tm.end(), tm.group(0), si, tkey, strong=False,
                     anaphor=True)
        nm.tail_end = nm.end
        added.append(nm)
    return in_text_order(ms, added)
