"""Whether a cue of the data can relate documents where it stands: its reading (kind, voice,
mood) from the cue table, and the places where it says nothing about what relates to what (what
a review sums up, an active cue after a passive auxiliary, a body named by its task). Shared by
the sentence-following rules (:mod:`.relations`) and the generic fallback (:mod:`.fallback`)."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_cues_int as W
from partykg.ingest import extract_lang as L
from partykg.ingest.extract_cues import PASSIVE_AUX, PURPOSE_OPENERS, TASK_BODY_HEADS
from partykg.ingest.extract.patterns import Patterns, _alt


def cue_reading(text: str, cue: re.Match, P: Patterns) -> tuple[str, str, str] | None:
    """(kind, voice, mood) of a cue that can relate documents here, or None: a cue of the data
    (CUE_PHRASES), not what a review sums up ("summarizing the implementation of X"), not an
    active cue after a passive auxiliary ("Được bổ sung X": amended by X, not "… amends X"),
    not a body's name ("Ban Chỉ đạo thực hiện X")."""
    phrase = re.sub(r"\s+", " ", cue.group(0).lower())
    info = P.cue_info.get(phrase) or _cue_lookup(P, phrase)
    if info is None:
        return None
    kind, voice, _mood = info
    if kind in ("implements", "continues", "guides") and reviewed(text, cue.start(), P):
        return None
    if voice == "active" and _after_passive_aux(text, cue.start(), P.lang):
        return None
    if _names_task_body(text, cue, P):
        return None
    return info


@lru_cache(maxsize=8)
def _task_head_re(lang: str) -> re.Pattern | None:
    heads = TASK_BODY_HEADS.get(lang)
    return re.compile(rf"(?<![\w])(?:{_alt(heads)})[ \t]{{1,2}}$") if heads else None


def _names_task_body(text: str, cue: re.Match, P: Patterns) -> bool:
    """A cue right after the head of a body named by its task ("Ban Chỉ đạo thực hiện X"), not
    a purpose ("Ban Chỉ đạo để thực hiện X")."""
    rx = _task_head_re(P.lang)
    if rx is None or not rx.search(text, max(0, cue.start() - 30), cue.start()):
        return False
    first = cue.group(0).split()[0].lower() if cue.group(0).split() else ""
    return first not in PURPOSE_OPENERS.get(P.lang, ())


@lru_cache(maxsize=8)
def _review_re(P: Patterns) -> re.Pattern:
    def alt(words):
        return _alt(words).replace(re.escape("{n}"), r"\d{1,3}")
    fill = alt(L.REVIEW_FILLER[P.lang])
    before = alt(L.REVIEW_BEFORE[P.lang] + L.DETAIL_BEFORE[P.lang]
                 + W.REVIEW_BEFORE_MORE.get(P.lang, ()))
    return re.compile(rf"(?<![\w])(?:{before})(?:[ \t]{{1,2}}(?:{fill})){{0,2}}"
                      r"[ \t]{1,2}$", re.IGNORECASE)


def reviewed(text: str, cue_start: int, P: Patterns) -> bool:
    """An implements or continues cue that names what is reviewed ("sơ kết việc thực hiện X",
    "reviewing the implementation of X") or detailed ("quy định chi tiết thi hành X"): it says
    nothing about what implements X."""
    return bool(_review_re(P).search(text[max(0, cue_start - 60):cue_start]))


@lru_cache(maxsize=8)
def _passive_aux_re(lang: str) -> re.Pattern | None:
    words = PASSIVE_AUX.get(lang)
    return re.compile(rf"(?<![\w])(?:{_alt(words)})[ \t]{{1,2}}$", re.IGNORECASE) if words else None


def _after_passive_aux(text: str, cue_start: int, lang: str) -> bool:
    rx = _passive_aux_re(lang)
    return bool(rx and rx.search(text[max(0, cue_start - 12):cue_start]))


def _cue_lookup(P: Patterns, phrase: str) -> tuple[str, str, str] | None:
    phrase = phrase.replace("’", "'")  # (the cue table's apostrophe)
    for p, info in P.cue_info.items():
        hole = next((h for h in ("{gap}", "{adv}", "{list}", "{nouns}", "{vadv}") if h in p), None)
        if hole:
            a, b = p.split(hole)
            if phrase.startswith(a) and phrase.endswith(b.strip()):
                return info
    return None
