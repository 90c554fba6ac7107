"""A lower-case definite reference right after an implementing cue, ending its clause: "… la
directive n° NN … relative à l'étude, à la diffusion et à la mise en œuvre de la résolution.",
"… Plan No. NN … to implement the resolution.". With exactly one document of that type named
before in the text, it is that document: the numbered document before the cue implements it.
Nothing when none or several of that type came before (no guess), when a name follows the type
word ("la résolution du 14e Congrès" is a mention of its own), or when the cue is a review's.
The determiners are per-language data (``DETERMINERS``), the type words the SKOS scheme's."""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest import extract_lang_more as LM
from partykg.ingest.extract.backrefs import _key
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.followbase import _cue_info
from partykg.ingest.extract.patterns import Patterns, _alt
from partykg.ingest.extract.relations import reviewed

MAX_GAP = 160  # from the implementing document to the cue


def singular_refs(sentences: list[Sentence], mentions: list[Mention], relations: list[Relation],
                  P: Patterns) -> None:
    dets = L.DETERMINERS.get(P.lang) or ()
    bare = P.lang in LM.BARE_REFS  # a language without articles: "thực hiện nghị quyết."
    if not dets and not bare:
        return
    det = rf"(?:{_alt(dets)})[ \t]{{0,2}}" if dets else ""
    ref = re.compile(rf"[ \t]{{0,2}}{det}(?P<word>{P.type_re.pattern})"
                     r"(?=[ \t]{0,2}(?:[.;,)]|$))", re.IGNORECASE)
    by_sent = by_sentence(mentions)
    have = {(r.kind, r.source, r.target) for r in relations}
    for si, sent in enumerate(sentences):
        text = sent.text
        for cm in P.cue_re.finditer(text):
            info = _cue_info(P, cm)
            if info is None or info[0] != "implements" or info[1] != "active" or \
                    reviewed(text, cm.start(), P):
                continue
            rm = ref.match(text, cm.end())
            if rm is None or not rm.group("word")[:1].islower():
                continue
            word = re.sub(r"\s+", " ", rm.group("word").lower())
            tkey = P.type_words.get(word)
            if tkey is None or (P.lang in ("en", "fr") and word.endswith("s")):
                continue
            if bare and _generic_list(text, rm.end(), P):
                continue  # "thực hiện nghị quyết, chỉ thị của Đảng": the Party's documents
            at = sent.start + cm.start()
            if any(mentions[i].start < sent.start + rm.end() and at < mentions[i].end
                   for i in by_sent.get(si, ())):
                continue  # (already a mention there)
            before = sorted((i for i in by_sent.get(si, ()) if mentions[i].end <= at),
                            key=lambda i: mentions[i].start)
            if not before or not (mentions[before[-1]].strong or (
                    bare and mentions[before[-1]].text[:1].isupper())):
                continue  # (without articles, a capitalised document: "Chương trình hành động")
            src = before[-1]
            gap = text[max(mentions[src].end, mentions[src].tail_end) - sent.start:cm.start()]
            if len(gap) > MAX_GAP or re.search(r"[.;:]", gap):
                continue
            earlier = [i for i in range(len(mentions)) if mentions[i].start < at
                       and mentions[i].type == tkey and i != src]
            keys = {_key(mentions[i]) or mentions[i].name_key or ("at", i) for i in earlier}
            if len(keys) != 1:
                continue
            t = earlier[0]
            if ("implements", src, t) not in have:
                have.add(("implements", src, t))
                relations.append(Relation("implements", src, t, si, cm.group(0)))


def _generic_list(text: str, at: int, P: Patterns) -> bool:
    """A bare type word followed by another, lower case, after a comma or a coordinator, that
    list ending there or owned by the Party at large: a list of kinds of documents (Vietnamese
    nouns carry no number: "thực hiện nghị quyết, chỉ thị của Đảng" are its resolutions and
    directives), not a reference to one; "… nghị quyết, kế hoạch của Ban Thường vụ …" goes on
    to another item."""
    coord = _alt(L.OBJECT_COORDINATORS[P.lang]) or "(?!)"
    m = re.compile(rf"[ \t]{{0,2}}(?:,|(?:{coord})(?![\w]))[ \t]{{0,2}}(?:(?:{coord})[ \t]{{1,2}})?"
                   rf"(?P<w>{P.type_re.pattern})", re.IGNORECASE).match(text, at)
    if not (m and m.group("w")[:1].islower()):
        return False
    owners = LM.GENERIC_OWNERS.get(P.lang) or ()
    end = re.compile(rf"[ \t]{{0,2}}(?:[.;,)]|$|(?:{coord})(?![\w])"
                     rf"|(?:{_alt(owners) or '(?!)'})(?![\w]))", re.IGNORECASE)
    return bool(end.match(text, m.end()))


__all__ = ["singular_refs"]
