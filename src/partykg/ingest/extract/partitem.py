"""The gap before the next item of a fronted list when that item names a part of its document
first: "Thi hành Điều 2 Quyết định số A …, ngày … và Điều 2 Quyết định số B …, <body> hướng dẫn
…" (B is an item as A is; issue 12, set LG). The gap is a coordinator (a comma or semicolon may
come before it) and one part word with its number ("Điều 2", "Article 3", "khoản 1 Điều 4").

The previous item may close on what its document issues, a type word and a quoted title ("…
ngày 01-10-1997 ban hành Quy định “về …” và Điều 2 Quyết định số B"): that phrase is the
previous item's, skipped.

One job: say whether a gap is such a one. The words are per-language data (extract_cues_int:
PART_WORDS; extract_lang_more: ITEM_PART_WORDS; extract_lang: OBJECT_COORDINATORS)."""

from __future__ import annotations

import re
from partykg.ingest import extract_cues_int as W
from partykg.ingest import extract_lang as L
from partykg.ingest import extract_lang_more as LM
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns


@per_patterns
def _gap_re(P: Patterns) -> re.Pattern | None:
    lang = P.lang
    parts = W.PART_WORDS.get(lang) or LM.ITEM_PART_WORDS.get(lang)
    coords = L.OBJECT_COORDINATORS.get(lang)
    if not parts or not coords:
        return None
    one = rf"(?:{_alt(parts)})[ \t]{{1,2}}[0-9IVXLC]{{1,4}}[a-z]?"
    # what the previous item issues: an issue verb, a type word, a quoted title
    issued = (rf"(?:[ \t]{{1,2}}(?:{_alt(L.ISSUE_VERBS[lang])})[ \t]{{1,2}}(?:{_alt(P.type_words)})"
              rf"[ \t]{{0,2}}(?:[“\"«][^“”\"«»\n]{{1,200}}[”\"»])?)?") if L.ISSUE_VERBS.get(lang) else ""
    return re.compile(rf"{issued}[ \t]{{0,2}}[,;]?[ \t]{{0,2}}(?:{_alt(coords)})[ \t]{{1,2}}"
                      rf"{one}(?:[ \t]{{1,2}}(?:{one}))?[ \t]{{1,2}}", re.IGNORECASE)


def part_item_gap(gap: str, P: Patterns) -> bool:
    """Is ``gap`` a coordinator and the part of the next item's document (module docstring)?"""
    rx = _gap_re(P)
    return bool(rx and rx.fullmatch(gap))


__all__ = ["part_item_gap"]
