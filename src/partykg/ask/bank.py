"""Scoring ``partykg ask`` on a question bank (tests/data/questions/*.json, see its README).

A question is right iff the exit code and the ``--json`` status are the expected ones, every
``must_mention`` IRI appears in the JSON answer and no ``must_not_mention`` one does, and the
text contains every ``text_has`` and no ``text_lacks`` string, compared case- and
diacritic-insensitively. The judge looks only at what ``partykg ask --json`` prints.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from partykg.model import ids
from partykg.model.vocab import BASE


@dataclass
class Verdict:
    case: dict
    right: bool
    exit: int
    status: str
    problems: list[str] = field(default_factory=list)
    text: str = ""


def _fold(text: str) -> str:
    return " ".join(ids.fold(text).lower().split())


def _strings(obj) -> set[str]:
    out: set[str] = set()
    if isinstance(obj, dict):
        for v in obj.values():
            out |= _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            out |= _strings(v)
    elif isinstance(obj, str):
        out.add(obj)
    return out


def ask_json(kg, question: str, as_of: str | None) -> tuple[int, dict]:
    """(exit code, JSON answer) as ``partykg ask --json`` gives them."""
    from partykg.ask.answer import answer
    from partykg.ask.intents import UnsupportedQuestion

    try:
        a = answer(kg, question, as_of=as_of)
    except UnsupportedQuestion as e:
        return 2, {"question": question, "status": "unsupported", "message": str(e), "text": str(e)}
    data = json.loads(json.dumps(a.as_dict(), ensure_ascii=False))
    return (0 if a.status == "answered" else 1), data


def judge(kg, case: dict) -> Verdict:
    code, data = ask_json(kg, case["q"], case.get("as_of"))
    v = Verdict(case, True, code, data.get("status", "?"), text=data.get("text", ""))
    if code != case["exit"]:
        v.problems.append(f"exit {code}, expected {case['exit']}")
    if v.status != case["status"]:
        v.problems.append(f"status {v.status}, expected {case['status']}")
    found = _strings(data)
    for iri in case.get("must_mention") or []:
        if iri not in found and BASE + iri not in found:
            v.problems.append(f"does not mention {iri}")
    for iri in case.get("must_not_mention") or []:
        if iri in found or BASE + iri in found:
            v.problems.append(f"mentions {iri}")
    text = _fold(v.text)
    for s in case.get("text_has") or []:
        if _fold(s) not in text:
            v.problems.append(f"text lacks {s!r}")
    for s in case.get("text_lacks") or []:
        if _fold(s) in text:
            v.problems.append(f"text has {s!r}")
    v.right = not v.problems
    return v


def load_bank(path: Path) -> list[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data["questions"] if isinstance(data, dict) else data


def score(kg, cases: list[dict]) -> list[Verdict]:
    return [judge(kg, c) for c in cases]


def table(verdicts: list[Verdict]) -> str:
    """right/total per language and per kind, then overall."""
    lines = []
    for key in ("lang", "kind"):
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for v in verdicts:
            c = counts[v.case.get(key, "?")]
            c[0] += v.right
            c[1] += 1
        lines.append(f"| {key} | right / total |")
        lines.append("|---|---|")
        for k, (r, n) in sorted(counts.items(), key=lambda kv: (-kv[1][1], kv[0])):
            lines.append(f"| {k} | {r}/{n} ({100 * r / n:.0f}%) |")
        lines.append("")
    r = sum(v.right for v in verdicts)
    n = len(verdicts)
    lines.append(f"overall: {r}/{n} ({100 * r / max(n, 1):.1f}%)")
    return "\n".join(lines)
