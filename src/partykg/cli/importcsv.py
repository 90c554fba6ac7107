"""import: documents and relations from a spreadsheet."""

from __future__ import annotations

import argparse
from pathlib import Path

from partykg.cli.common import EXIT_OK


def register(sub) -> None:
    i = sub.add_parser("import", help="add documents and relations from a CSV spreadsheet",
                       description="Columns: code,type,issuer,date,title,replaces,amends,"
                                   "implements,guides,status,source_url,quote,as_of,lang, and "
                                   "continues,based_on,cites,in_conjunction_with,proposes (see "
                                   "README; header names forgive case, spaces and '-': 'Source "
                                   "URL'). source_url is required on every row that states a "
                                   "fact, quote only where you have one. Issuers, types and "
                                   "statuses are matched as `ask` matches names. The import is "
                                   "kept as graph/imports/STEM-KEY.trig (KEY: a hash of the "
                                   "file's path, so same-named files never overwrite each "
                                   "other); a bad row imports nothing and every bad row is "
                                   "named; importing the same file again changes nothing.")
    i.add_argument("file", metavar="FILE.csv")
    i.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    i.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from partykg.ingest.importer import import_csv

    result = import_csv(Path(args.file), root=args.root, dry_run=args.dry_run)
    print(result.summary())
    return EXIT_OK
