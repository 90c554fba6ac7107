"""A draft named by its type word (issue 12, Vietnamese relations; English, French and Indonesian
too, capitalised or not: "the draft Plan to implement …", "the Draft Resolution replacing …").

One job: "Lấy ý kiến Dự thảo (lần 1) Thông tư thay thế Thông tư liên tịch số NN …" names the
draft circular by its type word alone, after the draft word (a bracketed note between them) and
right before a relation cue: it is a new, unnamed document, so its replacement is planned
(followbase.planned: the draft word is a plan word). Nothing else makes a bare type word after
"dự thảo" a document (a draft of a numbered one, "dự thảo Quy định số NN", is that document's
mention). The words are in :mod:`partykg.ingest.extract_cues` (DRAFT_WORDS).
"""

from __future__ import annotations

import re

from partykg.ingest import extract_cues as C
from partykg.ingest.extract.data import Mention, Sentence, in_text_order
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns


@per_patterns
def _draft_re(P: Patterns) -> re.Pattern | None:
    words = C.DRAFT_WORDS.get(P.lang)
    rx = re.compile(rf"(?<![\w])(?:{_alt(words)})[ \t]{{1,2}}(?:\([^()\n]{{1,20}}\)[ \t]{{1,2}})?",
                    re.IGNORECASE) if words else None
    return rx


def drafts(sent: Sentence, si: int, ms: list[Mention], P: Patterns) -> list[Mention]:
    """The sentence's mentions with each draft named by its type word added (see the module's
    docstring)."""
    rx = _draft_re(P)
    if rx is None:
        return ms
    text, base = sent.text, sent.start
    added: list[Mention] = []
    for dm in rx.finditer(text):
        tm = P.type_re.match(text, dm.end())
        if tm is None or text[tm.end():tm.end() + 1] != " ":
            continue
        cm = P.cue_re.match(text, tm.end() + 1)
        if cm is None:
            continue
        word = re.sub(r"\s+", " ", tm.group(0).lower())
        tkey = P.type_words.get(word)
        if word[-1:] == "s" and word[:-1] in P.type_words:
            continue  # a plural ("draft action programs to implement …"): several drafts
        if tkey is None or any(m.start - base < tm.end() and tm.start() < m.end - base
                               for m in ms):
            continue
        nm = Mention(base + tm.start(), base + tm.end(), tm.group(0), si, tkey, strong=False,
                     new=True)
        nm.tail_end = nm.end
        added.append(nm)
    return in_text_order(ms, added)
