"""Who the cue after a document's own title belongs to, in chains of titles (issue 12, sets K
and N): "Plan No. NN to implement the Government's Action Plan to implement Resolution MM" (the
unnamed plan implements MM); "Thông tư A sửa đổi Thông tư B hướng dẫn X, hướng dẫn thi hành Y"
(B's own title: B guides X and Y); "… the Government's Decree No. NN of November 14, 2013,
detailing and guiding the implementation of … the Law on Prices" (the decree's own title).
Used by :func:`partykg.ingest.extract.relations.find_relations` when it looks for a cue's
subject. Words: the SKOS scheme's plan and programme types, extract_lang DETAIL_BEFORE and
OBJECT_COORDINATORS, extract_lang_more TITLE_GUIDING_WORDS; no document, body or article is named here."""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest import extract_lang_more as LM
from partykg.ingest.extract.congressref import _PURPOSE_TYPES
from partykg.ingest.extract.data import Mention, Relation
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns

# any language's words: the rules below read a cue's text, whatever the page's language
_GUIDING = re.compile(rf"(?:{_alt(w for ws in LM.TITLE_GUIDING_WORDS.values() for w in ws)})(?![\w])",
                      re.IGNORECASE)
UNNAMED_PURPOSE_TYPES = _PURPOSE_TYPES  # the SKOS scheme's pkdt:plan, pkdt:programme


def _unnamed_purpose(A: Mention, cue: re.Match, base: int, kind: str) -> bool:
    """ "Plan No. NN to implement the Government's Action Plan to implement Resolution MM": an
    unnamed plan or programme right before an implementing cue is that cue's subject (the
    plan's purpose) even when it is itself the object of the cue before."""
    if kind != "implements" or A.strong or A.type not in UNNAMED_PURPOSE_TYPES:
        return False
    end = max(A.tail_end, A.end) - base
    return 0 < cue.start() - end <= 2 and not cue.string[end:cue.start()].strip(" \t")



@per_patterns
def _detailing_re(P: Patterns) -> re.Pattern | None:
    words, ands = L.DETAIL_BEFORE.get(P.lang), L.OBJECT_COORDINATORS.get(P.lang)
    if not words or not ands:
        return None
    return re.compile(rf",[ \t]{{1,2}}(?:{_alt(words)})[ \t]{{1,2}}(?:{_alt(ands)})[ \t]{{1,2}}$",
                      re.IGNORECASE)


def _detailing_title(A: Mention, cue: re.Match, base: int, P: Patterns) -> bool:
    """ "… guiding the Government's Decree No. NN of November 14, 2013, detailing and guiding the
    implementation of … the Law on Prices": "detailing and" after a comma opens the nearest
    dated document's own title (a decree details a law), even when that document is the
    object of the cue before."""
    if A.tail_end <= A.end or not A.strong:
        return False
    rx = _detailing_re(P)
    end = A.tail_end - base
    return bool(rx and 0 < cue.start() - end <= 40 and rx.fullmatch(cue.string[end:cue.start()]))


@per_patterns
def _issuer_gap_re(P: Patterns) -> re.Pattern | None:
    preps = L.ISSUER_PREPS.get(P.lang)
    if not preps:
        return None
    return re.compile(rf"[ \t]{{1,2}}(?:{_alt(preps)})[ \t]{{1,2}}(?:the[ \t]{{1,2}})?"
                      rf"(?-i:[A-ZĐ][^\W\d_]*)(?:[ \t]{{1,2}}[^\W\d_]+){{0,8}}[ \t]{{1,2}}",
                      re.IGNORECASE)


def _issuer_title(A: Mention, cue: re.Match, base: int, P: Patterns) -> bool:
    """ "… of the Circular No. NN dated April 28, 2014 of the Minister of Finance guiding the
    Government's Decree …": a guiding participle right after a dated document and an issuer
    phrase the mention did not take (a post), with no comma, opens that document's own title."""
    if A.tail_end <= A.end or not A.strong or not _GUIDING.match(cue.group(0)):
        return False
    rx = _issuer_gap_re(P)
    return bool(rx and rx.fullmatch(cue.string[A.tail_end - base:cue.start()]))


def title_subject(A: Mention, cue: re.Match, base: int, kind: str, P: Patterns) -> bool:
    """Does ``cue`` open A's own title, A being its subject even as the object of the cue
    before?"""
    return (_unnamed_purpose(A, cue, base, kind) or _detailing_title(A, cue, base, P)
            or _issuer_title(A, cue, base, P))


def _parallel_participle(out: list[Relation], mentions: list[Mention], text: str, cue: re.Match,
                         base: int, kind: str) -> int | None:
    """ "Thông tư A sửa đổi Thông tư B hướng dẫn X, hướng dẫn thi hành Y": a guiding participle
    after a comma, right after the object of the same kind of relation whose subject is a
    document's own title (B guides X), is B's second one: its subject is B."""
    if kind != "guides" or not _GUIDING.match(cue.group(0)):
        return None
    for r in reversed(out):
        if r.kind != "guides":
            continue
        T = mentions[r.target]
        gap = text[max(T.tail_end, T.end) - base:cue.start()]
        if re.fullmatch(r",[ \t]{1,2}", gap) and mentions[r.source].end <= T.start:
            S = mentions[r.source]
            # only a title's participle: the subject's guiding cue right after its own code
            between = text[S.end - base:T.start - base]
            if _GUIDING.match(between.lstrip(" \t")):
                return r.source
        return None
    return None





__all__ = ["_GUIDING", "_parallel_participle", "title_subject"]
