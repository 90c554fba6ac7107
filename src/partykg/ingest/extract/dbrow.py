"""A legal database's attribute row types the code it shows: "Số hiệu: 30/2001/QH10 Loại văn
bản: Luật" (the code, then the row's type label and a type word, on one line).

One job: a numbered mention whose code says no type (a law's or National Assembly resolution's
NN/YYYY/QHnn, or an unknown abbreviation) takes the type word that follows the row's type label
on the same line. The labels are data (extract_lang_more.DB_TYPE_LABELS); the type word is read
in any of the scheme's languages (databases label in Vietnamese on English pages).
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.ingest.extract_lang_more import DB_TYPE_LABELS
from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.patterns import _alt, patterns

_LABEL = re.compile(rf"(?:{_alt(DB_TYPE_LABELS)})[ \t]{{0,2}}:?[ \t|]{{0,4}}", re.IGNORECASE)


@lru_cache(maxsize=None)
def _patterns(lang: str):
    return patterns(lang)


def _type_after(text: str, pos: int) -> str | None:
    for lang in L.LANGS:
        P = _patterns(lang)
        tm = P.type_re.match(text, pos)
        if tm:
            key = P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower()))
            if key:
                return key
    return None


def type_from_row(sent: Sentence, ms: list[Mention]) -> None:
    """Give the row's type to the sentence's untyped coded mentions on the label's line."""
    text, base = sent.text, sent.start
    if not any(m.code and m.type in (None, "unclassified") for m in ms):
        return
    for m in ms:
        if not m.code or m.type not in (None, "unclassified"):
            continue
        line_end = text.find("\n", m.end - base)
        line = text[m.end - base:line_end if line_end >= 0 else len(text)]
        lm = _LABEL.search(line)
        if not lm:
            continue
        key = _type_after(text, m.end - base + lm.end())
        if key and key != "unclassified":
            m.type = key
