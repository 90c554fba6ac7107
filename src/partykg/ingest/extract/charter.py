"""The Party's Charter: "the Party Statutes", "the Communist Party of Vietnam’s 2011 Charter",
"Điều lệ Đảng" (issue 12, set LF). A document the type scheme has no concept for (typed
unclassified, as the Constitution is), named by the words of extract_lang_more
(PARTY_CHARTER_NAMES, or one of PARTY_POSSESSORS in the possessive, a year, then one of
PARTY_CHARTER_WORDS), in any language of the text: a page in English may carry the Vietnamese
caption. Every reference is one document (one key), its year the date when the text gives one.
As for any unnumbered document, it is kept only when it takes part in a relation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang_more as M
from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.named import place_named
from partykg.ingest.extract.patterns import _alt

KEY = ("unclassified", "title", "party charter")


@lru_cache(maxsize=1)
def _charter_re() -> re.Pattern:
    names = _alt(n.replace("'", "’") for n in M.PARTY_CHARTER_NAMES).replace("’", "['’]")
    poss = _alt(M.PARTY_POSSESSORS)
    words = _alt(M.PARTY_CHARTER_WORDS)
    return re.compile(rf"(?<![\w])(?:(?:{poss})['’]s?[ \t]{{1,2}}(?:(?P<year>(?:19|20)\d\d)[ \t]{{1,2}})?"
                      rf"(?:{words})|{names})(?![\w])")


def has_charter(text: str) -> bool:
    return _charter_re().search(text) is not None


def name_charters(sent: Sentence, si: int, ms: list[Mention]) -> list[Mention]:
    """The sentence's mentions with each naming of the Party's Charter added (see the module's
    docstring)."""
    found = [(m.start(), m.end(), "unclassified", KEY) for m in _charter_re().finditer(sent.text)]
    if not found:
        return ms
    years = {m.start(): m.group("year") for m in _charter_re().finditer(sent.text)}
    out = place_named(sent, si, ms, found, keep_anaphor=True)
    for x in out:
        y = years.get(x.start - sent.start)
        if x.name_key == KEY and y and not x.date:
            x.date = y
    return out
