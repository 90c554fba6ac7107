"""A document's own text says it carries out what its fronted clause names (issue 12,
Vietnamese relations).

One job: in a text with a header ("Số: 01-HD/…" over "HƯỚNG DẪN"), a body sentence "Thực hiện /
Thi hành X …, <body> hướng dẫn … như sau:" uses the header's type word as its verb: the text is
the header's document, and it implements X (the gold's reading: a guidance whose object is an
activity carries out X; a guidance "thực hiện Quy định" by its own cue stays "guides"). The
words are the type scheme's labels (the verb may be written with its syllables glued,
"hướngdẫn", as pages do) and AS_FOLLOWS; the first such sentence only; none when another
numbered document stands between the clause and the verb ("…, căn cứ Công văn số NN, …").
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import Mention
from partykg.ingest.extract.patterns import Patterns, per_patterns
from partykg.ingest.extract.relations import fronted_objects

MAX_TO_VERB = 90  # from the clause's comma to the verb


@per_patterns
def _res(P: Patterns) -> tuple[re.Pattern, re.Pattern]:
    words = sorted(P.type_words, key=len, reverse=True)
    loose = "|".join(r"[ \t]{0,2}".join(re.escape(p) for p in w.split()) for w in words)
    follows = "|".join(re.escape(w).replace(r"\ ", r"[ \t]{1,2}")
                       for w in sorted(L.AS_FOLLOWS[P.lang], key=len, reverse=True))
    rx = (re.compile(rf"(?<![\w])(?:{loose})(?![\w])", re.IGNORECASE),
          re.compile(rf"(?:{follows})[ \t]{{0,2}}:$", re.IGNORECASE))  # (glued: "đảngnhư sau:")
    return rx


def fronted_self(sentences, by_sent: dict[int, list[int]], h: int, mentions: list[Mention],
                 P: Patterns, add) -> None:
    """Add "implements" from the header's document ``h`` to the fronted clause's documents (see
    the module's docstring)."""
    H = mentions[h]
    type_re, follows = _res(P)
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        if sent.start < H.end:
            continue
        st = sent.text.rstrip()
        if not st.endswith(":") or not follows.search(st[-40:]):
            continue
        objs = fronted_objects(sent, idx, mentions, P)
        if not objs or h in objs:
            continue
        last = mentions[objs[-1]]
        start = max(last.tail_end, last.end) - sent.start
        comma = sent.text.find(",", start)
        if comma < 0:
            continue
        tm = type_re.search(sent.text, comma, comma + MAX_TO_VERB)
        if tm is None:
            continue
        tkey = P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower()))
        if tkey is None:  # glued syllables: the scheme's label with its spaces back
            tkey = next((k for w, k in P.type_words.items()
                         if re.sub(r"\s+", "", w) == re.sub(r"\s+", "", tm.group(0).lower())), None)
        if tkey != H.type:
            return
        if any(mentions[j].strong and j not in objs
               and comma <= mentions[j].start - sent.start < tm.start() for j in idx):
            return
        for o in objs:
            add("implements", h, o, si, "fronted clause")
        return
