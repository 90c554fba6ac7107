"""An unnumbered document issued in the sentence, named by an issuing verb and an indefinite
article: "The Government has issued a decree replacing Decree No. NN", "Le gouvernement a publié
le 16 novembre une résolution sur son programme d'action pour mettre en œuvre la Résolution NN",
"Pemerintah menerbitkan sebuah keputusan untuk melaksanakan …".

The type word (any case but a heading's capitals, singular) after the verb, a date ("on November
16", "le 16 novembre") and the article names one document issued here, not a back-reference: a
mention of its own, which a relation cue later in the sentence relates as any document (it is
kept, as every unnumbered document, only when it takes part in a relation). No cue after it, or
a plural ("issued resolutions"), a bare verb ("has a plan"), and nothing is added. A news lead
that says "issued a resolution …" and gives its number further on ("Resolution No. NN/NQ-CP
sets out …") names one document: when the text names exactly one numbered document of that
type after the description and none before it (the relation's own ends left out), the
description is that document. English,
French and Indonesian only (Vietnamese has its own rules). Words: ``ISSUE_VERBS`` and
``INDEFINITES`` of :mod:`partykg.ingest.extract_lang`, ``ISSUED_ON`` of
:mod:`partykg.ingest.extract_cues_int`; no document, body or article is named here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_cues_int as W
from partykg.ingest import extract_lang as L
from partykg.ingest.extract.backrefs import _key
from partykg.ingest.extract.data import Mention, Relation, Sentence, in_text_order
from partykg.ingest.extract.patterns import Patterns, _alt

LANGS = ("en", "fr", "id")
REACH = 90  # characters from the issuing verb to the type word
CUE_REACH = 200  # from the type word to the cue that relates it


@lru_cache(maxsize=8)
def _issued_re(lang: str) -> re.Pattern:
    on = W.ISSUED_ON.get(lang, ())
    date = (rf"(?:[ \t]{{1,2}}(?:{_alt(on)})[ \t]{{1,2}}(?:\d{{1,2}}(?:er|st|nd|rd|th)?[ \t]{{1,2}}"
            rf"[^\W\d]{{3,10}}|[^\W\d]{{3,10}}[ \t]{{1,2}}\d{{1,2}}(?:st|nd|rd|th)?),?)?") if on else ""
    return re.compile(rf"(?<![\w])(?:{_alt(L.ISSUE_VERBS[lang])}){date}[ \t]{{1,2}}"
                      rf"(?:{_alt(L.INDEFINITES[lang])})[ \t]{{1,2}}$", re.IGNORECASE)


def issued_indefinite(sent: Sentence, si: int, ms: list[Mention], P: Patterns) -> list[Mention]:
    """The sentence's mentions ``ms`` with the documents it issues under an indefinite article."""
    if P.lang not in LANGS:
        return ms
    text, base = sent.text, sent.start
    taken = [(m.start - base, max(m.end, m.tail_end) - base) for m in ms]
    added: list[Mention] = []
    rx = _issued_re(P.lang)
    for tm in P.type_re.finditer(text):
        ts, te = tm.start(), tm.end()
        word = tm.group(0)
        if word.isupper() and len(word) > 2:
            continue
        if any(a < te and ts < b for a, b in taken):
            continue
        if not rx.search(text[max(0, ts - REACH):ts]):
            continue
        low = re.sub(r"\s+", " ", word.lower())
        tkey = P.type_words.get(low)
        if tkey is None or (P.lang in ("en", "fr") and low.endswith("s") and low != "avis"):
            continue
        cm = P.cue_re.search(text, te, min(len(text), te + CUE_REACH))
        if cm is None:
            continue
        added.append(Mention(base + ts, base + te, word, si, tkey, strong=False,
                             tail_end=base + te))
        taken.append((ts, te))
    return in_text_order(ms, added)


def join_indefinite(mentions: list[Mention], relations: list[Relation],
                    added: list[Mention]) -> None:
    """Point each issued description of ``added`` to the one numbered document of its type the
    text names after it (none before it, its relation partners left out)."""
    if not added:
        return
    where = {id(m): i for i, m in enumerate(mentions)}
    for m in added:
        i = where.get(id(m))
        if i is None or m.antecedent is not None:
            continue
        partners = {r.target for r in relations if r.source == i} | {
            r.source for r in relations if r.target == i}
        pkeys = {_key(mentions[k]) for k in partners if _key(mentions[k])}
        before, after = {}, {}
        for j, o in enumerate(mentions):
            k = _key(o)
            if j == i or not o.strong or k is None or o.type != m.type or k in pkeys:
                continue
            (before if j < i else after).setdefault(k, j)
        if not before and len(after) == 1:
            m.antecedent = next(iter(after.values()))


__all__ = ["issued_indefinite", "join_indefinite"]
