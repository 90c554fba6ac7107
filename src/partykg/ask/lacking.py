"""Names the graph lacks, told by what follows some words of a name (a "words of a name" mention):

- a capitalised word that none of the candidates' names holds, right after the words or after
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
    toks = list(_TOKEN.finditer(folded))
    caps = [t for t in toks if question[pos[t.start()]].isupper()]
    if len(toks) >= 4 and len(caps) > 0.6 * len(toks):
        return  # A Question Written In Title Case: capitals tell nothing
    for m in todo:
        words = {w for c in m.candidates for n in heads.get(c, []) for w in n}
        after = [t for t in toks if t.start() >= m.end][:4]
        if not after or taken_by(mentions, m, after[0]):
            continue
        if folded[m.end:after[0].start()].strip(" -"):
            continue  # not right after the words
        if folded[after[0].start():].startswith(neutral):
            continue  # "... of Vietnam": the country qualifies every name
        end = _lacking_end(question, folded, pos, mentions, m, after, words, function, phrases)
        if end is None:
            continue
        for t in (t for t in toks if t.start() >= end):  # capitalised words go on ("Kota Hanoi")
            if folded[end:t.start()].strip() or taken_by(mentions, m, t) \
                    or not question[pos[t.start()]].isupper() or t.group() in function:
                break
            end = t.end()
        m.suggestions, m.candidates = m.candidates, []
        kinds = [describe(kg, c)["kind"] for c in m.suggestions]
        m.shape = max(set(kinds), key=kinds.count)
        m.end, m.how = end, "start of a name"
        m.text = question[pos[m.start]:pos[m.end - 1] + 1]


def taken_by(mentions: list, m, t) -> bool:
    """Whether token ``t`` is in a mention other than ``m``."""
    return any(x is not m and x.start < t.end() and t.start() < x.end for x in mentions)


def _lacking_end(question, folded, pos, mentions, m, after, words, function, phrases) -> int | None:
    """Where the name the graph lacks ends, or None when what follows fits the candidates."""
    def taken(t) -> bool:
        return taken_by(mentions, m, t)

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
        if question[pos[t.start()]].isupper() and w not in words and w not in function:
            return t.end()
        if skipped >= 2 or not (w in function or w in words or w in _OF_WORDS):
            return None
        skipped += 1
    return None
