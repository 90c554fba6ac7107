"""Where a list of coordinated objects stops (English, French, Indonesian prose; used by
:func:`partykg.ingest.extract.follow._coordinated`):

- a document an issuing verb governs says its relation in its own subject phrase ("The
  Secretariat issued Conclusion A on continuing to implement X, and Regulation B on Y", "a
  adopté la résolution A sur le programme d'action pour mettre en œuvre X, ainsi que le décret B
  sur …"): a later document with a subject phrase of its own (and no date or issuer, which a
  cited document has) is the verb's second object, not the relation's;
- a coordinated document followed by a verb of its own opens a clause ("It replaced X and
  Conclusion B continued to be implemented", "A was replaced by B, and C amended A"): it is
  that clause's subject, not an object;
- but a participle after a comma ("guides X and Y, replacing Z") is the main clause's: it does
  not end the list.

The words are per-language data (``CLAUSE_VERBS`` of :mod:`partykg.ingest.extract_cues_int`,
the issuing verbs and subject prepositions of :mod:`partykg.ingest.extract_lang`); no document,
body or article is named here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_cues_int as W
from partykg.ingest.extract.data import Mention
from partykg.ingest.extract.patterns import Patterns, _alt

VERB_REACH = 60  # characters from the issuing verb to the document it governs


def parallel_issued(text: str, base: int, src: Mention, item: Mention, P: Patterns) -> bool:
    """``src`` is governed by an issuing verb and its subject phrase opens right after it (the
    relation is said there); ``item``, with neither date nor issuer of its own (a document
    cited as an object has them: "… and Plan No. NN, dated March 10, 2025 of the Provincial
    Committee on implementing Y"), is issued with it."""
    if P.lang not in W.CLAUSE_VERBS or not W.CLAUSE_VERBS[P.lang]:
        return False
    if item.date or (item.issuer is not None and item.issuer.start >= item.end):
        return False  # (an issuer shared from an earlier item is not its own)
    at = max(src.end, src.tail_end) - base
    if not (P.subject_prep_re.match(text, src.end - base) or P.subject_prep_re.match(text, at)):
        return False
    before = text[max(0, src.start - base - VERB_REACH):src.start - base]
    return P.issue_verb_re.search(before) is not None


@lru_cache(maxsize=8)
def _clause_verb_re(lang: str) -> re.Pattern | None:
    words = W.CLAUSE_VERBS.get(lang, ())
    if not words:
        return None
    return re.compile(rf"[ \t]{{1,2}}(?:{_alt(words)})(?![\w])", re.IGNORECASE)


def clause_after(text: str, pos: int, lang: str, next_start: int | None = None) -> bool:
    """A verb of its own right after a coordinated document (at ``pos``, its phrase's end): an
    auxiliary, or (English) a finite verb right before the next document ("…, and Decree B
    amended Decree A"; ``next_start``: where the sentence's next document starts)."""
    rx = _clause_verb_re(lang)
    if rx and rx.match(text, pos):
        return True
    return bool(lang == "en" and next_start is not None
                and _FINITE_BEFORE_DOC.fullmatch(text, pos, next_start))


# "amended", "replaces", "guides" right between two documents (a determiner may follow)
_FINITE_BEFORE_DOC = re.compile(r"[ \t]{1,2}(?:[a-z]{3,15}(?:ed|es|s))[ \t]{1,2}(?:the[ \t]{1,2})?")


def comma_participle(text: str, pos: int, lang: str) -> bool:
    """A comma, then the cue (at ``pos``, after a coordinated document): in English, French and
    Indonesian a participle after a comma is the main clause's ("guides X and Y, replacing Z"),
    so it does not end the list of objects as a cue of Y's own would."""
    return lang in ("en", "fr", "id") and re.match(r"[ \t]{0,2},[ \t]{0,2}", text[pos:pos + 4]) is not None


__all__ = ["parallel_issued", "clause_after", "comma_participle"]
