"""A programme or plan named by its capitalised type words, without a number, right before an
implements cue and the numbered document it implements, inside a sentence: "… and the Action
Programme to implement Resolution No. NN-NQ/TW", "… serta Program Aksi untuk Melaksanakan
Resolusi No. NN-NQ/TW". It is a document of its own (unnumbered) that implements that one.

Not when the type word opens the sentence (a heading or a generic subject), is plural or
lower case, is English without a determiner before it (English headlines capitalise every
word: "Government issues Action Programme to implement …" names no document), follows a plan verb ("xây dựng kế hoạch thực hiện …": a plan still to be drawn up) or
is already part of a mention. A numbered document promulgating it takes its place later
(:mod:`partykg.ingest.extract.promulgates`).

Generic: the type words come from the SKOS scheme, the cues and plan verbs are per-language data;
no document, body or article is named.
"""

from __future__ import annotations

import re

from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.followbase import _cue_info, _lang, _object_of
from partykg.ingest.extract.patterns import Patterns
from partykg.ingest.extract.relations import reviewed

CONTENT_TYPES = ("programme", "plan")


def titled_plans(full: str, sentences: list[Sentence], by_sent: dict[int, list[int]],
                 mentions: list[Mention], P: Patterns, add) -> None:
    """Add "<unnumbered programme> implements X" for the pattern of the module docstring."""
    L_ = _lang(P)
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        base = sent.start
        text = sent.text
        taken = [(mentions[j].start - base, max(mentions[j].tail_end, mentions[j].end) - base)
                 for j in idx]
        for tm in list(P.type_re.finditer(text)):
            word = tm.group(0)
            tkey = P.type_words.get(re.sub(r"\s+", " ", word.lower()))
            if tkey not in CONTENT_TYPES or not word[:1].isupper() or tm.start() < 3:
                continue
            if not all(w[:1].isupper() for w in word.split()):
                continue  # "Kế hoạch" is one word of the scheme; "Action plan" is not a name
            if any(a <= tm.start() < b for a, b in taken):
                continue
            if P.lang == "en" and not (P.det_before_re and P.det_before_re.search(
                    text[max(0, tm.start() - 12):tm.start()])):
                continue  # English headlines capitalise every word: "the Action Programme" only
            if L_.plan.search(text[max(0, tm.start() - 60):tm.start()]) or \
                    (P.plural_before_re and P.plural_before_re.search(text[:tm.start()])):
                continue
            rest = text[tm.end():]
            cue = P.cue_re.match(text, tm.end() + len(rest) - len(rest.lstrip(" \t")))
            info = _cue_info(P, cue) if cue else None
            if info is None or info[0] != "implements" or info[1] != "active" or \
                    reviewed(text, cue.start(), P):
                continue
            b = _object_of(cue, sent, idx, mentions)
            if b is None or not mentions[b].strong:
                continue
            a0, a1 = base + tm.start(), base + tm.end()
            mentions.append(Mention(a0, a1, full[a0:a1], si, tkey, strong=False, tail_end=a1))
            a = len(mentions) - 1
            # in the sentence's mentions, in order, so that later rules (a numbered document
            # promulgating the programme) see it
            pos = next((k for k, j in enumerate(idx) if mentions[j].start > a0), len(idx))
            idx.insert(pos, a)
            add("implements", a, b, si, cue.group(0))


__all__ = ["titled_plans"]
