"""A self-reference the back-references left unresolved ("This Decree replaces …", "Quyết định
này thay thế …", "Cette résolution …") on a page with no number line (``backrefs.find_header``
found none) refers to the page's title document: the first numbered mention of the text, on
its first two lines, of a compatible type (a legal database's title line, "Decree No.
49/2016/ND-CP dated … on amending …"). Not when that document is the reference's own relation
partner, nor when it is named in a basis clause. The same title document stands for the number
line in the enacting clause ("The Government promulgates a Decree …": group.py passes
:func:`title_document` to ``ownissued.issued_is_header``).

Generic: no document, body or page is named; the self-reference words are data
(extract_lang.SELF_REFS).
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.backrefs import _in_basis, compatible
from partykg.ingest.extract.data import Mention, Relation, Sentence
from partykg.ingest.extract.patterns import Patterns, _alt

TITLE_LINES = 2  # the title is on the text's first non-empty lines
TITLE_REACH = 400  # … and within its first characters


def title_document(text: str, mentions: list[Mention], sentences: list[Sentence],
                   P: Patterns) -> int | None:
    """The index of the title document's mention (see the module's docstring), or None."""
    first = min(range(len(mentions)), key=lambda i: mentions[i].start, default=None)
    if first is None:
        return None
    T = mentions[first]
    if not T.strong or T.start >= TITLE_REACH:
        return None
    if len([ln for ln in text[:T.start].split("\n")[:-1] if ln.strip()]) >= TITLE_LINES:
        return None  # (the lines before the title's own, non-empty)
    if _in_basis(sentences[T.sentence], T, P):
        return None
    return first


def title_self_refs(text: str, sentences: list[Sentence], mentions: list[Mention],
                    relations: list[Relation], header: int | None, P: Patterns) -> None:
    """Set the antecedent of the unresolved self-references to the title document (see the
    module's docstring)."""
    if header is not None or not mentions:
        return
    self_re = re.compile(rf"(?<![\w])(?:{_alt(L.SELF_REFS[P.lang])})(?![\w])", re.IGNORECASE)
    t = None
    for i, m in enumerate(mentions):
        if not m.anaphor or m.antecedent is not None or m.strong:
            continue
        sent = sentences[m.sentence]
        around = sent.text[max(0, m.start - sent.start - 16):m.end - sent.start + 12]
        if not self_re.search(around):
            continue
        if t is None:
            t = title_document(text, mentions, sentences, P)
            if t is None:
                return
        T = mentions[t]
        if t == i or T.start >= m.start or not compatible(m.type, T.type) or m.type != T.type:
            continue
        if any({r.source, r.target} == {i, t} for r in relations):
            continue
        m.antecedent = t
