"""A document's coming into force between it and a relation cue: "Ce texte entrera en vigueur
le 20 novembre prochain en remplacement de …", "Decree NN takes effect from July 1, 2024,
replacing …". The gap opens with an in-force phrase (per-language data,
:data:`partykg.ingest.extract_cues_int.IN_FORCE`) and holds nothing else but a short time
phrase: it is the document's own predicate, so the cue that follows is about the document."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_cues_int as W
from partykg.ingest.extract.patterns import _alt

MAX_REST = 80  # characters of time phrase after the in-force words


@lru_cache(maxsize=8)
def _in_force_re(lang: str) -> re.Pattern | None:
    words = W.IN_FORCE.get(lang, ())
    if not words:
        return None
    return re.compile(rf"^[ \t]{{0,2}},?[ \t]{{0,2}}(?:{_alt(words)})(?![\w])"
                      rf"(?P<rest>[^;:()\[\]\"“”«»]{{0,{MAX_REST}}})$", re.IGNORECASE)


def in_force_gap(gap: str, lang: str) -> bool:
    """Is ``gap`` (the text between a document and a cue) its coming into force, with a time
    phrase at most? A clause of its own (another verb after a comma and a subject) is not."""
    rx = _in_force_re(lang)
    m = rx.match(gap) if rx else None
    if not m:
        return False
    rest = m.group("rest")
    # the time phrase: no second clause ("…, and the province …"); it may end with a comma
    return rest.count(",") <= 2


@lru_cache(maxsize=8)
def _in_force_any(lang: str) -> re.Pattern | None:
    words = W.IN_FORCE.get(lang, ())
    return re.compile(rf"(?<![\w])(?:{_alt(words)})(?![\w])", re.IGNORECASE) if words else None


MAX_RUN_ON = 200  # characters of the subject's run-on before the in-force words


@lru_cache(maxsize=8)
def _clause_re(lang: str) -> re.Pattern:
    from partykg.ingest.extract_cues import CLAUSE_VERBS

    words = CLAUSE_VERBS.get(lang) or ("\x00",)
    return re.compile(rf"(?<![\w])(?:{_alt(words)})(?![\w])", re.IGNORECASE)


def run_on_in_force_gap(gap: str, lang: str) -> bool:
    """Is ``gap`` the document's subject running on after a semicolon, in lower case, then its
    coming into force ("Decree No. NN … on A; B of enterprises took effect as from … and
    replaced …")? The run-on holds no verb of a clause (CLAUSE_VERBS) and opens with no
    capital nor a determiner (a new subject)."""
    rx = _in_force_any(lang)
    if rx is None or not gap.startswith((";", " ;")):
        return False
    found = list(rx.finditer(gap))
    if not found:
        return False
    m = found[-1]
    pre = gap[:m.start()]
    first = re.match(r"[ \t;]{1,4}([^\W\d_]+)", pre)
    from partykg.ingest.extract_lang import DETERMINERS

    return (len(pre) <= MAX_RUN_ON and first is not None and first.group(1)[:1].islower()
            and first.group(1).lower() not in DETERMINERS.get(lang, ())
            and pre.count(";") == 1 and _clause_re(lang).search(pre) is None
            and in_force_gap(gap[m.start():], lang))


__all__ = ["in_force_gap", "run_on_in_force_gap"]
