import pytest

from partykg.model import ids


@pytest.mark.parametrize("written, number, type_, issuer, state", [
    ("51-CT/TW", "51", "CT", "TW", False),
    ("209-QD/TW", "209", "QD", "TW", False),
    ("209-QĐ/TW", "209", "QĐ", "TW", False),
    ("01-NQ/ĐUB", "01", "NQ", "ĐUB", False),
    ("07-QĐi/TW", "07", "QĐi", "TW", False),
    ("21- KL/TW", "21", "KL", "TW", False),
    ("05-HD/UBKTTW", "05", "HD", "UBKTTW", False),
    ("396/QĐ-BNG", "396", "QĐ", "BNG", True),
    ("396/QD-BNG", "396", "QD", "BNG", True),
])
def test_parse_code(written, number, type_, issuer, state):
    c = ids.parse_code(written)
    assert (c.number, c.type, c.issuer, c.state) == (number, type_, issuer, state)


def test_state_code_with_year():
    c = ids.parse_code("12/2020/NĐ-CP")
    assert (c.number, c.year, c.type, c.issuer, c.state) == ("12", "2020", "NĐ", "CP", True)
    assert c.text == "12/2020/NĐ-CP"


@pytest.mark.parametrize("bad", ["", "Directive 51", "51", "CT/TW", "51-CT", "x" * 100, "51-CT/TW; DROP"])
def test_parse_code_rejects(bad):
    with pytest.raises(ids.CodeError):
        ids.parse_code(bad)


def test_code_key_folds_d_and_spacing():
    assert ids.code_key("209-QĐ/TW") == ids.code_key("209-QD/TW") == ids.code_key(" 209 - qđ / tw") == "209-QD/TW"
    assert ids.code_key("01-NQ/ĐUB") == "01-NQ/DUB"
    assert ids.code_key("51-CT/TW") != ids.code_key("51-CT/TU")


def test_number_key():
    assert ids.number_key("02") == "2"
    assert ids.number_key("0") == "0"
    assert ids.number_key("12a") == "12a"


def test_document_paths_keep_repeated_numbers_apart():
    a = ids.document_path(code="02-NQ/ĐUB", year=2021)
    b = ids.document_path(code="02-NQ/DUB", year=2023)
    assert a == "doc/dub/nq/2021/2" and b == "doc/dub/nq/2023/2"
    assert ids.document_path(code="51-CT/TW") == "doc/tw/ct/undated/51"
    assert ids.document_path(code="396/QĐ-BNG") == "doc/bng/qd/undated/396"
    assert ids.document_path(number="12", type_slug="kl", issuer_slug="politburo") == \
        "doc/politburo/kl/undated/12"
    assert ids.document_path(type_slug="ct", subject="New Directive on overseas Party work") == \
        "doc/unknown/ct/new-directive-on-overseas-party-work"
    with pytest.raises(ValueError):
        ids.document_path(type_slug="ct")


def test_slug_is_ascii():
    assert ids.slug("Đảng ủy Bộ Ngoại giao") == "dang-uy-bo-ngoai-giao"


# --- one IRI scheme per issuer (issue 14) -------------------------------------------------------

def issuer_scheme_clashes(kg) -> list[str]:
    """Each issuer whose documents' IRIs use more than one ``doc/{issuer}/`` segment: the
    segments of the documents it issues (pk:issuedBy), and its own slug when a document IRI uses
    it while its issued documents use another segment."""
    segments: dict[str, set[str]] = {}
    for r in kg.select("SELECT DISTINCT ?b ?d WHERE { ?d pk:issuedBy ?b }"):
        d = r["d"].value
        if d.startswith(ids.BASE + "doc/"):
            segments.setdefault(r["b"].value, set()).add(d[len(ids.BASE + "doc/"):].split("/")[0])
    used = {r["d"].value[len(ids.BASE + "doc/"):].split("/")[0]
            for r in kg.select("SELECT DISTINCT ?d WHERE { ?d pk:documentType ?t }")
            if r["d"].value.startswith(ids.BASE + "doc/")}
    out = []
    for body, segs in sorted(segments.items()):
        own = body.rstrip("/").rsplit("/", 1)[-1]
        if own in used:
            segs = segs | {own}
        if len(segs) > 1:
            out.append(f"{body}: {sorted(segs)}")
    return out


def test_one_iri_scheme_per_issuer_in_the_built_graph(kg):
    assert issuer_scheme_clashes(kg) == []


def test_the_check_finds_two_schemes_for_one_issuer(kg):
    """The check can fail: the graph plus a Politburo document under its body slug."""
    import pyoxigraph as ox
    from partykg.store.embedded import KnowledgeGraph

    store = ox.Store()
    store.extend(kg.store)
    doc = ox.NamedNode(ids.BASE + "doc/politburo/kl/undated/9999")
    g = ox.NamedNode(ids.BASE + "test")
    store.add(ox.Quad(doc, ox.NamedNode("https://w3id.org/partykg/ontology#issuedBy"),
                      ox.NamedNode(ids.BASE + "body/politburo"), g))
    clashes = issuer_scheme_clashes(KnowledgeGraph(store, None, None))
    assert clashes == ["https://w3id.org/partykg/id/body/politburo: ['politburo', 'tw']"]


@pytest.mark.parametrize("body, segment", [
    ("politburo", "tw"), ("secretariat", "tw"), ("central-committee", "tw"),
    ("mofa-party-committee", "dub"),  # no pk:codeSuffix: the suffix of its documents' codes
    ("central-inspection-commission", "ubkttw"),
])
def test_issuer_segment_is_the_code_suffix_the_issuer_signs_with(kg, body, segment):
    assert ids.issuer_segment(kg, ids.BASE + "body/" + body) == segment


def test_an_issuer_the_graph_knows_no_suffix_of_keeps_its_slug(kg):
    assert ids.issuer_segment(kg, ids.BASE + "body/no-such-body") == "no-such-body"
