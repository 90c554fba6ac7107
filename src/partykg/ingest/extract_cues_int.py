"""More relation words of the extractor for English, French and Indonesian prose (issue 12,
seventh round): kept apart from :mod:`partykg.ingest.extract_cues` so that helpers editing that
module at the same time merge cleanly. Words only; the rules that read them
(:mod:`partykg.ingest.extract.leadrefs`) name no document, body or article.
"""

from __future__ import annotations

# --- a sentence that opens with an untyped reference to a document: "It replaces …", "The new
# rules replace …", "Ce texte entrera en vigueur … en remplacement de …", "Dokumen ini
# menggantikan …". Nouns (any words may come between them and the relation cue, as after "The
# regulation"), then pronouns (the cue must follow them, with at most the words of
# LEAD_PRONOUN_GAP between). Each refers to the one document the nearest earlier sentence that
# names documents names as its subject (not as the object of a relation).
LEAD_REF_NOUNS: dict[str, tuple[str, ...]] = {
    "en": ("the new rules", "the rules", "the new regulations", "these rules", "these new rules",
           "the document", "the new document", "this document", "the text", "this text",
           "the legal document", "the new legal document", "this legal document"),
    "fr": ("ce texte", "le texte", "le nouveau texte", "ce document", "le document",
           "le nouveau document", "ces nouvelles règles", "les nouvelles règles",
           "les nouvelles dispositions", "ces dispositions"),
    "vi": (),
    "id": ("dokumen ini", "dokumen tersebut", "dokumen baru ini", "aturan baru ini",
           "aturan baru tersebut", "aturan baru", "aturan ini", "aturan tersebut",
           "ketentuan baru ini", "ketentuan baru"),
}
LEAD_REF_PRONOUNS: dict[str, tuple[str, ...]] = {
    "en": ("it",), "fr": ("il", "elle"), "vi": (), "id": ("ia",),
}
# words a pronoun's cue may have before it ("It also replaces …", "Il remplace aussi …")
LEAD_PRONOUN_GAP: dict[str, tuple[str, ...]] = {
    "en": ("also", "officially", "effectively", "thus", "therefore", "will", "also will"),
    "fr": ("donc", "ainsi", "également", "officiellement"),
    "vi": (),
    "id": ("juga", "sekaligus", "secara resmi", "resmi"),
}

# --- "X entrera en vigueur le 20 novembre en remplacement de Y", "X takes effect from July 1,
# 2024, replacing Y": the words by which a document comes into force; a gap between the document
# and a relation cue that opens with one of them (then a date or a short time phrase) is the
# document's own predicate, so the cue is about the document.
IN_FORCE: dict[str, tuple[str, ...]] = {
    "en": ("takes effect", "take effect", "took effect", "will take effect", "shall take effect",
           "comes into force", "came into force", "will come into force", "enters into force",
           "entered into force", "will enter into force", "is effective", "becomes effective",
           "became effective", "will become effective", "goes into effect", "went into effect",
           "will go into effect", "comes into effect", "came into effect", "will come into effect",
           "officially takes effect", "officially took effect"),
    "fr": ("entre en vigueur", "entrera en vigueur", "est entré en vigueur",
           "est entrée en vigueur", "prend effet", "prendra effet", "est applicable",
           "sera applicable", "s'applique"),
    "vi": (),
    "id": ("berlaku", "mulai berlaku", "akan berlaku", "berlaku efektif", "resmi berlaku"),
}

# --- contracted prepositions: a cue that ends with a preposition also ends with its contracted
# forms ("mise en œuvre de" + "le décret" is written "mise en œuvre du décret"; "en remplacement
# des décisions"). Final word -> the forms it also takes.
CUE_CONTRACTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {"de": ("du", "des")},
    "en": {}, "vi": {}, "id": {},
}


def contracted(lang: str, phrases: tuple[str, ...]) -> tuple[str, ...]:
    """``phrases`` and, for each ending on a contractible word, its contracted forms."""
    table = CUE_CONTRACTIONS.get(lang, {})
    out = list(phrases)
    for p in phrases:
        head, _sp, last = p.rpartition(" ")
        for form in table.get(last, ()) if head else ():
            if f"{head} {form}" not in out:
                out.append(f"{head} {form}")
    return tuple(out)


# --- a fronted clause opened by words that are no relation cue elsewhere: "Conformément à la
# conclusion n° NN …, le Comité permanent a publié un plan …" (the plan implements the
# conclusion, as after "Thực hiện X, … ban hành Y"); read at the start of a sentence only.
FRONTED_LEADS: dict[str, tuple[str, ...]] = {
    "en": ("in furtherance of",),
    "fr": ("conformément à", "conformément au", "conformément aux",
           "dans le cadre de la mise en œuvre de", "dans le cadre de la mise en oeuvre de"),
    "vi": (),
    "id": ("menindaklanjuti", "dalam rangka pelaksanaan"),
}

# --- a cue that ends its line on a colon, then enumerated items: "This Decree supersedes:" /
# "a) Decree No. NN …;" / "c) Section 2 Chapter V of Decree No. MM …". Each item's first
# numbered document is the cue's object; an item that opens with one of these words names a part
# of the document, so replacing it amends that document.
PART_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("section", "sections", "article", "articles", "clause", "clauses", "point", "points",
           "chapter", "chapters", "paragraph", "paragraphs", "part", "parts", "item", "items",
           "content", "contents", "provision", "provisions"),
    "fr": ("article", "articles", "section", "chapitre", "clause", "point", "points", "alinéa",
           "paragraphe", "partie", "contenu", "contenus", "disposition", "dispositions"),
    "vi": (),
    "id": ("pasal", "bab", "bagian", "ayat", "butir", "huruf", "isi", "ketentuan"),
}

# --- "Le plan vise à concrétiser et à organiser efficacement la mise en œuvre de X", "The plan
# aims to … implement X": words of purpose that open the gap between a document and an
# implementing cue (then only verbs and adverbs): the cue is the document's purpose.
AIM_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("aims to", "aim to", "is aimed at", "aimed at", "is intended to", "seeks to"),
    "fr": ("vise à", "vise a", "visant à", "a pour objectif de", "a pour but de"),
    "vi": (),
    "id": ("bertujuan untuk", "bertujuan", "dimaksudkan untuk"),
}

# --- "The Government has issued a decree replacing …", "Le gouvernement a publié le 16 novembre
# une résolution sur son programme d'action pour mettre en œuvre …": an unnumbered document
# issued here, named by an issuing verb (extract_lang.ISSUE_VERBS) and an indefinite article
# (extract_lang.INDEFINITES); the words that may open a date between them ("on November 16",
# "le 16 novembre", "pada 16 November").
ISSUED_ON: dict[str, tuple[str, ...]] = {
    "en": ("on",), "fr": ("le",), "vi": (), "id": ("pada",),
}

# --- "guiding the amendments to a number of points in the Finance Ministry's Circular No. NN":
# a part of the document between an amending cue and it (PART_WORDS above, after one of these
# quantifiers, before one of these prepositions) does not stop the cue reaching the document.
PART_QUANTIFIERS: dict[str, tuple[str, ...]] = {
    "en": ("a number of", "some", "certain", "several", "a few"),
    "fr": ("certains", "certaines", "plusieurs", "quelques", "un certain nombre de",
           "un certain nombre d'"),
    "vi": (),
    "id": ("beberapa", "sejumlah"),
}
PART_PREPS: dict[str, tuple[str, ...]] = {
    "en": ("of", "in"), "fr": ("de", "du", "de la", "de l'", "des"), "vi": (), "id": ("dari", "dalam"),
}
# Languages whose genitive needs no preposition: "sejumlah isi Direktif NN", "beberapa pasal
# Peraturan NN" (the part word right before the document).
PART_BARE_GENITIVE: frozenset[str] = frozenset({"id"})

# --- "It replaced X and Conclusion B continued to be implemented": a verb right after a
# coordinated document opens a clause of its own (the document is its subject, no object of the
# cue before). Auxiliaries and verbs of state only, the forms a clause opens with.
CLAUSE_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("is", "was", "are", "were", "has", "have", "had", "will", "shall", "would", "remains",
           "remained", "continues", "continued", "still", "also", "became", "becomes"),
    "fr": ("est", "était", "sont", "étaient", "a été", "ont été", "sera", "reste", "restent",
           "demeure", "continue", "continuent", "devient", "a", "ont", "avait", "avaient"),
    "vi": (),
    "id": ("adalah", "telah", "akan", "tetap", "masih", "menjadi"),
}

# --- "Party committees must implement X and the Action Program … to implement Y": verbs that
# govern the document right after them (filler words between) although no cue or document
# subject makes a relation of them; such a document is an object, never a subject coordinated
# with the relation's subject after it.
GOVERNING_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("implement", "carry out", "execute", "study", "grasp", "disseminate", "review",
           "summarize", "summarise", "follow", "apply", "enforce", "comply with", "abide by"),
    "fr": ("mettre en œuvre", "mettre en oeuvre", "appliquer", "exécuter", "étudier",
           "diffuser", "respecter", "suivre"),
    "vi": (),
    "id": ("melaksanakan", "menerapkan", "mempelajari", "menyosialisasikan", "mematuhi"),
}

# --- review words, in addition to extract_cues.REVIEW_BEFORE (read with them): "Kesimpulan NN
# tentang ringkasan pelaksanaan Resolusi MM" summarises the implementation of MM, it does not
# implement it.
REVIEW_BEFORE_MORE: dict[str, tuple[str, ...]] = {
    "en": ("summary on", "review on", "report on the", "reports on the"),
    "fr": ("rapport sur", "rapport sur la", "synthèse de", "synthèse de la"),
    "vi": (),
    "id": ("ringkasan", "merangkum", "laporan", "laporan tentang", "kajian", "mengkaji"),
}

# --- "… Decree No. NN on invoices, which was amended by Decree No. MM": a passive cue after a
# relative pronoun (extract_lang.RELATIVES) and one of these auxiliaries is about the document
# right before the relative, even the object of an earlier cue.
# a perfective marker that, alone before a passive cue after a document's description, makes
# the cue a reduced relative about that document ("… Nghị quyết B quy định … đã được sửa đổi tại
# Nghị quyết C": B was amended by C)
PERFECT_PASSIVE: dict[str, tuple[str, ...]] = {"vi": ("đã",)}
RELATIVE_AUX: dict[str, tuple[str, ...]] = {
    "en": ("was", "were", "is", "are", "has been", "have been", "had been"),
    "fr": ("a été", "ont été", "avait été", "est", "sont"),
    "vi": (),
    "id": ("telah", "sudah", "pernah"),
}

