"""Two unnumbered documents a text names without a capital (issue 12, set LF):

- a congress's resolution named without its ordinal, in lower case: "the congress’s
  resolution", "the resolution of the congress" (the congress the text is about). Keyed as
  :mod:`named` keys a congress's resolution, with no ordinal, so that every such reference is
  one document; a named congress with its ordinal ("the resolution of the 13th Congress") is
  :mod:`named`'s;
- a plan or programme named by its purpose: "the action programme to implement this
  resolution", a definite article, the lower-case type word, then an implementing cue.

Words: extract_lang_more (CONGRESS_REF_DETS, PURPOSE_NAMED_DETS), extract_lang
(CONGRESS_WORDS, TITLE_OF); the scheme's type words. As for any unnumbered document, they are
kept only when they take part in a relation.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest import extract_lang_more as M
from partykg.ingest.extract.data import Mention, Sentence, in_text_order
from partykg.ingest.extract.named import place_named
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns

_CONGRESS_TYPES = ("resolution",)
_PURPOSE_TYPES = ("plan", "programme")


@per_patterns
def _res(P: Patterns) -> dict | None:
    lang = P.lang
    dets, pdets = M.CONGRESS_REF_DETS.get(lang), M.PURPOSE_NAMED_DETS.get(lang)
    if not dets or not pdets:
        return None
    res = _alt(w for w, k in P.type_words.items() if k in _CONGRESS_TYPES)
    purpose = _alt(w for w, k in P.type_words.items() if k in _PURPOSE_TYPES)
    cong = _alt(L.CONGRESS_WORDS[lang])
    det = rf"(?<![\w])(?:{_alt(dets)})[ \t]{{1,2}}"
    of = _alt(L.TITLE_OF[lang]) if L.TITLE_OF[lang] else "(?!)"
    out = {
        # "the congress’s resolution" / "the resolution of the congress" (no ordinal, no name
        # after it: the next word is no capitalised word or number)
        "congress": re.compile(
            rf"{det}(?:(?i:{cong})['’]s?[ \t]{{1,2}}(?P<t1>(?-i:{res.lower()}))"
            rf"|(?P<t2>(?i:{res}))[ \t]{{1,2}}(?:{of})[ \t]{{1,2}}(?:{_alt(dets)}[ \t]{{1,2}})?"
            rf"(?i:{cong}))(?![\w'’])(?![ \t]{{1,2}}(?:[A-Z0-9]|of[ \t]{{1,2}}[A-Z]))"),
        "purpose": re.compile(rf"(?<![\w])(?:{_alt(pdets)})[ \t]{{0,2}}(?P<t>(?-i:{purpose.lower()}))"
                              r"(?=[ \t])"),
    }
    return out


def _implementing_cue(text: str, pos: int, P: Patterns) -> int | None:
    """The end of an active implementing cue at ``pos``, or None."""
    from partykg.ingest.extract.relations import _cue_lookup
    cm = P.cue_re.match(text, pos)
    if cm is None:
        return None
    phrase = re.sub(r"\s+", " ", cm.group(0).lower())
    info = P.cue_info.get(phrase) or _cue_lookup(P, phrase)
    return cm.end() if info and info[0] == "implements" and info[1] == "active" else None


def _named_object(text: str, base: int, at: int, ms: list[Mention], P: Patterns) -> bool:
    """The cue's object (the next mention, after filler words) is a document the text names:
    numbered, named (by title or congress) or pointed at ("this resolution"); not a definite
    description ("the notice of the Politburo") that may name one the text has not named yet."""
    from partykg.ingest.extract.mentions import _is_filler
    nxt = min((m for m in ms if m.start - base >= at), key=lambda m: m.start, default=None)
    if nxt is None or not _is_filler(text[at:nxt.start - base]):
        return False
    return nxt.strong or nxt.name_key is not None or (
        nxt.anaphor and P.type_re.match(nxt.text) is None)  # a demonstrative before the word


def name_lower_refs(sent: Sentence, si: int, ms: list[Mention], P: Patterns) -> list[Mention]:
    """The sentence's mentions with the documents of the module's docstring added (where no
    mention is)."""
    R = _res(P)
    if R is None:
        return ms
    text, base = sent.text, sent.start
    added: list[Mention] = []

    def free(s: int, e: int) -> bool:
        return not any(m.start - base < e and s < m.end - base for m in ms + added)

    found = []
    for m in R["congress"].finditer(text):
        t = "t1" if m.group("t1") else "t2"
        s = m.start() + re.match(r"\S+[ \t]{1,2}", m.group(0)).end()  # after the article
        tkey = P.type_words.get(m.group(t).lower())
        if tkey is not None:
            found.append((s, m.end(), tkey, (tkey, "congress", None, False)))
    if found:  # (an unnumbered mention of the type word there takes the name)
        ms = place_named(sent, si, ms, found)
    for m in R["purpose"].finditer(text):
        s, e = m.start("t"), m.end("t")
        tkey = P.type_words.get(m.group("t"))
        ce = _implementing_cue(text, e + 1, P) if tkey is not None and free(s, e) else None
        if ce is None or not _named_object(text, base, ce, ms + added, P):
            continue
        added.append(Mention(base + s, base + e, text[s:e], si, tkey, strong=False,
                             tail_end=base + e))
    return in_text_order(ms, added) if added else ms


def settle_congress_refs(mentions: list[Mention]) -> None:
    """A congress's resolution named without its ordinal is the one the article names with its
    ordinal, when it names exactly one of that type ("la Résolution du XIVᵉ Congrès …" … "la
    Résolution du Congrès")."""
    keys = {m.name_key for m in mentions if m.name_key and m.name_key[1:2] == ("congress",)
            and m.name_key[2] is not None}
    for m in mentions:
        k = m.name_key
        if k and k[1:3] == ("congress", None):
            mine = [x for x in keys if x[0] == k[0]]
            if len(mine) == 1:
                m.name_key = mine[0]
