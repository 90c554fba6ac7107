"""Reading, linking and accepting candidates import the extractor's codes, data classes and text
helpers, not its rules (issue 13: `partykg accept` starts about 0.2 s sooner); the rules are
still what the package exports."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_accept_does_not_import_the_extraction_rules():
    code = ("import sys, partykg.ingest.accept, partykg.ingest.candidates\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('partykg.ingest.extract.'))))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert p.returncode == 0, p.stderr
    loaded = set(p.stdout.split())
    assert "partykg.ingest.extract.codes" in loaded
    assert not loaded & {f"partykg.ingest.extract.{m}" for m in
                         ("mentions", "relations", "group", "bodies", "follow")}, loaded


def test_the_package_still_exports_the_rules():
    import partykg.ingest.extract as ex
    from partykg.ingest.extract import extract, find_bodies, find_mentions, find_mergers, \
        find_relations
    from partykg.ingest.extract.bodies import find_bodies as fb
    from partykg.ingest.extract.group import extract as ge
    from partykg.ingest.extract.mentions import find_mentions as fm
    from partykg.ingest.extract.relations import find_mergers as fmg, find_relations as fr

    assert (extract, find_bodies, find_mentions, find_mergers, find_relations) == (ge, fb, fm, fmg, fr)
    assert all(hasattr(ex, name) for name in ex.__all__)
    try:
        ex.no_such_name
    except AttributeError:
        pass
    else:
        raise AssertionError("an unknown name must raise AttributeError")
