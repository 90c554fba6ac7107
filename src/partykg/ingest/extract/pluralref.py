"""A plural back-reference after an implementing cue names the documents listed before:
"… 4 résolutions …: la résolution n° A …; la résolution n° B … et la résolution n° D …. Le
Comité a déployé le Plan n° P … sur l'étude … et la mise en œuvre des résolutions du 6e Comité
central": P implements A, B and D.

One job: for a numbered document followed in its sentence by an implementing cue with a plural
determiner and a plural type word (extract_lang_more.PLURAL_REF_CUES; the type words of the
SKOS scheme), relate it to every numbered document of that type in the last earlier sentence
that lists two or more of them. Nothing when no such list precedes (a plural with no list
names no document).
"""

from __future__ import annotations

import re

from partykg.ingest.extract_lang_more import PLURAL_REF_CUES
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns
from partykg.ingest.extract.relations import reviewed

_MAX_GAP = 160  # from the source document's end to the cue


@per_patterns
def _cue_re(P: Patterns) -> re.Pattern | None:
    cues = PLURAL_REF_CUES.get(P.lang) or ()
    plural = [w for w in P.type_words if w.lower().endswith("s")]
    rx = (re.compile(rf"(?<![\w])(?:{_alt(cues)})[ \t]{{1,2}}(?P<word>{_alt(plural)})(?![\w])",
                     re.IGNORECASE) if cues and plural else None)
    return rx


def plural_refs(sentences: list[Sentence], mentions: list[Mention], relations: list[Relation],
                P: Patterns) -> None:
    rx = _cue_re(P)
    if rx is None:
        return
    by_sent = by_sentence(mentions)
    have = {(r.kind, r.source, r.target) for r in relations}
    for si, sent in enumerate(sentences):
        for cm in rx.finditer(sent.text):
            tkey = P.type_words.get(re.sub(r"\s+", " ", cm.group("word").lower()))
            if tkey is None or reviewed(sent.text, cm.start(), P):
                continue
            at = sent.start + cm.start()
            before = [i for i in by_sent.get(si, []) if mentions[i].end <= at]
            if not before:
                continue
            src = before[-1]
            if not mentions[src].strong or at - mentions[src].end > _MAX_GAP \
                    or re.search(r"[.;:]", sent.text[mentions[src].end - sent.start:cm.start()]):
                continue
            targets: list[int] = []
            for sj in range(si - 1, -1, -1):
                listed = [i for i in by_sent.get(sj, [])
                          if mentions[i].strong and mentions[i].type == tkey]
                if len({mentions[i].number for i in listed}) >= 2:
                    targets = listed
                    break
            for t in targets:
                if (("implements", src, t) not in have) and t != src:
                    relations.append(Relation("implements", src, t, si, cm.group(0)))
                    have.add(("implements", src, t))
