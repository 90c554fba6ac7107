"""Candidates from an extraction: one candidate per document, relation, merger and body the
extractor found, linked against the graph when one is given."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from partykg.errors import PartykgError
from partykg.ingest import extract_lang as L
from partykg.ingest.candidates.link import link, propose
from partykg.ingest.candidates.model import (BodyCand, CandidateSet, DocCand, MergerCand,
                                             Occurrence, RelCand)
from partykg.ingest.extract import MAX_OCCURRENCES, Body, Extraction, body_key, text_hash
from partykg.model.ids import fold, slug


def source_stem(article: Path | None, text: str, root: Path | None) -> str:
    """The source's file stem: the corpus file's own stem when the article is (a copy of) a
    corpus file, else a slug of the file name plus the first 16 hex digits of the text's
    SHA-256 (so two different texts never share a stem)."""
    digest = text_hash(text)[:16]
    if root is not None:
        corpus = root / "graph" / "corpus"
        if article is not None:
            try:
                if article.resolve().parent == corpus.resolve():
                    return article.stem
            except OSError:
                pass
        if corpus.is_dir():
            from partykg.ingest.extract import decode
            for f in sorted(corpus.glob("*.txt")):
                try:
                    if f.stat().st_size < 4 * len(text) + 64 and \
                            decode(f.read_bytes(), str(f))[0] == text:
                        return f.stem
                except PartykgError:
                    continue
    name = slug(article.stem, 40) if article is not None else "article"
    return f"{name}_{digest}"


def build(ex: Extraction, *, stem: str, article_file: str | None = None,
          source_url: str | None = None, date: str | None = None, kg=None,
          publisher: str | None = None, title: str | None = None,
          retrieved: str | None = None) -> CandidateSet:
    """Candidates from an extraction; linked against ``kg`` when given."""
    cs = CandidateSet(stem=stem, lang=ex.lang, text=ex.text, article_file=article_file,
                      source_url=source_url, date=date, publisher=publisher, title=title,
                      retrieved=retrieved,
                      extracted_at=_dt.datetime.now(_dt.timezone.utc).replace(
                          microsecond=0).isoformat().replace("+00:00", "Z"),
                      warnings=list(ex.warnings))
    bodies: dict[str, BodyCand] = {}

    def body_cand(b: Body | None) -> str | None:
        if b is None:
            return None
        k = b.key or body_key(b.text)
        if k not in bodies:
            info = L.NATIONAL_BODIES.get(b.key or "", {})
            bodies[k] = BodyCand(f"b{len(bodies) + 1}", re.sub(r"\s+", " ", b.text), b.key,
                                 info.get("en_name") if info else None,  # type: ignore[arg-type]
                                 (info.get("class") if info else None)  # type: ignore[arg-type]
                                 or _body_class(b.text, ex.lang))
        return bodies[k].id

    planned_docs = {r.source for r in ex.doc_relations if r.kind == "plannedToReplace"}
    crowded: list[str] = []
    for d in ex.documents:
        occ = []
        seen = set()
        for i in d.mentions:
            m = ex.mentions[i]
            if (m.start, m.end) in seen:
                continue
            if len(occ) >= MAX_OCCURRENCES:
                crowded.append(d.id)
                break
            seen.add((m.start, m.end))
            occ.append(Occurrence(m.text, m.start, m.end, ex.sentence_of(m.sentence), m.code,
                                  m.date, body_cand(m.issuer), m.subject))
        cs.documents.append(DocCand(
            d.id, d.type, d.number, d.code, d.date, body_cand(d.issuer), d.subject, d.names,
            occ, numbered=d.strong, planned=d.id in planned_docs))
    if crowded:
        cs.warnings.append(f"{len(crowded)} documents ({', '.join(crowded[:5])}"
                           f"{', …' if len(crowded) > 5 else ''}) are mentioned more than "
                           f"{MAX_OCCURRENCES} times; only their first {MAX_OCCURRENCES} "
                           "occurrences are kept")
    for r in ex.doc_relations:
        cs.relations.append(RelCand(r.id, r.kind, r.source, r.target, r.cue,
                                    [ex.sentence_of(s) for s in r.sentences],
                                    r.rule + (f", p={r.prob:.2f}" if r.prob is not None else "")))
    for mg in ex.doc_mergers:
        cs.mergers.append(MergerCand(mg.id, mg.doc, [body_cand(b) for b in mg.merged],
                                     body_cand(mg.into), mg.cue,
                                     [ex.sentence_of(s) for s in mg.sentences]))
    cs.bodies = list(bodies.values())
    if kg is not None:
        link(cs, kg)
    else:
        propose(cs, None)
    return cs


def _body_class(name: str, lang: str) -> str:
    n = fold(name).lower()
    if re.search(r"\b(inspection|kiem tra|inspeksi|d'inspection)\b", n):
        return "InspectionCommission"
    if re.search(r"\b(standing|thuong vu|permanent|tetap)\b", n):
        return "StandingCommittee"
    if re.search(r"\b(executive|chap hanh|executif|eksekutif)\b", n):
        return "ExecutiveCommittee"
    if re.search(r"\b(party|dang|parti|partai|tinh uy|thanh uy|huyen uy)\b", n):
        return "PartyCommittee"
    if re.search(r"\b(ministry|bo|ministere|kementerian)\b", n):
        return "Ministry"
    return "PartyBody"

