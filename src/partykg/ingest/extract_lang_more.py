"""More per-language words of the extractor (issue 12, set LB): kept apart from
:mod:`partykg.ingest.extract_lang` so that helpers editing that module at the same time merge
cleanly. Words only; the rules that read them name no document, body or article.
"""

from __future__ import annotations

# --- a legal database's attribute row: "Số hiệu: 30/2001/QH10 Loại văn bản: Luật" -------------
# The row's label for the document type, then the type word (in the database's language, whatever
# the page's): a code on that line that says no type of its own (a law's NN/YYYY/QHnn) takes it.
DB_TYPE_LABELS: tuple[str, ...] = ("Loại văn bản", "Document type", "Type of document",
                                   "Type de document", "Jenis dokumen")

# --- the Constitution: a document the type scheme has no concept for (its mentions are typed
# unclassified), named by this word alone, with its year before or after ("the 1992
# Constitution", "Hiến pháp năm 2013"); kept, as any unnumbered document, only in a relation.
CONSTITUTION_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("Constitution",), "vi": ("Hiến pháp",), "fr": ("Constitution",),
    "id": ("Undang-Undang Dasar",),
}
# words that may follow the word inside its name: "Constitution of the Socialist Republic of
# Vietnam" (a capitalised name after one of these), "Hiến pháp nước Cộng hòa …"
CONSTITUTION_OF: dict[str, tuple[str, ...]] = {
    "en": ("of the", "of"), "vi": ("nước", "của nước"), "fr": ("de la", "du", "de"),
    "id": ("Negara",),
}
# year markers after the word ("Hiến pháp năm 2013", "la Constitution de 2013")
CONSTITUTION_YEAR_AFTER: dict[str, tuple[str, ...]] = {
    "en": ("of",), "vi": ("năm",), "fr": ("de",), "id": ("Tahun", "tahun"),
}

# --- documents other than laws named by what they amend: "the Resolution of the National
# Assembly amending and supplementing a number of articles of the Constitution …" (the amending
# document's type words, scheme concepts; its issuer may come between the type word and the
# amending words, after one of TITLE_OF)
AMENDING_TITLE_TYPES: tuple[str, ...] = ("resolution",)

# --- laws named by title (titles.py) ------------------------------------------------------------
# words left out of a title's key: articles ("the Law on …", "la loi sur l'organisation …" and
# "la loi portant organisation …" are one law)
TITLE_KEY_SKIP: frozenset[str] = frozenset(("the", "a", "an", "l", "la", "le", "les"))
# words that end a title only before a date ("la loi sur l'organisation du gouvernement" goes on,
# "la loi sur … du 19 juin 2015" ends at "du")
TITLE_DATE_STOPS: dict[str, tuple[str, ...]] = {"fr": ("du",)}
# words whose last part is a type word but which name no document ("pháp luật": the law in
# general, "văn bản quy phạm pháp luật"): inside a title they do not end it ("Luật Ban hành văn
# bản quy phạm pháp luật")
TYPE_WORD_COMPOUNDS: dict[str, tuple[str, ...]] = {
    "vi": ("pháp luật",), "en": (), "fr": (), "id": (),
}
# a language whose type words come before their adjectives: a law named by one or two adjectives
# of these endings right after the type word ("la loi foncière", "la loi électorale", "la loi
# organique"), no opener; not the words of TITLE_ADJECTIVES_NOT (a qualifier, "la nouvelle loi",
# "la loi actuelle", or a verb of those endings, "la loi signale")
TITLE_ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "fr": ("ière", "ier", "ale", "al", "ique", "aire", "elle", "el"),
}
# the word before a year closing a law's title ("la loi foncière de 2013", "la loi sur la terre
# de 2024"): the year goes into the title's key (two laws of one title, told apart by their
# year) and the mention; not the words' only reading ("la loi sur l'organisation de …" goes on)
TITLE_YEAR_WORDS: dict[str, tuple[str, ...]] = {"fr": ("de",)}
TITLE_ADJECTIVES_NOT: dict[str, tuple[str, ...]] = {
    "fr": ("actuelle", "actuel", "nouvelle", "nouvel", "présente", "initiale", "initial",
           "officielle", "officiel", "finale", "final", "signale", "égale", "égal", "publique",
           "unique", "applique", "explique", "indique", "implique", "précise", "particulière",
           "entière", "dernière", "dernier", "premier", "première", "principale", "principal",
           "totale", "global", "globale", "normale", "essentielle", "réelle", "tel", "telle",
           "quel", "quelle", "annuelle", "annuel", "habituel", "habituelle"),
}
# a qualifier between the type word and the title's opener ("la loi actuelle sur …")
TITLE_QUALIFIERS: dict[str, tuple[str, ...]] = {
    "en": (), "vi": (), "fr": ("actuelle", "actuel", "en vigueur"), "id": (),
}
# a comma inside a short title written in sentence case: "Luật Cán bộ, công chức", "Luật Thi đua,
# khen thưởng", "Luật Phòng, chống tham nhũng" (a pair of terms). (most title words before the
# comma, most lower-case words after it); the title must end right after them (punctuation, the
# line's end, a stop word, the next type word), else the comma ends the title ("Luật Đất đai,
# các văn bản hướng dẫn thi hành …")
TITLE_COMMA_PAIR: dict[str, tuple[int, int]] = {"vi": (2, 3)}
# words that never open the part after such a comma (a list or a clause goes on there)
TITLE_COMMA_NOT: dict[str, tuple[str, ...]] = {
    "vi": ("các", "những", "mọi", "một", "hai", "ba", "này", "đó", "nay", "hướng", "quy", "văn",
           "bổ")}  # ("Luật sửa đổi, bổ sung": an amending title, even garbled)
# languages without articles, where a back-reference after an implementing cue is the bare type
# word ("… Chương trình hành động thực hiện nghị quyết, …"; extract/singularref.py)
BARE_REFS: frozenset[str] = frozenset({"vi"})
# ... unless the type word opens a list of kinds of documents owned by the Party at large
# ("thực hiện nghị quyết, chỉ thị của Đảng"): the owners that make such a list generic
GENERIC_OWNERS: dict[str, tuple[str, ...]] = {
    "vi": ("của Đảng", "của cấp trên", "của cấp ủy", "của cấp ủy cấp trên", "của Trung ương")}
# word endings that open a clause after a title written in sentence case (a French present
# participle: "… de l'Assemblée nationale réglementant …"); a word with an elision ("l'enfant")
# or shorter than 7 letters is not one
TITLE_CLAUSE_ENDINGS: dict[str, tuple[str, ...]] = {
    "en": (), "vi": (), "fr": ("ant",), "id": (),
}

# type words after a law's name, never before its title ("the Labor Code on foreign workers"
# is the Labor Code, not a "Code on foreign workers"), lower case
TITLE_HEAD_FINAL: dict[str, tuple[str, ...]] = {"en": ("code",)}
# a lower-case first word of a name written before the type word, by its prefix ("the
# anti-corruption Law": the same law as "the Anti-Corruption Law")
TITLE_BEFORE_LOWER_PREFIXES: dict[str, tuple[str, ...]] = {"en": ("anti-",)}

# --- a plural back-reference after an implementing cue: "Plan No. NN on … the implementation of
# the resolutions of the 6th Plenum" refers to the documents of that type listed before (every
# one of the last list). The cue with its plural determiner (French contracts "de les" to "des").
PLURAL_REF_CUES: dict[str, tuple[str, ...]] = {
    "en": ("to implement the", "implementing the", "on implementing the",
           "the implementation of the", "to implement these", "implementing these"),
    "fr": ("mise en œuvre des", "mise en oeuvre des", "mettre en œuvre les", "mettre en oeuvre les",
           "mettre en œuvre ces", "met en œuvre les", "mettant en œuvre les"),
    "vi": (), "id": (),
}

# --- set LG (issue 12): a plural reference after an implementing cue, with its documents listed
# after it in the same sentence: "the Action Program … to implement the resolutions of the 8th
# Conference …, including: Resolution No. 42 …; Resolution No. 43 …" (extract/includedlist.py).
# The words that open such a list, and the Vietnamese cues with their plural marker ("thực hiện
# các nghị quyết …, gồm: …"; English and French use PLURAL_REF_CUES).
INCLUDED_LIST_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("including", "namely", "which are", "comprising"),
    "fr": ("notamment", "à savoir", "dont"),
    "vi": ("gồm", "bao gồm", "gồm có", "cụ thể là"),
    "id": ("yaitu", "termasuk", "meliputi"),
}
INCLUDED_LIST_CUES: dict[str, tuple[str, ...]] = {
    "vi": ("thực hiện các", "triển khai thực hiện các", "triển khai các", "để thực hiện các"),
}

# --- set LG: a list item that names a part of its document before it ("Thi hành Điều 2 Quyết
# định số A … và Điều 2 Quyết định số B …, <body> hướng dẫn …": B is an item as A is). The part
# words, for the languages extract_cues_int.PART_WORDS leaves without (extract/partitem.py).
ITEM_PART_WORDS: dict[str, tuple[str, ...]] = {
    "vi": ("điều", "khoản", "điểm", "mục", "chương", "phần"),
}

# --- documents named by their plenum (no number): "Nghị quyết Trung ương 5 khóa IX", "Nghị quyết
# Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa XI" (issue 12, Vietnamese relations). A
# Central Committee plenum is named by a head (the Centre, or "the meeting" of it) and the
# plenum's ordinal, then the committee's term; a numbered resolution followed by its plenum's
# name ("Nghị quyết số NN-NQ/TW, ngày …, Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa XI")
# is the document a later reference by that name means. Vietnamese only so far.
# the scheme's concepts a plenum adopts
PLENUM_TYPES: tuple[str, ...] = ("resolution", "conclusion")
# the Centre before the ordinal ("Trung ương 5", "Hội nghị Trung ương 8", "TW 4")
PLENUM_CENTRE: dict[str, tuple[str, ...]] = {
    "vi": ("Hội nghị Trung ương", "Hội nghị Ban Chấp hành Trung ương", "Hội nghị BCH Trung ương",
           "Hội nghị TW", "Hội nghị T.Ư", "Trung ương", "TW", "T.Ư", "TƯ", "T.W"),
}
# the meeting before the ordinal and the committee after it ("Hội nghị lần thứ bảy Ban Chấp
# hành Trung ương Đảng")
PLENUM_MEETING: dict[str, tuple[str, ...]] = {"vi": ("Hội nghị",)}
PLENUM_COMMITTEE: dict[str, tuple[str, ...]] = {
    "vi": ("Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "BCH Trung ương",
           "BCH TW", "BCHTW"),
}
# words before the ordinal ("lần thứ 7", "thứ bảy") and the ordinals written out
PLENUM_ORDINAL_PREFIX: dict[str, tuple[str, ...]] = {"vi": ("lần thứ", "thứ", "lần")}
PLENUM_ORDINAL_WORDS: dict[str, dict[str, int]] = {
    "vi": {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
           "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13,
           "mười bốn": 14, "mười lăm": 15, "mười sáu": 16, "mười bảy": 17, "mười tám": 18},
}
# the committee's term after the name ("khóa XI", "(khoá XII)")
PLENUM_TERM: dict[str, tuple[str, ...]] = {"vi": ("khóa", "khoá", "Khóa", "Khoá")}
# a link between the type word and the plenum ("Nghị quyết của Hội nghị …") and, between a
# numbered resolution and its plenum's name, the date's prefix ("…-NQ/TW, ngày 3/6/2013, …")
PLENUM_LINKS: dict[str, tuple[str, ...]] = {"vi": ("của", "tại")}
PLENUM_DATE_PREFIX: dict[str, tuple[str, ...]] = {"vi": ("ngày",)}

# --- set LF (issue 12): the provisions a document prescribes as a cue's object -------------------
# "guiding the amendment and supplement to a number of provisions on … as prescribed in Circular
# No. …": the provisions' words, then a phrase saying where they are written; the cue's object
# is that document (extract/provisions.py)
PROVISION_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("provisions", "provision", "points", "articles", "clauses", "contents", "regulations"),
    "fr": ("dispositions", "articles", "points"),
}
PROVISION_DETERMINERS: dict[str, tuple[str, ...]] = {
    "en": ("a number of", "some", "certain", "several", "the"),
    "fr": ("certaines", "certains", "plusieurs", "les", "des"),
}
PROVISIONS_IN: dict[str, tuple[str, ...]] = {
    "en": ("as prescribed in", "prescribed in", "as stipulated in", "stipulated in",
           "as provided for in", "provided for in", "as set out in", "set out in"),
    "fr": ("prévues par", "prévues dans", "prévus par", "prévus dans", "stipulées dans",
           "stipulés dans"),
}
# or right after the provisions' word, with no description: "a number of points in the
# Ministry’s Circular No. …", "certains articles du décret …"
PROVISIONS_OF: dict[str, tuple[str, ...]] = {"en": ("in", "of"), "fr": ("de la", "du", "de")}


# --- set LF: a congress's resolution named without its ordinal, and the plan or programme named
# by its purpose (extract/congressref.py). "the congress’s resolution", "the resolution of the
# congress": the congress word after a definite article (CONGRESS_REF_DETS), in a possessive or
# after the type word and TITLE_OF; "the action programme to implement …": a definite lower-case
# plan or programme right before an implementing cue.
CONGRESS_REF_DETS: dict[str, tuple[str, ...]] = {
    "en": ("the", "this", "that"), "fr": ("la", "cette", "le", "ce"),
}
PURPOSE_NAMED_DETS: dict[str, tuple[str, ...]] = {
    "en": ("the",), "fr": ("le", "la", "l'"),
}

# --- set LF: the Party's Charter, a document the type scheme has no concept for (typed
# unclassified), named by these words in any language of the text (a Vietnamese caption in an
# English page); a possessive Party name and a year may come before the charter word
# ("the Communist Party of Vietnam’s 2011 Charter"). One document per text (extract/charter.py).
PARTY_CHARTER_NAMES: tuple[str, ...] = (
    "Party Charter", "Party Statutes", "Party's Charter", "Party's Statutes",
    "Charter of the Communist Party of Vietnam", "Statutes of the Communist Party of Vietnam",
    "Charter of the Party", "Điều lệ Đảng", "Điều lệ Đảng Cộng sản Việt Nam",
    "Statuts du Parti", "Statuts du Parti communiste du Vietnam", "Anggaran Dasar Partai",
)
# a possessive Party name then the charter word ("the Communist Party of Vietnam’s Charter")
PARTY_POSSESSORS: tuple[str, ...] = ("Party", "Communist Party of Vietnam", "Communist Party of Viet Nam", "CPV")
PARTY_CHARTER_WORDS: tuple[str, ...] = ("Charter", "Statutes")

# --- sets K and N: a guidance document whose subject names a part of another document guides it
# ("Instruction NN-HD/… on some contents of Directive No. MM", "Hướng dẫn số NN về một số nội
# dung của Chỉ thị số MM"; extract/guidanceon.py). After the subject preposition
# (extract_lang.SUBJECT_PREPS): an optional quantifier, one of these words, a preposition.
GUIDED_PART_QUANTIFIERS: dict[str, tuple[str, ...]] = {
    "en": ("some", "a number of", "certain", "several"),
    "vi": ("một số", "các", "những"),
    "fr": ("certains", "certaines", "quelques", "un certain nombre de", "plusieurs"),
    "id": ("beberapa", "sejumlah"),
}
GUIDED_PART_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("contents", "content", "issues", "matters", "points", "provisions", "articles",
           "the implementation", "implementation"),
    "vi": ("nội dung", "vấn đề", "điều", "quy định", "điểm"),
    "fr": ("contenus", "points", "dispositions", "questions", "articles", "la mise en œuvre",
           "l'application"),
    "id": ("isi", "hal", "ketentuan", "pasal", "pelaksanaan"),
}
GUIDED_PART_PREPS: dict[str, tuple[str, ...]] = {
    "en": ("of", "in"),
    "vi": ("của", "trong", "tại"),
    "fr": ("de la", "de l'", "du", "des", "de"),
    "id": ("dari", "dalam", ""),
}

# --- sets K and N: an article heading of a document's own text whose title is an amending cue
# ("Article 1. Amendments to some Articles of Decree No. NN", "Điều 1. Sửa đổi, bổ sung một số
# điều của Nghị định số NN"): the header's document amends it (extract/articlehead.py). The
# words that label an article, before its number.
ARTICLE_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("Article",), "vi": ("Điều",), "fr": ("Article",), "id": ("Pasal",),
}

# --- sets K and N: the participles that open a document's own guiding title right after its code
# ("Thông tư B hướng dẫn X", "Circular No. B … guiding Decree X", ", detailing and guiding …"):
# extract/titlechain.py reads a cue opening with one of them as the nearest document's title.
TITLE_GUIDING_WORDS: dict[str, tuple[str, ...]] = {
    "vi": ("hướng dẫn",), "en": ("guiding", "detailing"), "fr": ("guidant", "orientant"),
    "id": (),
}
