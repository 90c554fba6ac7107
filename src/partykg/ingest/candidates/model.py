"""The candidate model: what an extraction proposes (documents with their occurrences, relations,
mergers, bodies), each with its link status against the graph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from partykg.errors import PartykgError
from partykg.ingest import extract_lang as L
from partykg.model.ids import BASE

RELATION_KINDS = ("replaces", "plannedToReplace", "amends", "implements", "guides", "continues",
                  "basedOn")
EXTRACTOR_VERSION = "partykg-extract 1"
MAX_CANDIDATES_BYTES = 128 * 1024 * 1024  # a candidates file larger than this is refused
PK_CLASS = {t: "".join(w.capitalize() for w in t.split("-")) for t in L.TYPE_SLUG}
PK_CLASS["unclassified"] = "UnclassifiedDocument"


class CandidatesError(PartykgError):
    """A candidates file that cannot be read."""


def _nn(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)

@dataclass
class Occurrence:
    text: str
    start: int
    end: int
    sentence: str
    code: str | None = None  # what this mention itself says
    date: str | None = None
    issuer: str | None = None  # BodyCand id
    subject: str | None = None


@dataclass
class BodyCand:
    id: str
    name: str
    key: str | None = None  # national body key
    en_name: str | None = None
    cls: str | None = None  # pk: class local name
    link: str = "new"
    matches: list[str] = field(default_factory=list)
    proposed: str | None = None


@dataclass
class DocCand:
    id: str
    type: str | None
    number: str | None
    code: str | None  # as written
    date: str | None
    issuer: str | None  # BodyCand id
    subject: str | None
    names: list[str]
    occurrences: list[Occurrence]
    numbered: bool = True
    planned: bool = False
    link: str = "new"
    matches: list[str] = field(default_factory=list)
    proposed: str | None = None


@dataclass
class RelCand:
    id: str
    kind: str  # pk: property local name
    source: str
    target: str
    cue: str
    sentences: list[str]
    rule: str = ""  # "fallback": proposed by the generic fallback, not a specific rule


@dataclass
class MergerCand:
    id: str
    doc: str | None
    merged: list[str]  # BodyCand ids
    into: str | None
    cue: str
    sentences: list[str]


@dataclass
class CandidateSet:
    stem: str
    lang: str
    text: str
    article_file: str | None = None
    source_url: str | None = None
    date: str | None = None
    extracted_at: str | None = None
    publisher: str | None = None
    title: str | None = None
    retrieved: str | None = None
    documents: list[DocCand] = field(default_factory=list)
    relations: list[RelCand] = field(default_factory=list)
    mergers: list[MergerCand] = field(default_factory=list)
    bodies: list[BodyCand] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def source_iri(self) -> str:
        return f"{BASE}source/{self.stem}"

    @property
    def graph_iri(self) -> str:
        return f"{BASE}candidates/{self.stem}"

    def iri(self, local: str) -> str:
        return f"{self.graph_iri}/{local}"

    def doc(self, cid: str) -> DocCand:
        return self._index("documents")[cid]

    def body(self, cid: str) -> BodyCand:
        return self._index("bodies")[cid]

    def _index(self, what: str) -> dict:
        """id -> candidate, rebuilt when the list changed (constant time per lookup)."""
        items = getattr(self, what)
        cache = self.__dict__.setdefault("_idx", {})
        key = (id(items), len(items))
        hit = cache.get(what)
        if hit is None or hit[0] != key or (items and hit[1].get(items[-1].id) is not items[-1]):
            hit = (key, {c.id: c for c in items})
            cache[what] = hit
        return hit[1]

    def ids(self) -> list[str]:
        return ([d.id for d in self.documents] + [r.id for r in self.relations]
                + [m.id for m in self.mergers] + [b.id for b in self.bodies])



_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,150}")


def valid_stem(stem: str) -> bool:
    """A source stem names files under graph/sources and graph/corpus: a plain file name, never a
    path (no separator, no '..', not absolute, no control characters)."""
    return bool(_STEM.fullmatch(stem)) and ".." not in stem

def _id_order(cid: str) -> tuple[str, int]:
    m = re.fullmatch(r"([a-z]+)(\d+)", cid or "")
    return (m.group(1), int(m.group(2))) if m else (cid or "", 0)

def _short(iri: str) -> str:
    return iri[len(BASE):] if iri.startswith(BASE) else iri
