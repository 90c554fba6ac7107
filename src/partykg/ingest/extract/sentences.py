"""Language detection and sentence splitting."""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import ExtractError, MAX_SENTENCE, Sentence


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str) -> str:
    """en, vi, fr or id from stop-word counts (offline). ExtractError when unclear."""
    words = _WORD.findall(text[:200_000].lower())
    scores = {lang: sum(1 for w in words if w in L.STOPWORDS[lang]) for lang in L.LANGS}
    # Vietnamese stop words are syllables that also occur in the multi-word entries; count the
    # letters only Vietnamese uses as extra evidence.
    scores["vi"] += len(re.findall(r"[ơưăđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
                                   text[:200_000].lower())) // 4
    best = max(scores, key=lambda k: scores[k])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 2 or ranked[0] < 2 * ranked[1]:
        raise ExtractError("cannot tell the article's language (en, vi, fr or id); "
                           "pass --lang")
    return best


_SPLIT = re.compile(r"[.!?…][\"”»’')\]]{0,2}[ \t]+(?=[\"“«(\[]?[A-ZÀ-ỸĐ0-9])")
_LAST_TOKEN = re.compile(r"([^\W\d_]{1,6}(?:\.[^\W\d_]{1,3})?)\.?[\"”»’')\]]{0,2}$")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with absolute offsets: lines, then sentence ends inside lines (not after
    abbreviations such as 'No.'). Very long stretches are cut every MAX_SENTENCE characters."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        lstart = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cuts = [0]
        for m in _SPLIT.finditer(line):
            before = line[max(0, m.start() - 12):m.start() + 1]
            tok = _LAST_TOKEN.search(before)
            word = tok.group(1).lower() if tok else ""
            if word in L.ABBREVIATIONS_WITH_PERIOD or (len(word) == 1 and word.isalpha()):
                continue
            cuts.append(m.end())
        cuts.append(len(line))
        for a, b in zip(cuts, cuts[1:]):
            while b - a > MAX_SENTENCE:
                cut = line.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
                cut = cut if cut > a else a + MAX_SENTENCE
                _add_sentence(out, line, lstart, a, cut)
                a = cut
            _add_sentence(out, line, lstart, a, b)
    return out


def _add_sentence(out: list[Sentence], line: str, lstart: int, a: int, b: int) -> None:
    seg = line[a:b]
    stripped = seg.strip()
    if not stripped:
        return
    lead = len(seg) - len(seg.lstrip())
    s = lstart + a + lead
    out.append(Sentence(s, s + len(stripped), stripped))
