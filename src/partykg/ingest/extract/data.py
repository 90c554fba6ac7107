"""Data of the extraction: sentences, bodies, mentions, relations, mergers, documents."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from partykg.errors import PartykgError
from partykg.model.ids import code_key, fold, number_key
from partykg.ingest.extract.codes import normal_code


MAX_BYTES = 20 * 1024 * 1024  # an article larger than this is refused
MAX_SENTENCE = 2000  # longer "sentences" (no punctuation) are cut into pieces this long
MAX_OCCURRENCES = 50  # occurrences (sentences) kept per document, relation or merger
MAX_DOCUMENTS = 2000  # documents kept per article (the first ones); more is not an article


class ExtractError(PartykgError):
    """An article that cannot be read as text."""


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Body:
    start: int
    end: int
    text: str
    key: str | None = None  # a national body's key (extract_lang.NATIONAL_BODIES), else None

    @property
    def match_key(self) -> str:
        return self.key or body_key(self.text)


@dataclass
class Mention:
    start: int  # absolute offsets of the mention as written ("Directive 901-CT/TW")
    end: int
    text: str
    sentence: int
    type: str | None  # pkdt concept local name, None when unknown
    number: str | None = None
    code: str | None = None  # as written
    date: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    issuer: Body | None = None
    subject: str | None = None
    strong: bool = True  # named by number or code
    new: bool = False  # "a new Directive on …"
    anaphor: bool = False  # "the Resolution", "Chỉ thị này": refers back
    plural: bool = False
    tail_end: int = 0  # end of the attributes that follow the name
    antecedent: int | None = None  # index of the mention an anaphor refers to
    list_head: int | None = None  # "Resolutions 901, 902": index of the first mention
    name_key: tuple | None = None  # unnumbered, named by its congress: same key, same document

    @property
    def number_key(self) -> str | None:
        return number_key(self.number) if self.number else None


@dataclass
class Relation:
    kind: str  # replaces | plannedToReplace | amends | implements | guides | continues | basedOn
    source: int  # mention indexes
    target: int
    sentence: int
    cue: str
    rule: str = ""  # the rule that proposed it when not a specific one ("fallback", "learned")
    prob: float | None = None  # the learned scorer's probability ("learned")


@dataclass
class Merger:
    sentence: int
    cue: str
    doc: int | None  # mention index of the deciding document
    merged: list[Body]
    into: Body | None


@dataclass
class Document:
    """One document the article names: its mentions grouped."""

    id: str
    mentions: list[int]
    type: str | None
    number: str | None
    code: str | None
    date: str | None
    issuer: Body | None
    subject: str | None
    strong: bool
    names: list[str] = field(default_factory=list)

    @property
    def number_key(self) -> str | None:
        return number_key(self.number) if self.number else None

    @property
    def code_key(self) -> str | None:
        return code_key(normal_code(self.code)) if self.code else None


@dataclass
class DocRelation:
    id: str
    kind: str
    source: str  # document ids
    target: str
    sentences: list[int]
    cue: str
    rule: str = ""  # "fallback" when only the generic fallback proposed it, "learned" …
    prob: float | None = None  # the learned scorer's probability (rule "learned")


@dataclass
class DocMerger:
    id: str
    doc: str | None
    merged: list[Body]
    into: Body | None
    sentences: list[int]
    cue: str


@dataclass
class Extraction:
    text: str
    lang: str
    sentences: list[Sentence]
    mentions: list[Mention]
    relations: list[Relation]
    mergers: list[Merger]
    documents: list[Document]
    doc_relations: list[DocRelation]
    doc_mergers: list[DocMerger]
    warnings: list[str] = field(default_factory=list)

    def sentence_of(self, index: int) -> str:
        return self.sentences[index].text

    def document_of_mention(self) -> dict[int, str]:
        return {m: d.id for d in self.documents for m in d.mentions}




def by_sentence(mentions: list[Mention]) -> dict[int, list[int]]:
    """The indexes of ``mentions`` by the sentence each stands in, in order."""
    out: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        out.setdefault(m.sentence, []).append(i)
    return out


def in_text_order(ms: list[Mention], added: list[Mention]) -> list[Mention]:
    """A sentence's mentions ``ms`` with ``added`` (new ones, no list head) put in text order,
    the list heads of ``ms`` (indexes into ``ms``) re-pointed into the merged list."""
    if not added:
        return ms
    out = sorted(ms + added, key=lambda x: x.start)
    where = {id(x): i for i, x in enumerate(out)}
    heads = {id(x): ms[x.list_head] for x in ms if x.list_head is not None}
    for x in out:
        if id(x) in heads:
            x.list_head = where[id(heads[id(x)])]
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", fold(s).lower().replace("’", "'")).strip()


_BODY_NOISE = frozenset("the of and for du de des d la le l a au aux cua cac va ve".split())


def body_key(text: str) -> str:
    """A body name's matching key: ASCII-folded words, minus connectors, sorted (so
    'Ministry of Home Affairs Party Committee' == 'Party Committee of the Ministry of Home
    Affairs')."""
    words = re.findall(r"[a-z0-9]+", _norm(text).replace("'s", ""))
    return " ".join(sorted(w for w in words if w not in _BODY_NOISE))
