"""The ontology's HTML documentation renders with pyLODE 3.3.4 (offline) and documents every
class and property; scripts/ontology_docs writes it where asked."""
from __future__ import annotations

import re
import subprocess

import pytest
import rdflib
from rdflib import OWL, RDF

from conftest import ROOT

pylode = pytest.importorskip("pylode")

ONTOLOGY = ROOT / "ontology" / "partykg.ttl"
PK = "https://w3id.org/partykg/ontology#"


@pytest.fixture(scope="module")
def html(tmp_path_factory) -> str:
    dest = tmp_path_factory.mktemp("docs") / "index.html"
    pylode.OntPub(ontology=ONTOLOGY).make_html(destination=dest)
    return dest.read_text(encoding="utf-8")


def test_pylode_version():
    assert pylode.__version__ == "3.3.4"


def test_documentation_names_classes_and_properties(html):
    for word in ("partykg ontology", "Directive", "Chỉ thị", "replaces", "thay thế",
                 "eli:repeals", "https://w3id.org/partykg/ontology/0.1.0"):
        assert word in html, word


def test_every_term_has_a_section(html):
    g = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    terms = {str(s)[len(PK):] for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                                          OWL.AnnotationProperty)
             for s in g.subjects(RDF.type, t) if str(s).startswith(PK)}
    # pyLODE makes fragment ids from the English label, without spaces, case as written
    ids = {i.lower() for i in re.findall(r'id="([^"]+)"', html)}
    missing = {t for t in terms if t.lower() not in ids}
    assert not missing, f"no section for {sorted(missing)}"


def test_script_writes_the_documentation(tmp_path):
    out = tmp_path / "ontology" / "index.html"
    r = subprocess.run(["bash", str(ROOT / "scripts" / "ontology_docs"), str(out)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert out.is_file()
    text = out.read_text(encoding="utf-8")
    assert "Directive" in text and "replaces" in text
