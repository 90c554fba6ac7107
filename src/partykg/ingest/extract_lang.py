"""Per-language vocabulary for :mod:`partykg.ingest.extract`: generic words only.

What is here: document type names and their code abbreviations, number markers, month names,
the words that introduce a date, an issuer or a subject, the verbs that say a body issued a
document, relation cues (replace, amend, implement, guide, continue, merge) with their voice and
whether they announce a plan, the names of the Party's national organs (Politburo, Secretariat,
Central Committee and its commissions: the domain's fixed institutional vocabulary, like the type
names), the head nouns from which other body names are recognised ("Party Committee of …",
"Đảng ủy …", "Comité du Parti …", "Komite Partai …"), and stop words for language detection.

What must never be here: a document number or code, a date, or the name of a particular
ministry, province, committee or article. ``tests/test_extract.py`` scans this module for the
numbers and codes of the seed articles and fails if one appears.

Matching is case-insensitive unless noted; Vietnamese is matched after NFC normalisation.
"""

from __future__ import annotations

LANGS = ("en", "vi", "fr", "id")

# --- document types -----------------------------------------------------------------------------
# The type words themselves ("Nghị quyết", "Directive", "règlement", "Peraturan" …) are the
# labels of the SKOS scheme ontology/doctypes.ttl, read by partykg.ingest.extract.typewords.

# Plural surface forms: a list of numbers after them ("Resolutions 901, 902") names several
# documents. (Vietnamese and Indonesian mark the plural with a word before the type.)
PLURAL_MARKERS: dict[str, tuple[str, ...]] = {
    "en": (), "fr": (), "vi": ("các", "những"), "id": ("berbagai", "sejumlah"),
}

# Code abbreviations and their spellings, the abbreviation used in IRIs (docs/model.md:
# doc/{issuer}/{type}/…) and the official spelling of each (with Đ) are the skos:notation and
# language-less skos:altLabel of ontology/doctypes.ttl: ABBREVIATIONS, TYPE_SLUG and
# CANONICAL_ABBREVIATION below are read from it (module __getattr__, at first use).
_FROM_SCHEME = {"ABBREVIATIONS": "abbreviations", "TYPE_SLUG": "type_slugs",
                "CANONICAL_ABBREVIATION": "canonical_abbreviations"}


def __getattr__(name: str):
    if name in _FROM_SCHEME:
        from partykg.ingest.extract import typewords
        value = getattr(typewords, _FROM_SCHEME[name])()
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Types whose documents may share a code abbreviation, hence a number series: a short mention
# of one may name a document of the other ("Regulation 901" for a QĐ decision).
COMPATIBLE_TYPES: dict[str, frozenset[str]] = {
    "regulation": frozenset({"regulation", "decision"}),
    "decision": frozenset({"regulation", "decision"}),
}

# --- numbers and dates --------------------------------------------------------------------------

NUMBER_MARKERS: dict[str, tuple[str, ...]] = {
    "en": ("no.", "nos.", "no", "number"),
    "vi": ("số", "số hiệu"),
    "fr": ("n°", "nº", "no", "n o", "n °", "numéro"),  # "n °": a machine translation's spacing
    "id": ("no.", "nomor", "nr."),
}

MONTHS: dict[str, dict[str, int]] = {
    "en": {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
           "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
           "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
           "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12},
    "fr": {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5,
           "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
           "novembre": 11, "décembre": 12, "decembre": 12},
    "id": {"januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
           "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11,
           "desember": 12},
    "vi": {},
}

# Words that introduce a document's date right after its name.
DATE_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": ("dated", "issued on", "signed on", "of", "on"),
    "vi": ("ban hành ngày", "ngày"),
    "fr": ("en date du", "daté du", "datée du", "du"),
    "id": ("pada tanggal", "tanggal", "tertanggal"),
}

# Words that introduce only a year after a document's name ("instruksi nomor 3 tahun 2011").
YEAR_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": ("of", "in"), "vi": ("năm",), "fr": ("de",), "id": ("tahun",),
}

# Sentence openers giving a date ("On March 3, …", "Ngày 15-8-2024, …", "In 2024, …").
DATE_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("on", "in"),
    "vi": ("ngày", "năm", "trong năm", "vào ngày"),
    "fr": ("le", "en", "au"),
    "id": ("pada tanggal", "pada", "tanggal", "pada tahun", "tahun"),
}

# A document's term after its name ("khóa XII", "12th term", "(masa jabatan XIII)", "ke-13").
TERM_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("term", "terms"), "fr": ("terme", "termes", "mandat"), "vi": ("khóa", "khoá", "nhiệm kỳ"),
    "id": ("masa jabatan", "periode", "angkatan"),
}
# Relative pronouns opening a clause about the noun before them.
RELATIVES: dict[str, tuple[str, ...]] = {
    "en": ("that", "which", "who"), "fr": ("qui", "que"), "vi": ("mà", "là", "được"),
    "id": ("yang",),
}
# Words announcing examples of a generic plural ("Resolutions of the Politburo such as …").
SUCH_AS: dict[str, tuple[str, ...]] = {
    "en": ("such as", "including", "like"), "vi": ("như", "gồm", "bao gồm"),
    "fr": ("tels que", "telles que", "comme", "notamment"), "id": ("seperti", "termasuk", "antara lain"),
}
# Indefinite articles ("issued a new directive").
INDEFINITES: dict[str, tuple[str, ...]] = {
    "en": ("a", "an"), "fr": ("une", "un"), "vi": ("một",), "id": ("sebuah",),
}

# --- issuers, subjects, issuing verbs -----------------------------------------------------------

ISSUER_PREPS: dict[str, tuple[str, ...]] = {
    "en": ("issued by the", "issued by", "by the", "of the", "of"),
    "vi": ("của",),
    "fr": ("du", "de la", "de l'", "des", "émis par le", "émise par le", "par le"),
    "id": ("dari", "oleh"),
}

SUBJECT_PREPS: dict[str, tuple[str, ...]] = {
    "en": ("on", "regarding", "concerning", "entitled", "titled"),
    "vi": ("về việc", "về", "V/v", "v/v"),
    "fr": ("portant sur", "relatif à", "relative à", "concernant", "sur"),
    "id": ("tentang", "mengenai", "perihal"),
}
# Verbs by which a document states its subject right after its mention ("Nghị định số NN quy định
# về …", "Decision NN stipulating …"): read as a subject's lead only after a mention and its
# date and issuer (not as the prepositions above, which other rules read too).
SUBJECT_VERBS: dict[str, tuple[str, ...]] = {
    "vi": ("quy định về việc", "quy định về", "quy định"),
    "en": ("stipulating", "prescribing", "providing for"),
    "fr": ("portant",),
    "id": ("mengatur",),
}

# Issue verbs that also mean "to have": before a lower-case plan ("có kế hoạch thực hiện …",
# planning to carry something out) they issue nothing.
HAVE_VERBS: dict[str, tuple[str, ...]] = {"en": ("has", "have"), "vi": ("có",), "fr": (), "id": ()}
ISSUE_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("issued", "has issued", "had issued", "promulgated", "promulgates", "has promulgated", "adopted",
           "has adopted", "signed", "released", "has released", "signed and issued", "signed off",
           "has signed off",
           "signed into issuance"),
    "vi": ("ban hành", "đã ban hành", "vừa ban hành", "sẽ ban hành", "ký ban hành", "có",
           "đã ký ban hành", "thông qua", "đã thông qua"),
    "fr": ("a publié", "a adopté", "a promulgué", "a émis", "publie", "adopte", "promulgue",
           "a signé", "publié", "promulgué", "adopté", "signé et publié", "émis"),
    "id": ("menerbitkan", "mengeluarkan", "mengesahkan", "telah menerbitkan",
           "telah mengeluarkan"),
}

# "new" next to a type word: an unnumbered (often planned) document.
NEW_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("new",), "fr": ("nouvelle", "nouveau", "nouvel"), "vi": (), "id": (),
}
NEW_AFTER: dict[str, tuple[str, ...]] = {
    "en": (), "fr": ("nouvelle", "nouveau"), "vi": ("mới",), "id": ("baru",),
}
# Determiners before a capitalised type word naming one document ("the Resolution of …").
DETERMINERS: dict[str, tuple[str, ...]] = {
    "en": ("the", "this", "that", "its", "their"),
    "fr": ("la", "le", "l'", "l’", "cette", "ce", "son", "sa", "leur"),
    "vi": (),
    "id": (),
}
# Demonstratives before a type word, in any case ("this directive", "Le présent règlement",
# "Cette résolution").
DEMONSTRATIVES_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("this", "the present", "the said", "said"),
    "fr": ("cette", "ce", "cet", "le présent", "la présente", "ledit", "ladite"),
    "vi": (),
    "id": (),
}
# Demonstratives after a type word ("Chỉ thị này", "Instruksi ini").
DEMONSTRATIVES_AFTER: dict[str, tuple[str, ...]] = {
    "en": (), "fr": (), "vi": ("này", "nói trên", "trên", "nêu trên", "kể trên", "trên đây", "vừa nêu"),
    "id": ("ini", "tersebut"),
}

# Words that may stand between a relation cue and its object ("replaces the provisions of …",
# "thay thế một số điều của …").
FILLER_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("the", "a", "an", "of", "its", "their", "implementation", "provisions", "some",
           "certain", "articles", "article"),
    "fr": ("la", "le", "les", "l", "de", "du", "des", "d", "certaines", "dispositions"),
    "vi": ("một", "số", "điều", "của", "các", "những", "việc", "nghiêm", "nội", "dung", "toàn",
           "bộ", "quy", "định", "khoản"),  # ("một số quy định/khoản của": some provisions of)
    "id": ("seluruh", "beberapa", "pasal", "dari", "atas"),
}
# A list announced after a colon ("thay thế các văn bản sau: A; B", "replaces the following
# documents: A, B"): these words before the colon.
LIST_INTRO: dict[str, tuple[str, ...]] = {
    "en": ("following", "as follows"), "vi": ("sau", "sau đây"),
    "fr": ("suivants", "suivantes", "suivant", "suivante"), "id": ("berikut", "sebagai berikut"),
}

# Words that end a subject phrase or separate clauses.
CLAUSE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("that", "which", "who", "so that", "in order to", "in conjunction with",
           "together with", "along with", "as well as", "while", "whereas", "and the",
           "and to", "and continue", "to replace", "to implement"),
    "vi": ("để", "nhằm", "đồng thời", "kết hợp với", "gắn với", "cùng với", "thì", "mà",
           "đã được", "đã", "được", "sẽ", "và các", "trong đó", "cũng", "vẫn", "đều",
           "luôn", "đang"),
    "fr": ("qui", "que", "afin de", "pour", "en conjonction avec", "ainsi que", "et la",
           "et le", "et l'", "tandis que", "plus adaptée", "plus adapté"),
    "id": ("yang", "untuk", "guna", "agar", "bersama dengan", "serta", "dan", "sehingga"),
}

# Between a document and a relation cue: words that coordinate rather than attach (the cue then
# belongs to someone else's action).
COORDINATORS: dict[str, tuple[str, ...]] = {
    "en": ("in conjunction with", "together with", "along with", "as well as", "in line with",
           "in accordance with", "according to", "and", "or", "while"),
    "vi": ("kết hợp với", "gắn với", "cùng với", "đồng thời", "và", "hoặc", "theo"),
    "fr": ("en conjonction avec", "ainsi que", "conformément à", "et", "ou"),
    "id": ("bersama dengan", "sesuai dengan", "serta", "dan", "atau"),
}

# Prepositions that introduce the document deciding a merger ("under Regulation …").
UNDER_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("under", "pursuant to", "according to", "in accordance with", "by"),
    "vi": ("theo", "căn cứ"),
    "fr": ("en vertu du", "en vertu de la", "en vertu de", "conformément au",
           "conformément à la", "par"),
    "id": ("berdasarkan", "sesuai dengan", "menurut", "melalui"),
}

# Merger cues. "into" words make the body after them the resulting body; "with" words pair two
# bodies (the second is the result when the first follows "of"); "and" words list merged bodies.
MERGE_CUES: dict[str, tuple[str, ...]] = {
    "en": ("merging", "merger", "merged", "merge", "merges", "amalgamation", "amalgamating"),
    "vi": ("sáp nhập", "hợp nhất"),
    "fr": ("fusion", "fusionner", "fusionné", "fusionnée", "fusionnant"),
    "id": ("bergabung", "penggabungan", "menggabungkan", "digabungkan", "digabung", "melebur",
           "peleburan"),
}
MERGE_INTO: dict[str, tuple[str, ...]] = {
    "en": ("into",), "vi": ("vào",), "fr": ("dans", "au sein du", "au sein de"),
    "id": ("ke dalam", "ke"),
}
MERGE_WITH: dict[str, tuple[str, ...]] = {
    "en": ("with",), "vi": ("với",), "fr": ("avec",), "id": ("dengan",),
}
MERGE_AND: dict[str, tuple[str, ...]] = {
    "en": ("and",), "vi": ("và",), "fr": ("et", "et du", "et de la"), "id": ("dan",),
}

# --- bodies -------------------------------------------------------------------------------------
# The Party's national organs, by key: English name, ontology class, and names per language.
# (Generic institutional vocabulary, needed to recognise issuers; see the module docstring.)

NATIONAL_BODIES: dict[str, dict[str, object]] = {
    "politburo": {"en_name": "Politburo", "class": "Politburo", "names": {
        "en": ("Politburo", "Political Bureau"), "vi": ("Bộ Chính trị",),
        "fr": ("Bureau politique", "Politburo"), "id": ("Politbiro", "Polit Biro", "Biro Politik")}},
    "secretariat": {"en_name": "Secretariat", "class": "Secretariat", "names": {
        "en": ("Secretariat", "Party Central Committee's Secretariat", "Central Party Secretariat",
               "Secretariat of the Party Central Committee",
               "Secretariat of the Central Committee"),
        "vi": ("Ban Bí thư", "Ban Bí thư Trung ương Đảng", "Ban Bí thư Trung ương"),
        "fr": ("Secrétariat", "Secrétariat du Comité central", "Secrétariat central du Parti"),
        "id": ("Sekretariat", "Sekretariat Komite Sentral")}},
    "central-committee": {"en_name": "Party Central Committee", "class": "CentralCommittee",
                          "names": {
        "en": ("Party Central Committee", "Central Committee", "Central Party Committee",
               "Central Committee of the Communist Party of Vietnam",
               "Central Committee of the Communist Party"),
        # ("Trung ương" alone is not a body: it ends many bodies' names, "Ban Chỉ đạo Trung ương")
        "vi": ("Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Trung ương Đảng"),
        "fr": ("Comité central du Parti", "Comité central", "Comité exécutif central du Parti",
               "Comité exécutif central"),
        "id": ("Komite Sentral Partai", "Komite Sentral", "Komite Pusat Partai", "KS PKV")}},
    "central-organisation-commission": {
        "en_name": "Central Organisation Commission", "class": "CentralOrganisationCommission",
        "names": {
            "en": ("Central Organization Commission", "Central Organisation Commission",
                   "Central Organizing Committee", "Central Organising Committee",
                   "Central Organization Committee", "Party Central Committee's Organization Commission"),
            "vi": ("Ban Tổ chức Trung ương",),
            "fr": ("Commission centrale d'organisation", "Comité central d'organisation",
                   "Commission d'organisation du Comité central"),
            "id": ("Komite Organisasi Pusat", "Komisi Organisasi Pusat",
                   "Komisi Organisasi Sentral")}},
    "central-inspection-commission": {
        "en_name": "Central Inspection Commission", "class": "CentralInspectionCommission",
        "names": {
            "en": ("Central Inspection Commission", "Central Inspection Committee",
                   "Party Central Inspection Commission"),
            "vi": ("Ủy ban Kiểm tra Trung ương", "Uỷ ban Kiểm tra Trung ương",
                   "Ủy ban kiểm tra Trung ương", "Uỷ ban kiểm tra Trung ương"),
            "fr": ("Commission centrale d'inspection", "Comité central d'inspection"),
            "id": ("Komisi Inspeksi Pusat", "Komite Inspeksi Pusat", "Komisi Inspeksi Sentral")}},
    "central-internal-affairs-commission": {
        "en_name": "Central Internal Affairs Commission",
        "class": "CentralInternalAffairsCommission",
        "names": {
            "en": ("Central Internal Affairs Commission", "Central Internal Affairs Committee"),
            "vi": ("Ban Nội chính Trung ương",),
            "fr": ("Commission centrale des affaires intérieures",),
            "id": ("Komisi Urusan Dalam Negeri Pusat", "Komite Urusan Dalam Negeri Pusat")}},
    "central-propaganda-commission": {
        "en_name": "Central Propaganda and Education Commission", "class": "CentralCommission",
        "names": {
            "en": ("Central Propaganda and Education Commission", "Central Propaganda Department",
                   "Central Propaganda and Mass Mobilisation Commission",
                   "Central Propaganda and Mass Mobilization Commission"),
            "vi": ("Ban Tuyên giáo Trung ương", "Ban Tuyên giáo và Dân vận Trung ương"),
            "fr": ("Commission centrale de propagande et d'éducation",),
            "id": ("Komisi Propaganda dan Pendidikan Pusat",)}},
    "central-mass-mobilisation-commission": {
        "en_name": "Central Mass Mobilisation Commission", "class": "CentralCommission",
        "names": {
            "en": ("Central Mass Mobilization Commission", "Central Mass Mobilisation Commission"),
            "vi": ("Ban Dân vận Trung ương",),
            "fr": ("Commission centrale de mobilisation des masses",),
            "id": ("Komisi Mobilisasi Massa Pusat",)}},
    "central-economic-commission": {
        "en_name": "Central Economic Commission", "class": "CentralCommission",
        "names": {
            "en": ("Central Economic Commission",), "vi": ("Ban Kinh tế Trung ương",),
            "fr": ("Commission économique centrale",), "id": ("Komisi Ekonomi Pusat",)}},
    "central-external-relations-commission": {
        "en_name": "Central External Relations Commission", "class": "CentralCommission",
        "names": {
            "en": ("Central External Relations Commission", "Central Foreign Relations Commission"),
            "vi": ("Ban Đối ngoại Trung ương",),
            "fr": ("Commission centrale des relations extérieures",),
            "id": ("Komisi Hubungan Luar Negeri Pusat",)}},
    "central-party-office": {
        "en_name": "Office of the Party Central Committee", "class": "PartyOffice",
        "names": {
            "en": ("Office of the Party Central Committee", "Party Central Committee's Office",
                   "Central Party Office"),
            "vi": ("Văn phòng Trung ương Đảng",),
            "fr": ("Bureau du Comité central du Parti",),
            "id": ("Kantor Komite Sentral Partai",)}},
    "government": {"en_name": "Government", "class": "Government", "names": {
        "en": ("Government", "Government of Vietnam"), "vi": ("Chính phủ",), "fr": ("Gouvernement",),
        "id": ("Pemerintah",)}},
    "national-assembly": {"en_name": "National Assembly", "class": "StateBody", "names": {
        "en": ("National Assembly",), "vi": ("Quốc hội",), "fr": ("Assemblée nationale",),
        "id": ("Majelis Nasional",)}},
}

# The session of a body at which a document was adopted, between a mention and its issuer
# ("Nghị quyết số NN ngày … (của) Hội nghị lần thứ sáu Ban Chấp hành Trung ương …", "Resolution
# No. NN of the sixth plenum of the 12th Party Central Committee", "du 6e plénum du Comité central",
# "Sidang Pleno ke-6 Komite Sentral"): the body is the mention's issuer. Each word may take an
# ordinal before (en, fr) or after it (vi "lần thứ sáu", "Trung ương 6"; id "ke-6").
MEETING_WORDS: dict[str, tuple[str, ...]] = {
    "vi": ("Hội nghị",),
    "en": ("plenum", "plenary session", "plenary meeting", "session", "meeting", "conference"),
    "fr": ("plénum", "session plénière", "réunion plénière", "conférence", "session", "réunion"),
    "id": ("Sidang Pleno", "Pleno", "Sidang", "Konferensi"),
}

# Head nouns of other bodies (Party committees of ministries, provinces, blocs; their standing
# and inspection committees; ministries). A body name is a head plus what specifies it.
BODY_HEADS: dict[str, tuple[str, ...]] = {
    "en": ("Party Committee", "Party Executive Committee", "Executive Committee",
           "Standing Committee", "Standing Board", "Inspection Committee", "Inspection Commission",
           "Steering Committee", "Party Personnel Committee", "Party Delegation",
           "People's Committee", "Party Cell", "Party Organization", "Party Organisation",
           "Committee", "Commission", "Ministry", "Office", "Union", "Front", "Department",
           "Board", "Prime Minister", "People's Council", "Council"),
    "vi": ("Ban Thường vụ", "Ban Chấp hành", "Ban cán sự đảng", "Đảng đoàn", "Đảng ủy",
           "Đảng uỷ", "Đảng bộ", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Huyện ủy",
           "Huyện uỷ", "Quận ủy", "Quận uỷ", "Ủy ban", "Uỷ ban", "Ban Chỉ đạo", "Văn phòng",
           "Bộ", "Ban", "Thủ tướng", "Hội đồng",
           # capitalised and abbreviated spellings ("Tỉnh Ủy Thừa Thiên Huế", "UBND tỉnh", "HĐND
           # tỉnh Gia Lai", "BTV Tỉnh ủy": Ủy ban nhân dân, Hội đồng nhân dân, Ban Thường vụ)
           "Tỉnh Ủy", "Thành Ủy", "Huyện Ủy", "Quận Ủy", "UBND", "HĐND", "BTV", "BCH",
           # the Central Military Commission, the Youth Union's provincial and city committees
           "Quân ủy", "Quân uỷ", "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn"),
    "fr": ("Comité", "Commission", "Bureau", "Ministère", "ministère", "Secrétariat",
           "Délégation", "Conseil", "Office", "Département"),
    "id": ("Komite", "Komisi", "Kementerian", "Badan", "Dewan", "Kantor", "Delegasi",
           "Departemen"),
}

# Lower-case words of the level of a body before its name ("the provincial Party Committee", "the
# municipal People's Committee"): part of the name.
BODY_LEVELS: dict[str, tuple[str, ...]] = {
    "en": ("provincial", "municipal", "district", "city", "commune", "ward", "town"),
    "vi": (), "fr": (), "id": (),
}

# Words that name a document without saying its type ("văn bản số 4912/UBND-NC", "document
# No. 2617/BKHDT-CLPT"): before a number marker and a state letter's code (NUMBER/ISSUER-UNIT,
# no type abbreviation) they name an official letter (partykg.ingest.extract.letters).
GENERIC_DOCUMENT_WORDS: dict[str, tuple[str, ...]] = {
    "vi": ("văn bản",), "en": ("document", "documents", "dispatch", "letter"),
    "fr": ("document", "documents", "lettre"), "id": ("dokumen", "surat"),
}

# Heads naming an office: the capitalised words after them are its holder's name ("Prime
# Minister Pham …"), not part of the body's name.
OFFICE_HEADS: dict[str, tuple[str, ...]] = {
    "en": ("Prime Minister",), "fr": (), "vi": (), "id": (),
}

# Words allowed inside a body name besides capitalised words (connectors, and for French the
# lower-case nouns of ministry names).
BODY_CONNECTORS: dict[str, tuple[str, ...]] = {
    "en": ("of", "the", "and", "for", "of the", "'s"),
    "fr": ("du", "de", "des", "d'", "d’", "la", "l'", "l’", "à", "au", "aux"),
    "vi": (),
    "id": (),
}
# Vietnamese body names run over lower-case syllables ("Bộ Ngoại giao", "Đảng bộ Khối các cơ
# quan tỉnh"); they end at these words (or punctuation, digits, a type word).
VI_BODY_STOP: tuple[str, ...] = (
    "về", "vào", "theo", "của", "đã", "được", "bị", "sẽ", "đang", "vừa", "ngày", "số", "và",
    "với", "để", "nhằm", "tại", "trong", "là", "có", "cho", "từ", "đến", "khi", "sau", "trước",
    "ban hành", "thực hiện", "triển khai", "tổ chức", "yêu cầu", "chỉ đạo", "quyết định",
    "đề xuất", "chủ trì", "giới thiệu", "thông qua", "quán triệt", "lãnh đạo", "phối hợp",
    "cũng", "đồng thời", "thì", "mà", "nhưng", "năm", "tháng", "kiểm tra", "giám sát",
    "hướng dẫn", "sơ kết", "tổng kết", "họp", "ký", "trình", "nhấn mạnh", "cho biết",
    "khẳng định", "đánh giá", "tiếp tục", "này", "đó", "trên", "dưới", "nhiệm kỳ", "khóa",
    "khoá", "lần", "vẫn", "luôn", "không", "chưa", "cần", "phải", "nên", "cùng", "thay mặt",
    "do", "gồm", "nêu", "đồng chí", "phù hợp", "gắn với",
)
# English/French/Indonesian words that end a body name when they follow it.
BODY_STOP: dict[str, tuple[str, ...]] = {
    "en": ("Term", "Session", "Conference", "Congress", "Plenum", "Resolution", "Directive",
           "Regulation", "Decision", "Conclusion", "Notice", "Guidance", "Plan", "Program",
           "Programme", "Project", "Report", "No", "In", "On", "The", "This", "It", "He",
           "She", "They", "We"),
    "fr": ("Terme", "Termes", "Résolution", "Directive", "Règlement", "Décision", "Conclusion",
           "Avis", "Plan", "Programme", "Le", "La", "Les", "Il", "Elle", "En"),
    "id": ("Resolusi", "Instruksi", "Arahan", "Peraturan", "Keputusan", "Kesimpulan",
           "Panduan", "Rencana", "Program", "No", "Nomor", "Masa", "Periode"),
    "vi": (),
}

# --- sentences and language detection -----------------------------------------------------------

# Tokens ending in a period that do not end a sentence.
ABBREVIATIONS_WITH_PERIOD: tuple[str, ...] = (
    "no", "nos", "nr", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "art", "p", "pp",
    "tp", "ts", "ths", "pgs", "gs", "ông", "bà", "mt", "m", "mme", "mlle", "jl", "h", "hj",
    "vol", "ed", "fig", "dll", "dsb", "u.s", "e.g", "i.e",
)

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is for on with that by as at from this are was be has have "
                    "its which will an it were been their also".split()),
    "vi": frozenset("của và các là được trong những cho với đã về này có không một để người "
                    "đến từ theo khi thì tại nhiều cũng như sẽ đồng chí".split()),
    "fr": frozenset("le la les des du et est une un dans pour sur que qui au aux avec par sont "
                    "ce cette il elle ont été plus".split()),
    "id": frozenset("yang dan di dengan untuk dalam ini itu dari pada tidak tentang akan juga "
                    "oleh sebagai adalah telah bahwa ke para serta".split()),
}

# Relation cues and the sentence-following vocabulary live in extract_cues (one job per file).
from partykg.ingest.extract_cues import (  # noqa: E402,F401
    CUE_PHRASES, CUES, OBJECT_COORDINATORS, CLAUSE_VERBS, PREVIOUS_REFS, PLAN_BEFORE,
    HEADER_SUBJECT, BASED_ON, PROMULGATED_IN, ADVERB_ENDINGS, PROMULGATES, SELF_REFS,
    ON_BEHALF, ISSUED_BY, REVIEW_BEFORE, REVIEW_FILLER, DETAIL_BEFORE, DRAW_UP_VERBS,
    PLAN_AGREE, AS_FOLLOWS, BARE_VERBS)

# A number followed by these is a quantity, not a document's number ("Kế hoạch 5 năm").
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("year", "years", "month", "months", "day", "days", "percent", "per cent"),
    "vi": ("năm", "tháng", "ngày", "phần trăm"),
    "fr": ("an", "ans", "année", "années", "mois", "jours", "pour cent"),
    "id": ("tahun", "bulan", "hari", "persen")}

# --- documents named by their congress (no number) -------------------------------------------
# "Nghị quyết Đại hội XIV của Đảng", "the Resolution of the 13th National Party Congress",
# "Résolution du 13e Congrès national du Parti", "Resolusi Kongres ke-13": a resolution named by
# its congress and the congress's ordinal. The congress word, the words that link the type word
# to it, written ordinals, and the words that make the congress a local one (a provincial or
# other Party organisation's, not the national congress of the same ordinal).
CONGRESS_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("Congress",), "fr": ("Congrès", "Congres"), "vi": ("Đại hội", "đại hội", "ĐH"),
    "id": ("Kongres",),
}
CONGRESS_LINKS: dict[str, tuple[str, ...]] = {
    "en": ("of", "adopted at", "adopted by", "issued at", "passed at", "approved at", "of the"),
    "fr": ("du", "adoptée au", "adoptée par le", "adoptée lors du", "issue du"),
    "vi": ("của", "tại"),
    "id": ("dari", "hasil"),
}
ORDINAL_WORDS: dict[str, dict[str, int]] = {
    "en": {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
           "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10},
    "fr": {"premier": 1, "première": 1},
    "vi": {"nhất": 1},
    "id": {"pertama": 1},
}
CONGRESS_LOCAL: dict[str, tuple[str, ...]] = {
    "en": ("provincial", "municipal", "district", "city"),
    "fr": ("provincial", "provinciale", "municipal", "municipale", "district"),
    "vi": ("đảng bộ",),
    "id": ("provinsi", "kota", "kabupaten"),
}
# the words before an ordinal ("lần thứ XI", "ke-13") and the word that makes "10th Party
# Resolution" a congress's
ORDINAL_PREFIX: dict[str, tuple[str, ...]] = {
    "en": (), "fr": (), "vi": ("lần thứ",), "id": ("ke-", "ke"),
}
CONGRESS_PARTY: dict[str, tuple[str, ...]] = {
    "en": ("Party", "National Party"), "fr": (), "vi": (), "id": (),
}

# --- documents named by their title (no number): laws -------------------------------------------
# "the Law on Promulgation of Legal Documents", "Luật Ban hành văn bản quy phạm pháp luật", "the
# Ordinance on Storm and Flood Prevention and Fighting": a
# state document type without abbreviation whose title follows the type word; TITLE_OPENERS
# start a title (en: "Law on …"; vi: any word but TITLE_NOT, which make the type word a common
# noun: "luật sư", a lawyer); TITLE_AMENDING open the title of an amending law, whose object
# (the law it amends) follows TITLE_OF; TITLE_STOPS end a title (with punctuation, a number
# marker, a date prefix and the next type word).
TITLE_TYPES: tuple[str, ...] = ("law", "ordinance")
TITLE_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("on",), "vi": (), "fr": ("sur", "relative à", "relatif à", "portant sur", "portant",
                                    "actuelle sur"),
    "id": ("tentang",),
}
# English also writes a law's name before the type word ("the Land Law", "the 2013 Enterprise
# Law"): capitalised words after one of TITLE_BEFORE_OPENERS (or a year), none of them in
# TITLE_BEFORE_NOT (bodies and words that describe, not name)
TITLE_BEFORE_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("the", "amended", "revised", "new", "draft", "current", "existing", "of", "and",
           "to", "under"),
    "vi": (), "fr": (), "id": (),
}
TITLE_BEFORE_NOT: dict[str, tuple[str, ...]] = {
    "en": ("The", "This", "That", "A", "An", "Amended", "Revised", "New", "Draft", "Party",
           "National", "Assembly", "Government", "State", "Central", "Vietnam", "Vietnamese",
           "Viet", "Nam", "International", "Current", "Existing", "Common", "Model"),
    "vi": (), "fr": (), "id": (),
}
TITLE_NOT: dict[str, tuple[str, ...]] = {
    # ("các Luật liên quan đến …": the laws relating to a field, no title; set LG)
    "en": (), "vi": ("sư", "pháp", "lệ", "gia", "chơi", "rừng", "liên"), "fr": (), "id": (),
}
TITLE_AMENDING: dict[str, tuple[str, ...]] = {
    "en": ("amending and supplementing a number of articles",
           "amending and supplementing several articles", "amending and supplementing",
           "on amendments and supplements to a number of articles",
           "on amendments, supplements to a number of articles",
           "on amendments to some articles of", "on amendments to a number of articles of",
           "on amendments to", "on amendments", "amending",
           "on the amendments and supplements to", "on the amendments to",
           "on amending and supplementing a number of articles",
           "on amending and supplementing some articles", "on amending and supplementing"),
    "vi": ("sửa đổi, bổ sung một số điều", "sửa đổi, bổ sung", "sửa đổi bổ sung một số điều",
           "sửa đổi"),
    "fr": ("modifiant et complétant certains articles",
           "modifiant et complétant un certain nombre d'articles",
           "modifiant et complétant un certain nombre d’articles",
           "modifiant et complétant plusieurs articles", "modifiant et complétant",
           "portant modification de", "modifiant",
           # (VNA's French: "la loi sur l'amendement et le complément de certains articles de la
           # loi sur …", "la loi d'amendement et de complètement de certains articles de …")
           "sur l'amendement et le complément de certains articles",
           "sur l’amendement et le complément de certains articles",
           "d'amendement et de complètement de certains articles",
           "d’amendement et de complètement de certains articles",
           "d'amendement et de complément de certains articles"),
    "id": ("tentang perubahan atas", "perubahan atas"),
}
TITLE_OF: dict[str, tuple[str, ...]] = {
    "en": ("of the", "to the", "of", "to"), "vi": ("của các", "của"),
    "fr": ("de la", "du", "de"), "id": (),
}
# in a title written in title case, the lower-case words that do not end it (none: the
# language writes titles in sentence case, no case rule)
TITLE_CONNECTORS: dict[str, tuple[str, ...]] = {
    "en": ("of", "and", "on", "for", "the", "to", "a", "an", "in"), "vi": (),
    "fr": (), "id": ("dan", "atas"),  # Vietnamese and French titles are in sentence case
}
TITLE_STOPS: dict[str, tuple[str, ...]] = {
    "en": ("dated", "no", "number", "and the", "which", "that", "in", "at", "by", "from",
           "with", "under", "was", "is", "has", "had", "will", "shall", "adopted", "passed",
           "issued", "as", "to", "of the law"),
    "vi": ("số", "ngày", "năm", "và", "đã", "được", "có", "là", "thì", "tại", "theo", "để",
           "của", "khóa", "khoá", "hiện hành", "quy định", "với"),
    "fr": ("n°", "no", "et la", "et le", "et de la", "et de l'", "et de l’", "et du", "et des",
           "qui", "adoptée", "en date", "réglementant",
           "régissant", "stipulant", "prévoyant"),
    "id": ("nomor", "no", "tahun", "dan", "yang"),
}
