"""Source URLs of spreadsheet rows -> source IRIs (see :class:`Sources`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from partykg.model.vocab import BASE
from partykg.store.embedded import KnowledgeGraph


class Sources:
    """Source URLs -> source IRIs: the graph's own source with that pk:url when it has one
    (its quotes must then be in its corpus text), else one minted from the URL."""

    def __init__(self, kg: KnowledgeGraph, root: Path):
        self.root = root
        self.known: dict[str, str] = {}
        self.corpus: dict[str, str] = {}
        for r in kg.select("""SELECT DISTINCT ?s ?url ?file WHERE { ?s a pk:SourceArticle ;
                pk:url ?url . OPTIONAL { ?s pk:corpusFile ?file } }"""):
            s = r["s"].value
            if s.startswith(BASE + "source/web/"):
                continue  # minted by an import: each import declares the sources it cites
            self.known.setdefault(r["url"].value, s)
            if r["file"] is not None:
                self.corpus[s] = r["file"].value
        self.texts: dict[str, str | None] = {}
        self.minted: dict[str, tuple[str, set[str]]] = {}  # IRI -> (url, languages)

    def source_of(self, url: str, lang: str) -> str:
        s = self.known.get(url)
        if s is None:
            s = f"{BASE}source/web/{hashlib.sha1(url.encode()).hexdigest()[:16]}"
            self.minted.setdefault(s, (url, set()))[1].add(lang)
        return s

    def quote_problem(self, source: str, quote: str) -> str | None:
        rel = self.corpus.get(source)
        if rel is None:
            return None
        if rel not in self.texts:
            try:
                self.texts[rel] = (self.root / rel).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                self.texts[rel] = None
        text = self.texts[rel]
        if text is None:
            return f"the source at this URL ({source.removeprefix(BASE)}) has no readable text {rel}"
        if quote not in text:
            return (f"quote not found verbatim in the text of the source at this URL "
                    f"({source.removeprefix(BASE)}, {rel})")
        return None
