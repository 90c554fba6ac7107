"""extract, review, accept: grow the graph from new articles through reviewed candidates."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from partykg.cli.common import EXIT_OK
from partykg.cli.common import progress


def register(sub) -> None:
    e = sub.add_parser(
        "extract", help="extract candidate documents and relations from an article",
        description="Read an article (UTF-8 text; en, vi, fr or id) and write candidate facts "
                    "for review: the documents it names (type, number, code, date, issuer, "
                    "subject), the relations it signals (replaces, planned replacement, amends, "
                    "implements, guides, continues) and the mergers of bodies it reports, each "
                    "with its sentence, and each linked to the graph (linked / new / "
                    "ambiguous). Nothing is added to the graph: see 'partykg review' and "
                    "'partykg accept'.")
    e.add_argument("article", metavar="ARTICLE.txt",
                   help="the article's text; a sidecar ARTICLE.json next to it (keys url, "
                        "publisher, title, date, language, retrieved) is read when present, "
                        "and the options below override it")
    e.add_argument("--lang", choices=("auto", "en", "vi", "fr", "id"), default="auto",
                   help="the article's language (default: detected from its stop words)")
    e.add_argument("--source-url", metavar="URL", default=None,
                   help="where the article was published (kept as the source's pk:url)")
    e.add_argument("--date", metavar="YYYY-MM-DD", default=None,
                   help="the article's date (the source's dcterms:issued, and the date a "
                        "planned status is reported as of)")
    e.add_argument("--publisher", metavar="NAME", default=None,
                   help="who published the article (the source's dcterms:publisher)")
    e.add_argument("--title", metavar="TITLE", default=None,
                   help="the article's title (the source's dcterms:title)")
    e.add_argument("--retrieved", metavar="YYYY-MM-DD", default=None,
                   help="when the text was retrieved from its URL (the source's pk:retrieved)")
    e.add_argument("--out", metavar="CANDIDATES.trig", required=True,
                   help="where to write the candidates (not under graph/: they are not part of "
                        "the graph until accepted)")
    e.add_argument("--no-link", action="store_true",
                   help="do not load the graph; every candidate is 'new'")
    e.add_argument("--fallback", action="store_true",
                   help="also propose, where no specific rule found a relation in a sentence, "
                        "the generic fallback's relations (a relation cue between a document "
                        "and the document it governs); they are marked 'rule: fallback' in "
                        "review (off by default: see the README)")
    e.add_argument("--learned", action="store_true",
                   help="also propose the learned relation scorer's relations between documents "
                        "the rules left unrelated; they are marked 'rule: learned, p=…' (its "
                        "probability) in review (off by default: see the README)")
    e.add_argument("--store", metavar="DIR", default=None,
                   help="link against the on-disk store built by 'partykg build --store DIR' "
                        "instead of loading the project's files")
    e.set_defaults(func=cmd_extract)

    r = sub.add_parser("review", help="list the candidates of a candidates file",
                       description="Print each candidate: id, kind, text as written, type / "
                                   "number / code / date / issuer, link status and matches, "
                                   "and the sentence it comes from.")
    r.add_argument("candidates", metavar="CANDIDATES.trig")
    r.add_argument("--json", action="store_true", help="print JSON")
    r.add_argument("--html", metavar="OUT.html", default=None,
                   help="write a self-contained HTML page instead (offline, no script): the "
                        "article with each mention highlighted and linked to its candidate "
                        "(linked / new / ambiguous), each relation on its sentence")
    r.set_defaults(func=cmd_review)

    a = sub.add_parser(
        "accept", help="merge reviewed candidates into graph/ with provenance",
        description="Add the candidates you keep to graph/sources/STEM.trig (the source's named "
                    "graph, each fact with a quote of its sentence) and the article's text to "
                    "graph/corpus/STEM.txt. Everything is validated first; if anything would "
                    "not validate, nothing is written. Accepting again adds nothing new.")
    a.add_argument("candidates", metavar="CANDIDATES.trig")
    a.add_argument("--only", metavar="ID", nargs="+", default=None,
                   help="accept only these candidates (a relation brings its two documents, a "
                        "merger its deciding document)")
    a.add_argument("--link", metavar="ID=IRI", action="append", default=[],
                   help="resolve an ambiguous candidate to one of its matches (IRI relative to "
                        "https://w3id.org/partykg/id/ or absolute), or 'ID=new'; repeatable")
    a.add_argument("--dry-run", action="store_true", help="validate and report; write nothing")
    a.set_defaults(func=cmd_accept)


def _check_date(value: str | None, what: str = "--date") -> str | None:
    from partykg.errors import PartykgError

    if value is None:
        return None
    import datetime as dt

    try:
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            raise ValueError
        dt.date.fromisoformat(value)
    except ValueError:
        raise PartykgError(f"{what} {value!r}: expected a date YYYY-MM-DD") from None
    return value


SIDECAR_KEYS = ("url", "publisher", "title", "date", "language", "retrieved")


def read_sidecar(article: Path) -> dict[str, str]:
    """The article's sidecar ARTICLE.json (url, publisher, title, date, language, retrieved),
    or {} when there is none. A sidecar that is not such a JSON object is an error."""
    from partykg.errors import PartykgError

    side = article.with_suffix(".json")
    if side == article or not side.is_file():
        return {}
    try:
        if side.stat().st_size > 1 << 20:
            raise PartykgError(f"{side}: the sidecar is larger than 1 MB")
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise PartykgError(f"{side}: not a readable JSON sidecar ({e})") from None
    if not isinstance(data, dict):
        raise PartykgError(f"{side}: the sidecar must be a JSON object")
    out = {}
    for k in SIDECAR_KEYS:
        v = data.get(k)
        if v is None:
            continue
        if not isinstance(v, str) or not v.strip() or len(v) > 2000:
            raise PartykgError(f"{side}: '{k}' must be a non-empty string")
        out[k] = v.strip()
    return out


def cmd_extract(args: argparse.Namespace) -> int:
    from partykg.ingest.candidates import build, source_stem, write
    from partykg.graph.dataset import find_root
    from partykg.errors import PartykgError
    from partykg.ingest.extract import extract, read_article

    side = read_sidecar(Path(args.article))
    date = _check_date(args.date or side.get("date"), "--date" if args.date else "date")
    retrieved = _check_date(args.retrieved or side.get("retrieved"),
                            "--retrieved" if args.retrieved else "retrieved")
    source_url = args.source_url or side.get("url")
    if source_url and not re.match(r"^https?://\S+$", source_url):
        raise PartykgError(f"--source-url {source_url!r}: expected an http(s) URL")
    publisher = args.publisher or side.get("publisher")
    title = args.title or side.get("title")
    for what, v in (("--publisher", publisher), ("--title", title)):
        if v is not None and (not v.strip() or len(v) > 2000 or re.search(r"[\x00-\x1f]", v)):
            raise PartykgError(f"{what}: expected one line of text")
    lang = args.lang
    if lang == "auto" and side.get("language"):
        lang = side["language"]
        if lang not in ("en", "vi", "fr", "id"):
            raise PartykgError(f"language {lang!r} in the sidecar: expected en, vi, fr or id")
    out = Path(args.out)
    root = None
    try:
        root = Path(args.root).resolve() if args.root else find_root()
    except PartykgError:
        if not args.no_link:
            raise
    if root is not None:
        graph_dir = (Path(root) / "graph").resolve()
        if out.resolve().is_relative_to(graph_dir):
            raise PartykgError(f"--out {out}: candidates must not be written under graph/ "
                               "(every file there is loaded into the graph); write them "
                               "elsewhere and use 'partykg accept'")
    article = Path(args.article)
    text, warnings = read_article(article)
    learned = None
    if args.learned:
        from partykg.ingest.extract.learned.model import default_model
        learned = default_model()  # (a ModelError is a PartykgError: one line, exit 2)
    ex = extract(text, lang, fallback=args.fallback, learned=learned)
    ex.warnings += warnings
    kg = None
    if not args.no_link:
        from partykg.store.embedded import KnowledgeGraph

        kg = KnowledgeGraph.open(args.store) if args.store else KnowledgeGraph.load(
            Path(root), progress=progress(args))
    cs = build(ex, stem=source_stem(article, text, Path(root) if root else None),
               article_file=str(article), source_url=source_url, date=date, kg=kg,
               publisher=publisher, title=title, retrieved=retrieved)
    write(cs, out)
    for w in cs.warnings:
        print(f"partykg: warning: {w}", file=sys.stderr)
    counts = {}
    for d in cs.documents:
        counts[d.link] = counts.get(d.link, 0) + 1
    links = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) if counts else "none"
    planned = sum(1 for r in cs.relations if r.kind == "plannedToReplace")
    print(f"wrote {out}: source/{cs.stem} ({cs.lang}), {len(cs.documents)} documents ({links}), "
          f"{len(cs.relations)} relations" + (f" ({planned} planned)" if planned else "")
          + f", {len(cs.mergers)} mergers")
    print(f"next: partykg review {out}")
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from partykg.ingest.candidates import read, render

    cs = read(Path(args.candidates))
    if args.html:
        from partykg.ingest.review_html import write_html

        out = write_html(cs, Path(args.html))
        print(f"wrote {out}: {len(cs.documents)} documents, {len(cs.relations)} relations")
        return EXIT_OK
    if args.json:
        data = asdict(cs)
        data.pop("text")
        data["source"] = cs.source_iri
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render(cs))
    return EXIT_OK


def cmd_accept(args: argparse.Namespace) -> int:
    from partykg.ingest.accept import accept
    from partykg.errors import PartykgError

    links = {}
    for item in args.link:
        if "=" not in item:
            raise PartykgError(f"--link {item!r}: expected ID=IRI or ID=new")
        k, v = item.split("=", 1)
        links[k.strip()] = v.strip()
    result = accept(Path(args.candidates), root=args.root, only=args.only, links=links,
                    dry_run=args.dry_run)
    print(result.summary())
    return EXIT_OK
