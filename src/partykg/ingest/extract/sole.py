"""An unnumbered document described by its type and issuer ("Chỉ thị của Ban Thường vụ Tỉnh
ủy", "the Directive of the Politburo") in a text that has named exactly one numbered document
of that type before it is that document, however far back: a news page names the document in
its headline or lead and describes it afterwards. Not when the description is a plan, a new
document, a list, a name ("… of the 3rd Plenum"), or gives an issuer or subject the numbered document does not have."""

from __future__ import annotations

import re

from partykg.ingest.extract.backrefs import _key, _same_subject
from partykg.ingest.extract.data import Mention, Relation
from partykg.ingest.extract.followbase import planned
from partykg.ingest.extract.patterns import Patterns


def sole_numbered(text: str, mentions: list[Mention], relations: list[Relation],
                  P: Patterns) -> None:
    partners: dict[int, set[int]] = {}
    for r in relations:
        partners.setdefault(r.source, set()).add(r.target)
        partners.setdefault(r.target, set()).add(r.source)
    for i, m in enumerate(mentions):
        if m.strong or m.new or m.plural or m.antecedent is not None or m.type is None:
            continue
        if not _described(m, P) or planned(m, text, P):
            continue
        mine = partners.get(i, set())
        keys: dict[tuple, int] = {}
        for j in range(i):
            o = mentions[j]
            if o.strong and o.type == m.type and _key(o) is not None:
                keys.setdefault(_key(o), j)
        if len(keys) != 1:
            continue
        j = next(iter(keys.values()))
        o = mentions[j]
        if j in mine or any(_key(mentions[k]) == _key(o) for k in mine):
            continue
        if m.issuer is not None and o.issuer is not None and \
                m.issuer.match_key != o.issuer.match_key:
            continue
        if m.subject and o.subject and not _same_subject(m.subject, o.subject):
            continue
        m.antecedent = j


def _described(m: Mention, P: Patterns) -> bool:
    """The type word and an issuer ("Chỉ thị của …", "the Directive of the …")."""
    tm = P.type_re.match(m.text)
    rest = m.text[tm.end():] if tm else ""
    if re.search(r"\d|(?<![\w])[IVXLC]{2,6}(?![\w])", rest):
        return False  # "Résolution du 3e Plénum …", "Nghị quyết của Đại hội XIV": a name
    return m.issuer is not None or bool(re.match(r"[ \t]{1,2}(?:của|of|du|de la|de l'|dari)[ \t]",
                                                 rest, re.IGNORECASE))
