"""An article of a document's own text whose heading is an amending cue: "Article 1. Amendments
to some Articles of Government's Decree No. NN dated …", "Điều 1. Sửa đổi, bổ sung một số điều
của Nghị định số NN …": the document of the text's header amends the document the heading names
(issue 12, sets K and N).

One job: in a text with a header (:func:`.backrefs.find_header`), a sentence that follows an
article's label on the same line ("Article 1.", the sentence splitter leaves it a sentence of
its own; labels in extract_lang_more ARTICLE_LABELS) and opens with an amending cue; the first
numbered document after the cue, with at most a short filler between (no other document, no
other cue: "some Articles of", "một số điều của"), is amended by the header's document. No
document, body or article is named here."""

from __future__ import annotations

import re

from partykg.ingest import extract_lang_more as LM
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.followbase import _cue_info
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns

MAX_FILLER = 60  # characters from the cue to the amended document
KINDS = ("amends",)


@per_patterns
def _label_re(P: Patterns) -> re.Pattern | None:
    labels = LM.ARTICLE_LABELS.get(P.lang)
    if not labels:
        return None
    return re.compile(rf"[ \t]{{0,3}}(?:{_alt(labels)})[ \t]{{1,2}}\d{{1,3}}[a-z]?[.:]?[ \t]{{0,2}}")


def article_heads(text: str, sentences: list[Sentence], mentions: list[Mention],
                  relations: list[Relation], header: int | None, P: Patterns) -> None:
    rx = _label_re(P)
    if header is None or rx is None:
        return
    have = {(r.kind, r.source, r.target) for r in relations}
    by_sent = by_sentence(mentions)
    for si in range(1, len(sentences)):
        prev, sent = sentences[si - 1], sentences[si]
        if not rx.fullmatch(prev.text) or "\n" in text[prev.start + len(prev.text):sent.start]:
            continue
        cue = P.cue_re.match(sent.text)
        info = _cue_info(P, cue) if cue else None
        if info is None or info[0] not in KINDS or info[1] != "active":
            continue
        after = sorted((j for j in by_sent.get(si, ()) if mentions[j].strong
                        and mentions[j].start - sent.start >= cue.end()),
                       key=lambda j: mentions[j].start)
        if not after:
            continue
        j = after[0]
        filler = sent.text[cue.end():mentions[j].start - sent.start]
        if len(filler) > MAX_FILLER or re.search(r"[;:.()\d]", filler) or P.cue_re.search(filler):
            continue
        if j == header or (info[0], header, j) in have:
            continue
        relations.append(Relation(info[0], header, j, si, cue.group(0)))
        have.add((info[0], header, j))


__all__ = ["article_heads"]
