"""The document a text is, issued by name in its own body: after a header ("Luật số: NN/…"),
"Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật …" names the header's document
(an unnumbered mention of the header's type right after an issuing verb), so what that mention
relates to is the header's document's relation.

Not after a bare verb ("có kế hoạch …": having one), not when the sentence names another
numbered document of the header's type before the mention, nor when a numbered document is the
verb's subject ("Nghị quyết số NN … ban hành Kế hoạch …"), not before the header. A header whose
code leaves the type open ("No. NN/2025/QH15": a law or a resolution) takes the type of the first
document its text issues so ("The National Assembly promulgates the Law on …"). Generic: the
issuing verbs are per-language data (extract_lang.ISSUE_VERBS, BARE_VERBS); no document, body or
article is named.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.patterns import Patterns

OPEN_TYPE = "unclassified"  # the scheme's concept for a type the code does not give


def issued_is_header(sentences: list[Sentence], mentions: list[Mention], header: int | None,
                     P: Patterns, title: bool = False) -> None:
    """Point each such mention (see the module's docstring) at the header's mention. ``title``:
    ``header`` is the page's title document standing for a missing number line
    (:mod:`.titleself`); its type must be known (a title line is not retyped)."""
    if header is None:
        return
    H = mentions[header]
    if H.type is None or (title and H.type == OPEN_TYPE):
        return
    bare = {w.lower() for w in L.BARE_VERBS.get(P.lang, ())}
    open_type = H.type == OPEN_TYPE  # a header code that leaves its type open ("No. NN/2025/QH15")
    for i, m in enumerate(mentions):
        if m.strong or m.start < H.end or m.antecedent is not None or m.new or m.plural \
                or m.type is None or (m.type != H.type and not open_type):
            continue
        sent = sentences[m.sentence]
        before = sent.text[max(0, m.start - sent.start - 30):m.start - sent.start]
        vm = P.issue_verb_re.search(before)
        if vm is None or (vm.start() > 0 and before[vm.start() - 1].isalpha()):
            continue
        if re.sub(r"\s+", " ", vm.group(0).strip().lower()) in bare:
            continue
        if any(o.strong and o.type == H.type and o.sentence == m.sentence and o.start < m.start
               for o in mentions):
            continue
        # "Nghị quyết số NN … ban hành Kế hoạch …": a document issues it, not the text's body
        verb_at = m.start - len(before) + vm.start()
        prev = [o for o in mentions if o.strong and o.sentence == m.sentence and o.end <= verb_at]
        if prev and not re.search(r"[,;:]", full_text(sent, max(o.end for o in prev), verb_at)):
            continue
        m.antecedent = header
        if open_type:  # the text says what it is: "The National Assembly promulgates the Law …"
            H.type = m.type
            open_type = False


def full_text(sent: Sentence, a: int, b: int) -> str:
    """The sentence's text between two article offsets."""
    return sent.text[max(0, a - sent.start):max(0, b - sent.start)]
