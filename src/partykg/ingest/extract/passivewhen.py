"""A passive relation with a time phrase before its agent: "Decree No. A was replaced on January 1,
2023 by Decree No. B", "Le décret n° A a été remplacé le 1er janvier 2023 par le décret n° B",
"Keputusan Nomor A telah digantikan pada 1 Januari 2023 oleh Keputusan Nomor B". The cue tables
hold the participle with its agent word ("replaced by"); a date between them hides it.

One job: a participle of PASSIVE_WHEN (per-language data, :mod:`partykg.ingest.extract_cues`),
then a time phrase (one of its opening words, PASSIVE_WHEN_OPENERS, and a date or a few words
without punctuation but a comma before a year), then an agent word (AGENT_WORDS) right before a
numbered document; the subject is the numbered document before the participle with only an
auxiliary or its own phrase between. No document, body or article is named here.
"""

from __future__ import annotations

import re

from partykg.ingest.extract_cues import AGENT_WORDS, PASSIVE_WHEN, PASSIVE_WHEN_OPENERS
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns

MAX_SUBJECT_GAP = 30  # characters from the subject's phrase to the participle


@per_patterns
def _re(P: Patterns) -> re.Pattern | None:
    parts, openers = PASSIVE_WHEN.get(P.lang), PASSIVE_WHEN_OPENERS.get(P.lang)
    agents = AGENT_WORDS.get(P.lang)
    if not parts or not openers or not agents:
        return None
    return re.compile(
        rf"(?<![\w])(?P<part>{_alt(parts)})[ \t]{{1,2}}(?:{_alt(openers)})[ \t]{{1,2}}"
        rf"[^\s,;.()]{{1,15}}(?:[ \t]{{1,2}}[^\s,;.()]{{1,15}}){{0,3}}(?:,[ \t]{{1,2}}(?:19|20)\d\d)?"
        rf"[ \t]{{1,2}}(?:{_alt(agents)})[ \t]{{1,2}}(?:(?:the|le|la|l['’])[ \t]{{0,2}})?$",
        re.IGNORECASE)


def passive_when(sentences: list[Sentence], mentions: list[Mention], relations: list[Relation],
                 P: Patterns) -> None:
    rx = _re(P)
    if rx is None:
        return
    have = {(r.kind, r.source, r.target) for r in relations}
    kinds = {k.lower(): v for k, v in PASSIVE_WHEN[P.lang].items()}
    for si, idx in sorted(by_sentence(mentions).items()):
        sent = sentences[si]
        base = sent.start
        strong = sorted((j for j in idx if mentions[j].strong), key=lambda j: mentions[j].start)
        for a, b in zip(strong, strong[1:]):
            A, B = mentions[a], mentions[b]
            head = sent.text[max(A.end, A.tail_end) - base:B.start - base]
            m = None
            for start in [k.start() for k in re.finditer(r"[^\W\d_]+", head)][:12]:
                m = rx.match(head, start)
                if m:
                    break
            if m is None or len(head[:m.start()]) > MAX_SUBJECT_GAP or re.search(r"[;:()]", head[:m.start()]):
                continue
            if P.cue_re.search(head[:m.start()]):
                continue
            kind = kinds.get(re.sub(r"\s+", " ", m.group("part").lower()))
            if kind and (kind, b, a) not in have:
                relations.append(Relation(kind, b, a, si, m.group(0).strip()))
                have.add((kind, b, a))


__all__ = ["passive_when"]
