"""Candidate pairs of an article's document mentions and their generic features (learned
relation scorer, helper xlearn9).

A candidate is two usable mentions (numbered, or a back-reference with its antecedent, or named
by title or congress) of one sentence, not of one list nor surely one document, or the page's
own document (its header) and a usable mention of a body sentence that holds a relation cue.
Its features name no document, body or article: the words between and around the two mentions
(accents kept and removed, digits folded), the cue categories of the cue data
(:func:`..cueread.cue_reading`: kind, voice, mood) between, before and after, their order,
distance, the types of both ends, whether one is the header, plan and draft words, the language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from partykg.ingest import extract_cues as C
from partykg.ingest import extract_lang as L
from partykg.ingest.extract.cueread import cue_reading
from partykg.ingest.extract.data import Mention, Sentence, by_sentence
from partykg.ingest.extract.patterns import Patterns, _alt
from partykg.model.ids import fold

MAX_GAP = 300  # characters between the two mentions of a candidate
MAX_HEADER_PAIRS = 200  # header candidates per article (the first ones)
# (bounds that keep the work linear on pathological text; the development sets' largest are 6
# partners of one mention and 34 pairs in one sentence)
MAX_PARTNERS = 12  # later mentions paired with one mention
MAX_SENTENCE_PAIRS = 200  # pairs per sentence (the first ones)
WINDOW = 3  # words around each mention


@dataclass
class Candidate:
    a: int  # mention indexes: a before b in the text (a is the header for a header pair)
    b: int
    sentence: int  # b's sentence
    header: bool
    plan: bool  # a plan or draft word, or a future/purpose cue, in the clause
    features: list[str]
    cue: str = ""  # the first relation cue between the two, as written


def usable(m: Mention) -> bool:
    return m.strong or m.antecedent is not None or m.name_key is not None


def _same_doc(x: Mention, y: Mention) -> bool:
    if x.code and y.code and re.sub(r"\W", "", x.code).lower() == re.sub(r"\W", "", y.code).lower():
        return True
    return bool(x.number and y.number and x.type == y.type and x.number_key == y.number_key
                and not (x.code and y.code))


_WORD = re.compile(r"\w+")


def words(s: str) -> list[str]:
    return [re.sub(r"\d+", "0", w) for w in _WORD.findall(s.lower())]


@lru_cache(maxsize=8)
def _plan_re(lang: str) -> re.Pattern | None:
    ws = tuple(L.PLAN_BEFORE.get(lang, ())) + tuple(C.DRAFT_WORDS.get(lang, ()))
    return re.compile(rf"(?<![\w])(?:{_alt(ws)})(?![\w])", re.IGNORECASE) if ws else None


def _cues(text: str, P: Patterns) -> list[tuple[int, int, tuple[str, str, str]]]:
    out = []
    for c in P.cue_re.finditer(text):
        info = cue_reading(text, c, P)
        if info is not None:
            out.append((c.start(), c.end(), info))
    return out


def candidates(text: str, sentences: list[Sentence], mentions: list[Mention],
               header: int | None, P: Patterns) -> list[Candidate]:
    """Every candidate pair of the article, in text order, with its features."""
    return _candidates(sentences, mentions, header, P)


def _candidates(sentences: list[Sentence], mentions: list[Mention], header: int | None,
                P: Patterns) -> list[Candidate]:
    out: list[Candidate] = []
    nh = 0
    for si, idx in sorted(by_sentence(mentions).items()):
        sent = sentences[si]
        use = [i for i in idx if usable(mentions[i])]
        cues = _cues(sent.text, P) if use else []
        npairs = 0
        for x, a in enumerate(use):
            A = mentions[a]
            if npairs >= MAX_SENTENCE_PAIRS:
                break
            for y in range(x + 1, min(len(use), x + 1 + MAX_PARTNERS)):
                b = use[y]
                B = mentions[b]
                if B.start - A.end > MAX_GAP or npairs >= MAX_SENTENCE_PAIRS:
                    break
                if B.start < A.end or _same_doc(A, B):
                    continue
                if B.list_head is not None and (B.list_head == a or B.list_head == A.list_head):
                    continue
                between = sum(1 for i in idx if A.end <= mentions[i].start and mentions[i].end <= B.start)
                out.append(_pair(a, b, A, B, sent, si, cues, between, False, P))
                npairs += 1
        if header is not None and cues and nh < MAX_HEADER_PAIRS and mentions[header].sentence != si:
            H = mentions[header]
            for b in use:
                B = mentions[b]
                if nh >= MAX_HEADER_PAIRS:
                    break
                if _same_doc(H, B) or B.antecedent == header:
                    continue
                nh += 1
                before = sum(1 for i in idx if mentions[i].end <= B.start)
                out.append(_pair(header, b, H, B, sent, si, cues, before, True, P))
    return out


def _bucket(n: int, edges=(0, 2, 5, 10, 20, 40, 80)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return "more"


def _pair(a: int, b: int, A: Mention, B: Mention, sent: Sentence, si: int,
          cues: list, between: int, header: bool, P: Patterns) -> Candidate:
    text, base = sent.text, sent.start
    bs = B.start - base
    as_ = 0 if header else A.start - base
    ae = 0 if header else max(A.end, A.tail_end if A.tail_end <= B.start else A.end) - base
    ae = min(ae, bs)
    be = max(B.end, B.tail_end) - base
    gap = text[ae:bs]
    gw = words(gap)
    f: list[str] = ["bias", f"lang={P.lang}", f"hdr={header}", f"ta={A.type}", f"tb={B.type}",
                    f"tab={A.type}|{B.type}", f"nb={_bucket(between, (0, 1, 2))}",
                    f"dist={_bucket(len(gw))}"]
    for tag, m in (("a", A), ("b", B)):
        if m.anaphor:
            f.append(f"{tag}:anaphor")
        if not m.strong:
            f.append(f"{tag}:weak")
        if m.new:
            f.append(f"{tag}:new")
        if m.code:
            f.append(f"{tag}:code")
    seen = set()
    for w in gw:
        for k in (f"g:{w}", f"gf:{fold(w)}"):
            if k not in seen:
                seen.add(k)
                f.append(k)
    for w1, w2 in zip(gw, gw[1:]):
        k = f"g2:{fold(w1)}_{fold(w2)}"
        if k not in seen:
            seen.add(k)
            f.append(k)
    for n, w in enumerate(gw[:WINDOW]):
        f.append(f"a+{n}:{fold(w)}")
    for n, w in enumerate(reversed(gw[-WINDOW:])):
        f.append(f"b-{n}:{fold(w)}")
    pre = words(text[max(0, as_ - 80):as_])[-WINDOW:] if not header else []
    for n, w in enumerate(reversed(pre)):
        f.append(f"a-{n}:{fold(w)}")
    post = words(text[be:be + 80])[:WINDOW]
    for n, w in enumerate(post):
        f.append(f"b+{n}:{fold(w)}")
    plan = False
    cue = ""
    for cs, ce, (kind, voice, mood) in cues:
        where = "in" if cs >= ae and ce <= bs else "pre" if ce <= as_ else "post" if cs >= be else "over"
        f.append(f"cue:{where}:{kind}:{voice}")
        f.append(f"cue:{where}:{kind}:{voice}:{mood}")
        if where == "in":
            cue = cue or text[cs:ce]
            f.append(f"cuek:{kind}:{voice}:{A.type}|{B.type}")
        if mood in ("future", "purpose") and where in ("in", "pre"):
            plan = True
    rx = _plan_re(P.lang)
    if rx is not None and rx.search(text, 0, bs):
        plan = True
    if plan:
        f.append("plan")
    return Candidate(a, b, si, header, plan, f, cue)
