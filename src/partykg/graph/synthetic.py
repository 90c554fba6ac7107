"""A synthetic graph shaped like the real one (docs/model.md), for benchmarks and scale tests.

What it holds, for ``documents`` documents (deterministic for a given seed):

* ten five-year terms (1976-2025); documents of seven types (NQ, CT, QĐ, KL, TB, HD, KH) issued
  by the Central Committee, Politburo and Secretariat (codes ``…/TW``) and by party committees of
  provinces (``…/TU{i}``) and ministries (``…/ĐUB{i}``); numbers restart each term, so one code
  names up to ten documents of different years (IRIs ``doc/{issuer}/{type}/{year}/{number}``,
  as :func:`partykg.model.ids.document_path` makes them);
* bodies in a hierarchy of up to four levels (``org:subOrganizationOf``): Central Committee >
  Politburo, Secretariat, Party Committee of Central Agencies > ministry party committees >
  their standing committees; provinces' committees > standing committees;
* replacement chains of 2 to 10 documents (``pk:replaces``, one document per term; one chain of
  ten always); at the end of some chains a planned document (``pk:plannedToReplace``, a status
  statement ``pkst:planned`` with its ``pk:asOf`` date, a subject but no code or date);
  plans and guidance that ``pk:implements`` resolutions; codes written with ``QD`` for ``QĐ``
  (``pk:codeAsWritten``);
* sources (``pk:SourceArticle``), one named graph each, stating the facts of 50 documents, every
  fact next to its ``pk:Evidence`` node (``rdf:subject/predicate/object``, ``pk:quote``,
  ``prov:wasQuotedFrom``) in the source's graph; classes, document types and ``skos:prefLabel``
  in ``graph/curation``.

With evidence (the default) it passes ``partykg validate``; ``evidence=False`` leaves the
evidence nodes out (about 7 statements per document instead of 22), which no longer validates
but matches the size of the graphs of the issue's first measurements.

The output is streamed TriG (one ``GRAPH`` block per source and its curation block), so
memory stays flat whatever the size. Only anonymous blank nodes (``[]``) are written, so the
loader can bulk-load the file without renaming blank nodes.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from partykg.model import ids

TERMS = 10
FIRST_YEAR = 1976
TERM_YEARS = 5
ROMAN = ["IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"]
DOCS_PER_SOURCE = 50

# (code abbreviation, class, pkdt concept, English name, Vietnamese name)
TYPES = [
    ("NQ", "Resolution", "resolution", "Resolution", "Nghị quyết"),
    ("CT", "Directive", "directive", "Directive", "Chỉ thị"),
    ("QĐ", "Decision", "decision", "Decision", "Quyết định"),
    ("KL", "Conclusion", "conclusion", "Conclusion", "Kết luận"),
    ("TB", "Notice", "notice", "Notice", "Thông báo"),
    ("HD", "Guidance", "guidance", "Guidance", "Hướng dẫn"),
    ("KH", "Plan", "plan", "Plan", "Kế hoạch"),
]
_NQ, _KH, _HD = 0, 6, 5

PREFIXES = """@base <https://w3id.org/partykg/id/> .
@prefix pk: <https://w3id.org/partykg/ontology#> .
@prefix pkdt: <https://w3id.org/partykg/doctype/> .
@prefix pkst: <https://w3id.org/partykg/status/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
"""

_MASK = (1 << 64) - 1


def _mix(x: int) -> int:
    """splitmix64: a fast, deterministic hash of an integer (the generator's randomness)."""
    x = (x + 0x9E3779B97F4A7C15) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


@dataclass
class Issuer:
    code: str  # issuer part of the code: "TW", "TU3", "ĐUB4"
    slug: str  # IRI segment: ids.slug(code)
    bodies: list[str]  # body IRIs (relative) that issue under this code
    names: list[str]  # their English names


@dataclass
class SyntheticStats:
    documents: int = 0
    planned: int = 0
    bodies: int = 0
    sources: int = 0
    facts: int = 0
    statements: int = 0
    longest_chain: int = 0
    # sample documents for benchmarks: name -> {"iri", "code", ...}
    samples: dict[str, dict[str, str]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


class _Writer:
    """Buffers one source's statements and its curation statements, then writes both blocks."""

    def __init__(self, out, evidence: bool):
        self.out = out
        self.evidence = evidence
        self.facts: list[str] = []
        self.curation: list[str] = []
        self.statements = 0
        self.nfacts = 0

    def fact(self, source: str, s: str, p: str, o: str, quote: str) -> None:
        self.facts.append(f"{s} {p} {o} .")
        self.nfacts += 1
        self.statements += 1
        if self.evidence:
            self.facts.append(f"[] a pk:Evidence ; rdf:subject {s} ; rdf:predicate {p} ; "
                              f"rdf:object {o} ; pk:quote {quote} ; prov:wasQuotedFrom {source} .")
            self.statements += 6

    def plain(self, text: str, n: int) -> None:
        self.facts.append(text)
        self.statements += n

    def cur(self, text: str, n: int) -> None:
        self.curation.append(text)
        self.statements += n

    def flush(self, source: str) -> None:
        w = self.out.write
        if self.curation:
            w("<graph/curation> {\n")
            w("\n".join(self.curation))
            w("\n}\n")
        if self.facts:
            w(f"{source} {{\n")
            w("\n".join(self.facts))
            w("\n}\n")
        self.facts.clear()
        self.curation.clear()


def _issuers(documents: int) -> list[Issuer]:
    central = Issuer("TW", "tw", ["<body/central-committee>", "<body/politburo>",
                                  "<body/secretariat>"],
                     ["Central Committee", "Politburo", "Secretariat"])
    n = max(1, min(300, documents // (TERMS * len(TYPES) * 4)))  # >= 4 numbers per slot
    out = [central]
    for i in range(1, n + 1):
        if i % 2:
            code = f"TU{i}"
            body = f"body/syn-province-{i}-party-committee"
            name = f"Party Committee of Province {i}"
        else:
            code = f"ĐUB{i}"
            body = f"body/syn-ministry-{i}-party-committee"
            name = f"Party Committee of Ministry {i}"
        out.append(Issuer(code, ids.slug(code), [f"<{body}>", f"<{body}-standing-committee>"],
                          [name, f"Standing Committee of the {name}"]))
    return out


def _write_bodies(w: _Writer, issuers: list[Issuer]) -> int:
    src = "<source/syn-bodies>"
    w.plain(f'{src} a pk:SourceArticle ; dcterms:title "Synthetic directory of bodies"@en ; '
            'dcterms:language "en" ; pk:url "https://example.org/partykg-synthetic/bodies"'
            '^^xsd:anyURI .', 4)
    count = 0

    def body(iri: str, cls: str, en: str, vi: str, parent: str | None):
        nonlocal count
        count += 1
        w.cur(f'{iri} a pk:{cls} ; skos:prefLabel "{_esc(en)}"@en , "{_esc(vi)}"@vi .', 3)
        if parent:
            w.fact(src, iri, "org:subOrganizationOf", parent,
                   f'"the {_esc(en)}, under the {_esc(parent_names[parent])}"@en')

    parent_names: dict[str, str] = {}
    cc = "<body/central-committee>"
    parent_names[cc] = "Central Committee"
    body(cc, "CentralCommittee", "Central Committee", "Ban Chấp hành Trung ương", None)
    for iri, cls, en, vi in (("<body/politburo>", "Politburo", "Politburo", "Bộ Chính trị"),
                             ("<body/secretariat>", "Secretariat", "Secretariat", "Ban Bí thư"),
                             ("<body/central-agencies-party-committee>",
                              "CentralAgenciesPartyCommittee",
                              "Party Committee of Central Agencies",
                              "Đảng ủy các cơ quan Trung ương")):
        parent_names[iri] = en
        body(iri, cls, en, vi, cc)
    agencies = "<body/central-agencies-party-committee>"
    for iss in issuers[1:]:
        pc, standing = iss.bodies
        ministry = iss.code.startswith("Đ")
        parent_names[pc] = iss.names[0]
        vi = (f"Đảng ủy Bộ {iss.code[3:]}" if ministry else f"Tỉnh ủy {iss.code[2:]}")
        body(pc, "MinistryPartyCommittee" if ministry else "PartyCommittee", iss.names[0], vi,
             agencies if ministry else cc)
        body(standing, "StandingCommittee", iss.names[1], f"Ban Thường vụ {vi}", pc)
    w.flush(src)
    return count


def generate(path: Path | str, documents: int, seed: int = 1, evidence: bool = True
             ) -> SyntheticStats:
    """Write a synthetic dataset of ``documents`` documents to ``path`` (TriG), streaming."""
    if documents < 1:
        raise ValueError("documents must be at least 1")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    issuers = _issuers(documents)
    ni, nt = len(issuers), len(TYPES)
    combos = TERMS * ni * nt
    per_slot = -(-documents // combos)  # numbers per (term, issuer, type)
    span_days = TERM_YEARS * 365 - 10
    stats = SyntheticStats(documents=documents)
    seed_mix = _mix(seed)
    tmp = path.with_name(path.name + ".partial")

    def chain_of(i: int, y: int, n: int) -> tuple[int, int]:
        """(first term, length) of the replacement chain of slot (issuer, type, number), or
        (0, 0). Slot 0 always has a chain over every term."""
        if i == 0 and y == 0 and n == 1:
            return 0, TERMS
        h = _mix(seed_mix ^ (((i * nt + y) << 32) | n))
        if h % 100 >= 30:
            return 0, 0
        length = 2 + (h >> 8) % 4 + ((h >> 16) % 6 if (h >> 24) % 5 == 0 else 0)
        start = (h >> 32) % TERMS
        length = min(length, TERMS - start)
        return (start, length) if length >= 2 else (0, 0)

    def exists(n: int, t: int, i: int, y: int) -> bool:
        return ((n - 1) * TERMS + t) * ni * nt + i * nt + y < documents

    def doc_iri(n: int, t: int, i: int, y: int) -> str:
        return f"<doc/{issuers[i].slug}/{ids.slug(TYPES[y][0])}/{year_of(n, t)}/{n}>"

    def date_of(n: int, t: int) -> tuple[int, int, int]:
        day = (n * span_days) // (per_slot + 1)
        year = FIRST_YEAR + t * TERM_YEARS + day // 365
        doy = day % 365
        return year, 1 + doy // 31 % 12, 1 + doy % 28

    def year_of(n: int, t: int) -> int:
        return date_of(n, t)[0]

    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Synthetic partykg dataset (partykg.graph.synthetic): "
                  f"{documents} documents, seed {seed}, evidence {evidence}.\n")
        out.write(PREFIXES)
        w = _Writer(out, evidence)
        stats.bodies = _write_bodies(w, issuers)
        stats.sources = 1
        source_no = 0
        in_source = 0
        source = ""
        index = 0
        for n in range(1, per_slot + 1):
            for t in range(TERMS):
                for i in range(ni):
                    iss = issuers[i]
                    for y in range(nt):
                        if index >= documents:
                            break
                        if in_source == 0:
                            source_no += 1
                            source = f"<source/syn-{source_no:06d}>"
                            sy, sm, sd = date_of(n, t)
                            w.plain(f'{source} a pk:SourceArticle ; dcterms:title "Synthetic '
                                    f'digest {source_no}"@en ; dcterms:language "en" ; pk:url '
                                    f'"https://example.org/partykg-synthetic/{source_no}"'
                                    f'^^xsd:anyURI ; dcterms:issued "{sy + 1:04d}-{sm:02d}-'
                                    f'{sd:02d}"^^xsd:date .', 5)
                        abbr, cls, concept, en, vi = TYPES[y]
                        number = f"{n:02d}"
                        code = f"{number}-{abbr}/{iss.code}"
                        year, month, day = date_of(n, t)
                        iri = f"<doc/{iss.slug}/{ids.slug(abbr)}/{year}/{n}>"
                        h = _mix(seed_mix ^ (index * 0x9E37 + 17))
                        body_no = (h >> 40) % len(iss.bodies)
                        issuer_iri, issuer_name = iss.bodies[body_no], iss.names[body_no]
                        quote = (f'"{en} {code} of the {issuer_name} dated '
                                 f'{day}/{month}/{year}"@en')
                        w.cur(f'{iri} a pk:{cls} ; pk:documentType pkdt:{concept} ; '
                              f'skos:prefLabel "{en} {code}"@en .', 3)
                        lit = f'"{code}"'
                        w.fact(source, iri, "pk:code", lit, quote)
                        if abbr == "QĐ" and h % 10 < 3:
                            w.fact(source, iri, "pk:codeAsWritten",
                                   f'"{number}-QD/{iss.code}"', quote)
                        slot0 = i == 0 and y == 0 and n == 1  # the chain of ten: fully known
                        if h % 100 < 60 or (n == 1 and y == 0) or slot0:
                            w.fact(source, iri, "pk:issuedBy", issuer_iri, quote)
                        if (h >> 8) % 100 < 50 or slot0:
                            w.fact(source, iri, "pk:dateIssued",
                                   f'"{year:04d}-{month:02d}-{day:02d}"^^xsd:date', quote)
                        if (h >> 16) % 100 < 20:
                            w.fact(source, iri, "pk:number", f'"{number}"', quote)
                        start, length = chain_of(i, y, n)
                        if length and start < t < start + length:
                            old = doc_iri(n, t - 1, i, y)
                            w.fact(source, iri, "pk:replaces", old,
                                   f'"{en} {code} replaces {en} {number}-{abbr}/{iss.code} of '
                                   f'{year_of(n, t - 1)}"@en')
                            if t == start + length - 1 or not exists(n, t + 1, i, y):
                                got = t - start + 1
                                if got > stats.longest_chain:
                                    stats.longest_chain = got
                                    sy, sm, sd = date_of(n, start)
                                    stats.samples["chain_start"] = {
                                        "iri": doc_iri(n, start, i, y)[1:-1],
                                        "code": code, "year": str(sy),
                                        "date": f"{sy:04d}-{sm:02d}-{sd:02d}",
                                        "length": str(got)}
                            if t == start + length - 1 and t == TERMS - 1 and (
                                    (h >> 24) % 10 < 3 or (i == 0 and y == 0 and n == 1)):
                                subject = f"{en.lower()} on synthetic topic {iss.code} {n}"
                                planned = f"<doc/unknown/{ids.slug(abbr)}/{ids.slug(subject)}>"
                                w.cur(f"{planned} a pk:{cls} ; pk:documentType pkdt:{concept} .", 2)
                                pquote = (f'"a new {en.lower()} is being drafted to replace '
                                          f'{en} {code}"@en')
                                w.fact(source, planned, "pk:subject", f'"{subject}"@en', pquote)
                                w.fact(source, planned, "pk:plannedToReplace", iri, pquote)
                                status = f"<{planned[1:-1]}/status/2025-12>"
                                w.plain(f"{status} a pk:StatusStatement ; pk:status pkst:planned "
                                        f'; pk:asOf "2025-12-01"^^xsd:date .', 3)
                                w.fact(source, planned, "pk:hasStatus", status, pquote)
                                stats.planned += 1
                        if y in (_KH, _HD) and (h >> 32) % 100 < 50 and exists(n, t, i, _NQ):
                            target_n = 1 + (h >> 40) % n
                            target = doc_iri(target_n, t, i, _NQ)
                            w.fact(source, iri, "pk:implements", target,
                                   f'"{en} {code} on implementing Resolution '
                                   f'{target_n:02d}-NQ/{iss.code}"@en')
                        if index == documents // 2:
                            stats.samples["middle"] = {"iri": iri[1:-1], "code": code,
                                                       "year": str(year)}
                        index += 1
                        in_source += 1
                        if in_source == DOCS_PER_SOURCE:
                            w.flush(source)
                            in_source = 0
        if in_source:
            w.flush(source)
        stats.sources += source_no
        stats.statements = w.statements
        stats.facts = w.nfacts
    tmp.replace(path)
    first = doc_iri(1, 0, 0, 0)[1:-1]
    stats.samples.setdefault("first", {"iri": first, "code": "01-NQ/TW",
                                       "year": str(year_of(1, 0))})
    return stats


def write_project(root: Path | str, documents: int, seed: int = 1, evidence: bool = True,
                  source_root: Path | None = None) -> SyntheticStats:
    """A project folder (ontology/, queries/, graph/synthetic.trig) that partykg commands can use
    with ``--root``; the ontology and queries are copied from ``source_root`` (this checkout)."""
    from partykg.graph.dataset import find_root

    root = Path(root)
    src = Path(source_root) if source_root else find_root()
    root.mkdir(parents=True, exist_ok=True)
    for name in ("ontology", "queries"):
        if not (root / name).exists():
            shutil.copytree(src / name, root / name)
    (root / "graph").mkdir(exist_ok=True)
    stats = generate(root / "graph" / "synthetic.trig", documents, seed=seed, evidence=evidence)
    (root / "synthetic.json").write_text(json.dumps(stats.as_dict(), indent=2), encoding="utf-8")
    return stats
