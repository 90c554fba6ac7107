"""Names the graph lacks, told by what follows some words of a name (a "words of a name" mention):

- a capitalised word that no name of the graph holds, right before or after the words (or after
  "of" / "de" / "du" ("Komite Partai Kementerian Pertahanan", "Đảng ủy Bộ Y tế", "Komite Partai
  Kota Hanoi", "le Comité du Parti du ministère de la Défense"): a longer name, of a body the
  graph lacks;
- a number where the candidates' names have another ("Kongres Nasional Partai ke-15", "Hội nghị
  Ngoại giao lần thứ 29", "Comité directeur central n° 36"): another one of them, not in the
  graph.

Nothing matches such a mention: its candidates become the nearest names (exit 1), as for
:func:`partykg.ask.names._incomplete_names`. Nothing here names an entity or a language's word:
the words come from the graph's names and ``cues.json``.
"""

from __future__ import annotations

from partykg.ask import lexicon
from partykg.ask.names import _TOKEN, name_heads, name_index
from partykg.ask.resolve import describe

_OF_WORDS = frozenset(("of", "the", "de", "du", "des", "la", "l", "d", "cua"))


def lacking_names(kg, question: str, folded: str, pos: list, mentions: list) -> None:
    todo = [m for m in mentions if m.kind == "entity" and m.how == "words of a name" and m.candidates]
    if not todo:
        return
    name_index(kg)  # the names' words (read once)
    heads = name_heads(kg)
    function = set(lexicon.cues()["stopwords"]) | set().union(*lexicon.language_words().values())
    phrases = lexicon.cue_phrases()
    neutral = tuple(lexicon.cues()["neutral_qualifiers"])
    types = {w for k in lexicon.type_words(kg) for w in k.split()}
    toks = list(_TOKEN.finditer(folded))
    stop = set(lexicon.cues()["stopwords"])
    small = [question[pos[t.start()]].isupper() for t in toks[1:] if t.group() in stop]
    if len(small) >= 2 and sum(small) > len(small) / 2:
        return  # A Question Written In Title Case ("Was", "The", "In"): capitals tell nothing
    for m in todo:
        words = {w for c in m.candidates for n in heads.get(c, []) for w in n}
        after = [t for t in toks if t.start() >= m.end][:4]
        # (words matching several names, after capitalised words: _unknown_qualifier's)
        start = None if len(m.candidates) > 1 else _lacking_start(
            kg, question, folded, pos, mentions, m, toks, function, phrases, types)
        if start is not None:
            _lacks(kg, question, pos, m, start, m.end)
            continue
        if not after or taken_by(mentions, m, after[0]):
            continue
        if folded[m.end:after[0].start()].strip(" -") or _stop_between(question, pos, m.end, after[0]):
            continue  # not right after the words
        if folded[after[0].start():].startswith(neutral):
            continue  # "... of Vietnam": the country qualifies every name
        end = _lacking_end(kg, question, folded, pos, mentions, m, after, words, function, phrases,
                           types)
        if end is None:
            continue
        for t in (t for t in toks if t.start() >= end):  # capitalised words go on ("Kota Hanoi")
            if folded[end:t.start()].strip() or taken_by(mentions, m, t) \
                    or not question[pos[t.start()]].isupper() or t.group() in function:
                break
            end = t.end()
        _lacks(kg, question, pos, m, m.start, end)


def _lacks(kg, question: str, pos: list, m, start: int, end: int) -> None:
    """``m`` (now from ``start`` to ``end``) names something the graph lacks: its candidates
    become the nearest names; it is shaped as most of them are (as all of them, on a tie)."""
    m.suggestions, m.candidates = m.candidates, []
    kinds = [describe(kg, c)["kind"] for c in m.suggestions]
    top = [k for k in sorted(set(kinds)) if kinds.count(k) == max(map(kinds.count, kinds))]
    m.shape = top[0] if len(top) == 1 else None
    m.start, m.end, m.how = start, end, "start of a name"
    m.text = question[pos[m.start]:pos[m.end - 1] + 1]


def _stop_between(question: str, pos: list, end: int, t) -> bool:
    """Whether the question has a full stop, comma, colon or question mark between ``end`` (a
    folded offset) and token ``t``: the next sentence or clause, not the same name."""
    return any(ch in ".,;:?!" for ch in question[pos[end - 1] + 1:pos[t.start()]])


def _lacking_start(kg, question, folded, pos, mentions, m, toks, function, phrases,
                   types) -> int | None:
    """Where a name the graph lacks starts, when capitalised words no name of the graph holds
    stand right before the words ("Pham Van Hoa": "Van Hoa" of "Văn hóa"), or None. The question's first word is no sign (it is capitalised as the first)."""
    index = name_index(kg)  # a word no name of the graph has
    start = None
    for k in range(len(toks) - 1, 0, -1):
        t = toks[k]
        if t.end() > (start if start is not None else m.start):
            continue
        w = t.group()
        if folded[t.end():start if start is not None else m.start].strip() \
                or any(ch in ".,;:?!" for ch in question[pos[t.end() - 1] + 1:
                                                          pos[start if start is not None else m.start]]) \
                or taken_by(mentions, m, t) or not question[pos[t.start()]].isupper() \
                or w in index or w in function or w in types or w in phrases or w.isdigit():
            break
        start = t.start()
    if start is not None and any(x is not m and x.end <= start and not folded[x.end:start].strip()
                                 for x in mentions):
        return None  # the words go on from another name ("Ho Chi Minh City"): that name's
    return start


def taken_by(mentions: list, m, t) -> bool:
    """Whether token ``t`` is in a mention other than ``m``."""
    return any(x is not m and x.start < t.end() and t.start() < x.end for x in mentions)


def _lacking_end(kg, question, folded, pos, mentions, m, after, words, function, phrases,
                 types) -> int | None:
    """Where the name the graph lacks ends, or None when what follows fits the candidates."""
    def taken(t) -> bool:
        return taken_by(mentions, m, t)

    index = name_index(kg)  # a word no name of the graph has ("Pertahanan", not "Congress")
    numbers_words = set(lexicon.cues()["number_words"])  # "No. 32", "n° 36"
    skipped = 0
    for t in after:
        w = t.group()
        if taken(t) or w in phrases:
            return None
        if any(ch.isdigit() for ch in w):
            num = "".join(ch for ch in w if ch.isdigit())
            if len(num) == 4 and num[:2] in ("19", "20"):
                return None  # a year, not a number of the name
            numbers = {"".join(ch for ch in x if ch.isdigit()) for x in words} - {""}
            return t.end() if numbers and num not in numbers else None
        if question[pos[t.start()]].isupper() and w not in index and w not in types \
                and (w not in function or not _stop_between(question, pos, m.end, t)):
            return t.end()  # (a capitalised "Tài" in "Bộ Tài chính" is no function word)
        if skipped >= 2 or not (w in function or w in words or w in _OF_WORDS or w in numbers_words):
            return None
        skipped += 1
    return None
