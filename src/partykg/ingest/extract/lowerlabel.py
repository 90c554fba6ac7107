"""A plan or programme named again by its type label alone, in lower case or capitalised:
"Trung ương Đoàn sẽ hoàn thiện chương trình hành động để ban hành sớm" … "Chương trình hành
động của Đoàn Thanh niên thực hiện Nghị quyết Đại hội Đảng" … "(1) Ý nghĩa của Chương trình hành
động; …". When the article keeps exactly one unnumbered document of that type in a relation and
names no numbered one of it, the bare label is another name of that document (the gold lists
every naming reference of a kept unnumbered document).

Not for a plural ("các chương trình hành động", "Bốn chương trình hành động"), a back-reference
("chương trình hành động này"), a label with a name right after it (a document of its own), a
label inside a body's name ("Bộ Kế hoạch và Đầu tư") or one inside another mention.
Vietnamese only (its pages write a document's type label in lower case in running text). Generic:
the type words are the SKOS scheme's, the plural and demonstrative words per-language data; no
document, body or article is named here.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest import extract_lang_le as LE
from partykg.ingest.extract.data import Mention, Relation, Sentence
from partykg.ingest.extract.patterns import Patterns, _alt


def counted(before: str, lang: str) -> bool:
    """``before`` ends with a numeral or a number word (COUNT_WORDS): "Bốn chương trình …"."""
    words = LE.COUNT_WORDS.get(lang)
    return bool(re.search(r"\d[ \t]{1,2}$", before) or words and re.search(
        rf"(?<![\w])(?:{_alt(words)})[ \t]{{1,2}}$", before, re.IGNORECASE))


def lower_labels(sentences: list[Sentence], mentions: list[Mention], relations: list[Relation],
                 P: Patterns) -> None:
    """Add the lower-case names (module docstring), each pointing back at its document."""
    if P.lang != "vi":
        return
    related = {r.source for r in relations} | {r.target for r in relations}
    for tkey in LE.CONTENT_TYPES:
        if any(m.strong and m.type == tkey for m in mentions):
            continue
        # (the first of each: a later reference to the same one points back to it)
        kept = [i for i in related if not mentions[i].strong and mentions[i].type == tkey
                and mentions[i].antecedent is None]
        if len({mentions[i].name_key or i for i in kept}) != 1:
            continue
        a = min(kept, key=lambda i: mentions[i].start)
        lm = P.type_re.match(mentions[a].text)
        if lm is None or lm.group(0).isupper():
            continue
        low = lm.group(0)[:1].lower() + lm.group(0)[1:]
        label = lm.group(0)[:1].upper() + lm.group(0)[1:]
        spans = [(m.start, max(m.end, m.tail_end)) for m in mentions]
        for si, sent in enumerate(sentences):
            for tm in P.type_re.finditer(sent.text):
                if tm.group(0) not in (low, label):
                    continue
                a0, a1 = sent.start + tm.start(), sent.start + tm.end()
                if any(s <= a0 < e or a0 <= s < a1 for s, e in spans):
                    continue
                before = sent.text[max(0, tm.start() - 15):tm.start()]
                if (P.plural_before_re and P.plural_before_re.search(before)) or \
                        counted(before, P.lang):
                    continue
                if P.demo_after_re and P.demo_after_re.match(sent.text, tm.end()):
                    continue
                nxt = re.match(r"[ \t]{1,2}(\S+)(?:[ \t]{1,2}(\S+))?", sent.text[tm.end():])
                if nxt and (nxt.group(1)[:1].isupper() or nxt.group(1) in L.OBJECT_COORDINATORS[
                        P.lang] and (nxt.group(2) or "")[:1].isupper()):
                    continue  # "… Đoàn …", "… và Đầu tư": a name follows
                prev = re.search(r"([^\W\d_]+)[ \t]{1,2}$", before)
                if prev and prev.group(1)[:1].isupper():
                    continue  # "Bộ Kế hoạch …": inside a body's name
                mentions.append(Mention(a0, a1, tm.group(0), si, tkey, strong=False,
                                        anaphor=True, antecedent=a, tail_end=a1))


__all__ = ["lower_labels"]
