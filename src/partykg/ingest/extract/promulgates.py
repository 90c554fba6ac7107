"""A document that promulgates (approves, is "on") a programme or plan implementing another:
"Resolution No. NN/NQ-CP promulgating the Government's Program of Action to implement Resolution
No. NN-NQ/TW", "Nghị quyết số NN/NQ-CP Ban hành Chương trình hành động … thực hiện Kết luận số …",
"la Résolution NN/NQ-CP sur le Programme d'action … pour mettre en œuvre …", "Keputusan Nomor … ,
yang menyetujui Program … untuk melaksanakan …", and the apposition "Resolution No. NN/NQ-CP …,
the Government's Action Program to implement …"; and a title block "THE GOVERNMENT'S ACTION
PLAN" / "On implementation of Y …" / "(Attached to Resolution No. …)". The numbered document is
the one that implements; the unnamed programme inside it is not a document of its own (a
relation found from it to the same object is dropped). Not so when the programme is named as a
document of its own with the documents it was issued in in a bracket after its object
("Chương trình hành động … thực hiện Nghị quyết số NN-NQ/TW (được ban hành tại Nghị quyết số
NN/NQ-CP …)"): the programme implements, the documents promulgate it (the lead's ruling of the
ninth round: the plan or programme a document issues is what implements).

The structure is generic: the words are per-language data (``PROMULGATES`` and ``PROMULGATED_IN`` in
:mod:`partykg.ingest.extract_lang`, the programme and plan labels of the SKOS scheme
``ontology/doctypes.ttl``, the implements cues); no document, body or article is named.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.drawnup import drawing_re
from partykg.ingest.extract_lang_le import ATTACHING_TYPES
from partykg.ingest.extract.codes import normal_code
from partykg.ingest.extract.data import Mention, Relation, Sentence
from partykg.ingest.extract.followbase import _lang
from partykg.ingest.extract.mentions import _is_filler
from partykg.ingest.extract.patterns import Patterns, _alt
from partykg.ingest.extract.relations import _cue_lookup, reviewed

CONTENT_TYPES = ("programme", "plan")  # the kinds of document another one promulgates
MAX_GAP = 170  # from the promulgating document to the cue
MAX_TAIL = 70  # from the programme's type word to the cue


@lru_cache(maxsize=8)
def _promulgate_re(lang: str) -> re.Pattern:
    return re.compile(rf"(?<![\w])(?:{_alt(L.PROMULGATES[lang])})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=8)
def _promulgated_in_re(lang: str) -> re.Pattern:
    return re.compile(rf"[ \t]{{0,2}}\([ \t]{{0,2}}(?:{_alt(L.PROMULGATED_IN[lang])})(?![\w])[ \t]{{0,2}}",
                      re.IGNORECASE)


def _object_after(cue_end: int, sent: Sentence, idx: list[int], mentions: list[Mention]):
    base = sent.start
    for j in idx:
        m = mentions[j]
        if m.start - base >= cue_end:
            gap = sent.text[cue_end:m.start - base]
            if (m.strong or _named(mentions, j)) and m.list_head is None and _is_filler(gap):
                return j
            return None
    return None


def _content_word(gap: str, P: Patterns) -> re.Match | None:
    for tm in P.type_re.finditer(gap):
        if P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower())) in CONTENT_TYPES:
            return tm
    return None


def promulgated(sentences: list[Sentence], by_sent: dict[int, list[int]],
                mentions: list[Mention], relations: list[Relation], P: Patterns, add) -> None:
    """Add "D implements Y" for every "D promulgating <programme> … <implements cue> Y" and drop
    the relation from the unnamed programme to Y."""
    prom = _promulgate_re(P.lang)
    drop: set[tuple[int, int]] = set()
    named: set[tuple[str, str]] = set()  # (programme name, object) promulgated by a document
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        text = sent.text
        base = sent.start
        for cue in P.cue_re.finditer(text):
            phrase = re.sub(r"\s+", " ", cue.group(0).lower())
            info = P.cue_info.get(phrase) or _cue_lookup(P, phrase)
            if info is None or info[0] != "implements" or info[1] != "active" or \
                    reviewed(text, cue.start(), P):
                continue
            y = _object_after(cue.end(), sent, idx, mentions)
            if y is None:
                continue
            # (or a reference to a numbered document: "Ban hành kèm theo Nghị quyết này
            # Chương trình hành động … thực hiện …")
            before = [j for j in idx if (mentions[j].strong or _refers_to_numbered(mentions, j))
                      and mentions[j].list_head is None
                      and max(mentions[j].tail_end, mentions[j].end) - base <= cue.start()]
            # (or one whose own subject runs over the cue, when that subject opens with a
            # promulgating word: "Nghị quyết NN/NQ-CP về Chương trình hành động … thực hiện Y")
            own = [j for j in idx if mentions[j].strong and mentions[j].list_head is None
                   and mentions[j].end - base <= cue.start() < mentions[j].tail_end - base
                   and prom.match(text, len(text[:mentions[j].end - base])
                                  + _lead_len(text[mentions[j].end - base:]))]
            if own and (not before or mentions[own[-1]].start > mentions[before[-1]].start):
                before = before + [own[-1]]
            if not before:
                continue
            d = before[-1]
            D = mentions[d]
            if _named_one(mentions, d).type in ATTACHING_TYPES:
                continue  # "Ban hành kèm theo Quyết định này Kế hoạch …": the plan's own relation
            if _target_key(_named_one(mentions, d)) == _target_key(mentions[y]):
                continue  # "Resolution NN on X and the Programme to implement Resolution NN"
            gap = text[D.end - base:cue.start()]
            if len(gap) > MAX_GAP or re.search(r"[;()\[\]]", gap):
                continue
            tm = _content_word(gap, P)
            if tm is None or len(gap) - tm.end() > MAX_TAIL or "," in gap[tm.end():]:
                continue
            lead = gap[:tm.start()]
            if drawing_re(P) is not None and drawing_re(P).search(lead):
                continue  # "Dispatch NN on developing an Action Plan to implement …": the plan
                # is still to be drawn up (by others): the document promulgates none
            tail = max(D.tail_end - D.end, 0)  # the document's own phrase: date, issuer
            pm = next((m for m in prom.finditer(lead)
                       if re.fullmatch(r"[ \t]{0,3},?[ \t]{0,3}", lead[:m.start()])
                       or m.start() <= tail + 1), None)
            if pm is not None:
                # nothing between the promulgating word and the programme is another clause
                if P.issue_verb_re.search(lead[pm.end():] + " ") or len(lead) - pm.end() > 60:
                    continue
                if _lang(P).plan.search(lead):
                    continue  # "Công văn số NN về việc xây dựng Chương trình …": still to be drafted
            elif not re.fullmatch(r"[ \t]{0,2},[ \t]{1,2}(?:[\w’']{1,20}[ \t]{1,2}){0,3}",
                                  lead[tail:] if tail < len(lead) else lead) and not (
                    tm.group(0)[:1].isupper() and tail == 0
                    and re.fullmatch(r"[ \t]{1,2}(?:[A-ZÀ-ỸĐ][\w’']{0,20}[ \t]{1,2}){0,2}", lead)):
                # the apposition ", the Government's Action Program", or the title right
                # after the number ("Resolution NN/NQ-CP The Action Programme of …")
                continue
            add("guides" if D.type == "guidance" else "implements", d, y, si, cue.group(0))
            hi = base + cue.start()
            for j in idx:
                if not mentions[j].strong and D.end <= mentions[j].start < hi:
                    drop.add((j, y))
                    named.add((_name(mentions[j]), _target_key(mentions[y])))
    # a title block "THE GOVERNMENT'S ACTION PLAN" / "On implementation of Y …" / "(Attached to
    # D …)": D implements Y. (A programme named in the sentence with its issuing documents in a
    # bracket after its object, "(được ban hành tại D1 và D2)", keeps its relation: D1 and D2
    # promulgate it, no relation of the scored kinds.)
    inside = _promulgated_in_re(P.lang)
    for kind, _none, target, cue_text in _title_blocks(sentences, by_sent, mentions, P):
        Y = mentions[target]
        sent = sentences[Y.sentence]
        base = sent.start
        im = inside.match(sent.text, max(Y.tail_end, Y.end) - base)
        if im is None:
            continue
        close = sent.text.find(")", im.end())
        if close < 0:
            continue
        found = [j for j in by_sent.get(Y.sentence, []) if mentions[j].strong
                 and mentions[j].list_head is None
                 and im.end() <= mentions[j].start - base < close]
        if not found or not _is_filler(sent.text[im.end():mentions[found[0]].start - base]):
            continue
        for j in found:
            add(kind, j, target, Y.sentence, cue_text)
    # the same programme named elsewhere (a page title repeating it): not a document of its own
    for r in relations:
        src = mentions[r.source]
        if not src.strong and src.type in CONTENT_TYPES and \
                (_name(src), _target_key(mentions[r.target])) in named:
            drop.add((r.source, r.target))
    if drop:
        relations[:] = [r for r in relations if (r.source, r.target) not in drop]


def _named(mentions: list[Mention], j: int) -> bool:
    """An unnumbered document named, not referred back to ("Nghị quyết Đại hội …"), or a
    reference to a numbered one."""
    m = mentions[j]
    return (not m.anaphor and not m.plural and m.type is not None) or _refers_to_numbered(
        mentions, j)


def _refers_to_numbered(mentions: list[Mention], j: int) -> bool:
    m = mentions[j]
    return m.anaphor and m.antecedent is not None and mentions[m.antecedent].strong


def _title_blocks(sentences, by_sent, mentions: list[Mention], P: Patterns):
    """(kind, None, Y, cue) for a line opening with an implements cue under an upper-case title
    line naming a programme or plan ("THE GOVERNMENT'S ACTION PLAN" / "On implementation of
    Y …"): the titled programme implements Y; the bracket after it says which document that is."""
    out = []
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        text = sent.text
        cue = P.cue_re.match(text)
        if cue is None or si == 0:
            continue
        info = _cue_info(P, cue)
        if info is None or info[0] != "implements" or info[1] != "active":
            continue
        prev = sentences[si - 1].text
        letters = [c for c in prev if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters) or \
                _content_word(prev, P) is None:
            continue
        y = _object_after(cue.end(), sent, idx, mentions)
        if y is not None:
            out.append((info[0], None, y, cue.group(0)))
    return out


def _cue_info(P: Patterns, cue: re.Match):
    phrase = re.sub(r"\s+", " ", cue.group(0).lower())
    return P.cue_info.get(phrase) or _cue_lookup(P, phrase)


def _named_one(mentions: list[Mention], j: int) -> Mention:
    """The mention itself, or the numbered one a back-reference ("Nghị quyết này") stands for."""
    return mentions[mentions[j].antecedent] if _refers_to_numbered(mentions, j) else mentions[j]


def _name(m: Mention) -> str:
    return re.sub(r"\s+", " ", m.text).strip().lower()


def _target_key(m: Mention) -> str:
    return normal_code(m.code).replace(" ", "").upper() if m.code else f"{m.type}:{m.number_key}"



def _lead_len(after: str) -> int:
    """The spaces and comma between a document and the word after it."""
    return len(after) - len(after.lstrip(" \t,"))


__all__ = ["promulgated"]
