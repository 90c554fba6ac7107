"""What the extraction tests compare: an extraction's relations and documents as plain tuples."""
from __future__ import annotations

from partykg.ingest.extract import extract


def rels(text: str, lang: str) -> set[tuple[str, str, str]]:
    """Relations as (kind, source, target), each document named by its code, else TYPE:NUMBER."""
    ex = extract(text, lang)
    name = {d.id: (d.code or f"{d.type}:{d.number}") for d in ex.documents}
    return {(r.kind, name[r.source], name[r.target]) for r in ex.doc_relations}


def docs(text: str, lang: str) -> set[tuple[str | None, str | None, str | None]]:
    """Documents as (type, number, code)."""
    return {(d.type, d.number, d.code) for d in extract(text, lang).documents}
