"""Programmes named by their title, without a number: "Chương trình phát triển công tác xã hội
giai đoạn 2021 - 2030", "CHƯƠNG TRÌNH PHÁT TRIỂN CÔNG TÁC XÃ HỘI TRÊN ĐỊA BÀN …", "Kế hoạch thực
hiện Chương trình phát triển công tác xã hội trên địa bàn tỉnh …" (a national programme, which a
decision issued, implemented by a provincial plan).

One job: in a sentence, find such titles after the bare type word, name the mention (type word
through the title) and key it by its title, so that every reference to the same programme in the
article, in any case, is one document. A title ends at punctuation, a number, a relation cue, the
next type word or a stop word (``PROGRAMME_TITLE_STOPS``); it has at least
``PROGRAMME_TITLE_MIN_WORDS`` words, the first not one of ``PROGRAMME_TITLE_NOT`` (a work
programme, "chương trình này"), not after a subject preposition ("Nghị quyết số NN về Chương trình
phục hồi …": the subject of the document before), a plural or a count. As for any unnumbered document, it is kept only when it takes
part in a relation. The words are per-language data in :mod:`partykg.ingest.extract_lang_le`; no
document, body or article is named here.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest import extract_lang_le as LE
from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.lowerlabel import counted
from partykg.ingest.extract.named import _about_before, place_named
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns
from partykg.model.ids import fold

_WORD = re.compile(r"[ \t]{1,2}([^\W\d_][\w-]{0,24})")
_MAX_WORDS = 14


@per_patterns
def _res(P: Patterns) -> dict[str, re.Pattern] | None:
    if not LE.PROGRAMME_TITLE_STOPS.get(P.lang):
        return None
    return {
        "stop": re.compile(rf"[ \t]{{1,2}}(?:{_alt(LE.PROGRAMME_TITLE_STOPS[P.lang])})(?![\w])",
                           re.IGNORECASE),
        "number": re.compile(rf"[ \t]{{1,2}}(?:{_alt(L.NUMBER_MARKERS[P.lang])})[ \t]{{0,2}}:?[ \t]{{0,2}}\d",
                             re.IGNORECASE),
        "not": re.compile(rf"[ \t]{{1,2}}(?:{_alt(LE.PROGRAMME_TITLE_NOT[P.lang])})(?![\w])",
                          re.IGNORECASE),
    }


@per_patterns
def _bare_words(P: Patterns) -> frozenset[str]:
    """The scheme's preferred labels of the named types in this language ("chương trình"): the
    bare type word a title follows (not "chương trình hành động", a name of its own)."""
    from partykg.ingest.extract.typewords import type_label

    got = frozenset(type_label(k, P.lang).lower() for k in LE.NAMED_PROGRAMME_TYPES)
    return got


def _title_end(text: str, pos: int, P: Patterns, R: dict) -> int:
    end = pos
    for _ in range(_MAX_WORDS):
        if R["stop"].match(text, end) or R["number"].match(text, end) or \
                P.type_re.match(text, end + 1) or \
                (text[end:end + 1] in " \t" and P.cue_re.match(text, end + 1)):
            break
        wm = _WORD.match(text, end)
        if not wm:
            break
        end = wm.end()
    return end


def name_programmes(sent: Sentence, si: int, ms: list[Mention], P: Patterns) -> list[Mention]:
    """The sentence's mentions with the programmes named by title keyed (module docstring)."""
    R = _res(P)
    if R is None:
        return ms
    bare = _bare_words(P)
    text = sent.text
    found: list[tuple[int, int, str, tuple]] = []
    for tm in P.type_re.finditer(text):
        word = re.sub(r"\s+", " ", tm.group(0).lower())
        if word not in bare or R["not"].match(text, tm.end()):
            continue
        before = text[max(0, tm.start() - 12):tm.start()]
        if _about_before(text[max(0, tm.start() - 20):tm.start()], P.lang):
            continue  # "Nghị quyết số NN về Chương trình phục hồi …": that document's subject
        if counted(before, P.lang) or (P.plural_before_re and P.plural_before_re.search(before)):
            continue  # "4 chương trình phát triển …", "các chương trình …": several
        end = _title_end(text, tm.end(), P, R)
        title = text[tm.end():end]
        words = re.findall(r"\w+", title)
        if len(words) < LE.PROGRAMME_TITLE_MIN_WORDS:
            continue
        if not (title.strip()[:1].islower() or (tm.group(0).isupper() and title.isupper())):
            continue  # (a capitalised word after the type word: a body's or a place's name)
        tkey = P.type_words.get(word)
        key = " ".join(fold(w).lower() for w in words)
        found.append((tm.start(), end, tkey, (tkey, "title", key)))
    return place_named(sent, si, ms, found) if found else ms


__all__ = ["name_programmes"]
