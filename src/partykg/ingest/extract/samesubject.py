"""An unnumbered reference that repeats a numbered document's subject: "… the Resolution of the
National Assembly on the socio-economic development plan 2006-2010" after "Resolution
NN/2006/QH11 of the National Assembly on the socio-economic development plan 2006–2010" (or
before it) is that document, when one numbered document of that type has that subject (and the
same issuer when both give one).

Generic: compares the extracted subjects word by word; no document, body or article is named.
"""

from __future__ import annotations

import re

from partykg.ingest.extract.backrefs import compatible
from partykg.ingest.extract.codes import normal_code
from partykg.ingest.extract.data import Mention

MIN_WORDS = 4  # a subject shorter than this is too generic to identify a document


def _words(subject: str) -> tuple[str, ...]:
    ws = re.findall(r"[^\W_]+", subject.lower())
    while ws and ws[0] in ("the", "a", "on", "về", "sur", "la", "le", "tentang"):
        ws = ws[1:]
    return tuple(ws)


def _key(m: Mention) -> str:
    return normal_code(m.code).replace(" ", "").upper() if m.code else f"{m.type}:{m.number_key}"


def same_subject(mentions: list[Mention]) -> None:
    """Give each such unnumbered mention the numbered mention it repeats as antecedent."""
    numbered = [(j, _words(m.subject)) for j, m in enumerate(mentions)
                if m.strong and m.subject and len(_words(m.subject)) >= MIN_WORDS]
    if not numbered:
        return
    for i, m in enumerate(mentions):
        if m.strong or m.antecedent is not None or m.new or not m.subject or m.type is None:
            continue
        ws = _words(m.subject)
        if len(ws) < MIN_WORDS:
            continue
        found: dict[str, int] = {}
        for j, ow in numbered:
            o = mentions[j]
            if not compatible(m.type, o.type) or o.type is None:
                continue
            if m.issuer and o.issuer and m.issuer.match_key != o.issuer.match_key:
                continue
            if ws == ow or (len(ws) <= len(ow) and ow[:len(ws)] == ws) or (
                    len(ow) < len(ws) and ws[:len(ow)] == ow):
                found.setdefault(_key(o), j)
        if len(found) == 1:
            m.antecedent = next(iter(found.values()))


__all__ = ["same_subject"]
