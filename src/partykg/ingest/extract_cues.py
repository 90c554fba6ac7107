"""Per-language relation vocabulary for :mod:`partykg.ingest.extract` (generic words only):
the relation cues with their kind, voice and mood, and the words the sentence-following rules
(:mod:`partykg.ingest.extract.follow`, ``backrefs``, ``basis``, ``promulgates``) read.

Same rules as :mod:`partykg.ingest.extract_lang`, which re-exports these names: never a
document number or code, a date, or the name of a particular body or article."""

from __future__ import annotations

from partykg.ingest.extract_cues_int import contracted

# --- relations ----------------------------------------------------------------------------------
# Relation cues by (kind, voice, mood) -> phrases. kind: a pk: property local name (the planned form of "replaces"
# is decided by the mood). voice "active": document-before --kind--> document-after;
# "passive": document-after --kind--> document-before. mood: "plain"; "future" (always a plan:
# "will replace"); "purpose" (a plan when the replacing document has no number: "to replace").
# "{gap}" stands for up to four words (an agent: "đã được Tỉnh ủy cụ thể hóa bằng").

CUE_PHRASES: dict[str, dict[tuple[str, str, str], tuple[str, ...]]] = {
    "en": {
        ("replaces", "active", "plain"): (
            "replaces", "replace", "replacing", "replaced", "supersedes", "superseding",
            "in place of", "in replacement of", "takes the place of", "took the place of",
            "taking the place of"),
        ("replaces", "active", "purpose"): ("to replace",),
        ("replaces", "active", "future"): (
            "will replace", "would replace", "is expected to replace", "is set to replace"),
        ("replaces", "passive", "plain"): (
            "replaced by", "superseded by",
            # the Vietnamese words a legal database's English pages keep in their template
            "đã được thay thế bởi", "được thay thế bởi"),
        ("replaces", "passive", "future"): ("will be replaced by", "will be superseded by",),
        ("amends", "active", "plain"): (
            "amends", "amending", "amend", "to amend", "amending and supplementing",
            "amending, supplementing",
            "amends and supplements", "revises", "revising", "supplementing",
            "on amendments to", "amendments to", "amendments and supplements to",
            "on amending and supplementing", "amending and supplementing some articles of",
            "providing amendments to", "providing amendments and supplements to",
            "amending a number of articles of", "amends a number of articles of",
            "amending and supplementing a number of articles of",
            "amends and supplements a number of articles of", "to amend and supplement",
            "has amended",
            "guiding the amendments to", "guiding amendments to", "guiding the amendment of",
            "guiding the amendment and supplement to", "guides the amendment to",
            "amendments to a number of points in", "amendments to some points in",
            "amending a number of points in", "amending some points in"),
        ("amends", "passive", "plain"): (
            "amended by", "revised by", "amended under", "amended and supplemented under",
            "amended and supplemented by", "supplemented by",
            # "…, which was amended, supplemented in accordance with the Resolution No. NN"
            "amended, supplemented in accordance with",
            "amended and supplemented in accordance with", "amended in accordance with"),
        ("implements", "active", "plain"): (
            "to implement", "implementing", "in implementation of", "implements",
            "for the implementation of", "on the implementation of", "on implementing",
            "for implementing",
            "to carry out", "for materialization of", "for the materialization of",
            "on implementation of", "for executing", "to execute",
            "to organize the implementation of", "organizing the implementation of",
            "to organise the implementation of", "organising the implementation of",
            "on organizing the implementation of", "on organising the implementation of",
            # seventh round (generic forms of en prose)
            "in order to implement", "aimed at implementing", "aiming to implement",
            "to{adv} implement", "to concretize", "concretizing", "to concretise", "concretising",
            "to materialize", "materializing", "to materialise", "materialising",
            "relating to the implementation of", "related to the implementation of",
            "regarding the implementation of", "concerning the implementation of",
            # "a dispatch on … issues arising from (the) implementation of Decree X"
            "arising from implementation of", "arising from the implementation of",
            "arising in the implementation of", "arising during the implementation of",
            # "a directive on the study, dissemination and implementation of …": {nouns}, a
            # short enumeration before the coordinator
            "on the study{nouns} and implementation of", "on the study{nouns} and application of",
            "on studying{nouns} and implementing"),
        ("implements", "passive", "plain"): (
            "implemented by", "implemented through", "concretized by", "concretised by",
            "materialized by", "materialised by"),
        ("guides", "active", "plain"): (
            "guiding", "guides", "to guide", "guiding the implementation of",
            "providing guidance on", "provides guidance on", "provide guidance on",
            "giving guidance on", "providing guidance for", "provides guidance for",
            "provides guidelines for", "providing guidelines for", "provide guidelines for",
            "provides guidelines on", "providing guidelines on",
            "on guidelines for", "on guidelines for the implementation of",
            "providing detailed guidance on", "guiding the enforcement of",
            "guiding a number of articles of", "guides a number of articles of",
            "guiding the implementation of a number of articles of",
            "provides detailed guidance on", "provides detailed guidance for",
            "providing detailed guidance for", "provides instructions on the implementation of",
            "providing instructions on the implementation of",
            "provides instructions for the implementation of",
            "providing instructions for the implementation of"),
        ("guides", "passive", "plain"): ("guided by",),
        ("continues", "active", "plain"): (
            "on continuing to implement", "continuing to implement", "continues to implement",
            "to continue implementing", "to continue to implement",
            "on the continued implementation of", "continuing the implementation of",
            "on continuing the implementation of", "continue to{adv} implement",
            "continuing to{adv} implement", "on further{adv} implementing",
            "to further{adv} implement", "on further promoting the implementation of",
            "further promoting the implementation of", "on continuing to promote the implementation of",
            "continuing to promote the implementation of", "to continue promoting the implementation of",
            "on the continuation of the implementation of", "on continued implementation of",
            # (without the article: "continuing implementation of Resolution of the …")
            "continuing implementation of", "on continuing implementation of",
            "continued implementation of", "the continuation of the implementation of",
            "continuation of the implementation of", "continue implementing",
            "continues the implementation of", "continue the implementation of",
            "continued the implementation of"),
    },
    "vi": {
        ("replaces", "active", "plain"): ("thay thế", "thay cho", "(thay", "(thay thế"),
        ("replaces", "active", "future"): ("sẽ thay thế", "dự kiến thay thế"),
        ("replaces", "active", "purpose"): ("để thay thế", "nhằm thay thế"),
        ("replaces", "passive", "plain"): (
            "được thay thế bằng", "được thay thế bởi", "bị thay thế bởi", "bị thay thế bằng",
            "được thay bằng"),
        ("replaces", "passive", "future"): ("sẽ được thay thế bằng",),
        ("amends", "active", "plain"): (
            "sửa đổi, bổ sung", "sửa đổi bổ sung", "sửa đổi", "bổ sung",
            # an amendment that also repeals some of the articles ("sửa đổi, bổ sung và bãi bỏ
            # một số điều của …")
            "sửa đổi, bổ sung và bãi bỏ", "sửa đổi, bổ sung, bãi bỏ", "sửa đổi và bãi bỏ",
            "sửa đổi, bãi bỏ", "bổ sung, sửa đổi"),
        ("amends", "passive", "plain"): (
            "được sửa đổi, bổ sung bởi", "được sửa đổi, bổ sung bằng", "được sửa đổi bởi",
            "được sửa đổi bằng",
            # the amending document after "theo" / "tại" ("… đã được sửa đổi, bổ sung một số
            # điều theo Luật số …", "… được sửa đổi, bổ sung tại Nghị định số …")
            "được sửa đổi, bổ sung theo", "được sửa đổi, bổ sung tại", "được sửa đổi theo",
            "được sửa đổi tại", "được bổ sung theo", "được bổ sung tại",
            "được sửa đổi, bổ sung một số điều theo", "được sửa đổi, bổ sung một số điều tại",
            "được sửa đổi, bổ sung một số điều bởi", "được sửa đổi, bổ sung một số điều bằng"),
        ("implements", "active", "plain"): (
            "thực hiện", "triển khai thực hiện", "để triển khai thực hiện", "để thực hiện",
            "nhằm thực hiện", "thi hành", "cụ thể hóa", "cụ thể hoá", "thực hiện có hiệu quả",
            "thực hiện tốt", "thực hiện nghiêm", "triển khai thực hiện có hiệu quả",
            "triển khai",
            "tổ chức thực hiện", "tổ chức triển khai thực hiện"),
        ("implements", "passive", "plain"): (
            "được{gap} cụ thể hóa bằng", "được{gap} cụ thể hoá bằng", "được{gap} triển khai bằng",
            "được{gap} triển khai qua", "được{gap} cụ thể hóa qua", "được{gap} cụ thể hoá qua"),
        ("guides", "active", "plain"): ("hướng dẫn", "hướng dẫn thực hiện", "hướng dẫn thi hành",
                                        # ("Thông tư … hướng dẫn chi tiết Nghị định số …")
                                        "hướng dẫn chi tiết", "hướng dẫn chi tiết thi hành",
                                        "hướng dẫn chi tiết thực hiện"),
        ("guides", "passive", "plain"): ("được hướng dẫn bởi",),
        ("continues", "active", "plain"): (
            "tiếp tục thực hiện", "về tiếp tục thực hiện", "tiếp tục triển khai thực hiện",
            "tiếp tục đẩy mạnh thực hiện", "tiếp tục đẩy mạnh việc thực hiện",
            "về tiếp tục đẩy mạnh việc thực hiện", "tiếp tục thực hiện có hiệu quả",
            "về tiếp tục thực hiện có hiệu quả", "tiếp tục thực hiện tốt", "tiếp tục thực hiện nghiêm",
            "tiếp tục lãnh đạo thực hiện", "tiếp tục triển khai thực hiện có hiệu quả",
            "về việc tiếp tục thực hiện",
            # "tiếp tục nghiên cứu, học tập, quán triệt và triển khai thực hiện X": {list}, a
            # list of verbs (words between commas) before the coordinator
            "tiếp tục{list} và triển khai thực hiện", "tiếp tục{list} và thực hiện"),
    },
    "fr": {
        ("replaces", "active", "plain"): (
            "remplace", "remplacent", "qui remplace", "remplaçant", "en remplacement de",
            "se substitue à", "a remplacé", "ont remplacé", "abroge et remplace",
            "est venu remplacer", "est venue remplacer", "vient remplacer"),
        ("replaces", "active", "future"): ("remplacera", "va remplacer", "devrait remplacer", "se substituera à"),
        ("replaces", "active", "purpose"): (
            "pour remplacer", "afin de remplacer", "visant à remplacer", "destinée à remplacer",
            "destiné à remplacer"),
        ("replaces", "passive", "plain"): (
            "remplacé par", "remplacée par", "remplacés par", "remplacées par"),
        ("amends", "active", "plain"): (
            "modifie", "modifiant", "modifiant et complétant", "portant modification de",
            "portant modification du", "amende", "modifie et complète",
            "portant modification et complément de", "portant modification et complément du",
            "modifiant certains articles de", "modifiant et complétant certains articles de",
            "a modifié", "amendant", "portant amendement de"),
        ("amends", "passive", "plain"): ("modifié par", "modifiée par"),
        ("implements", "active", "plain"): (
            "mise en œuvre de", "mise en oeuvre de", "pour la mise en œuvre de",
            "pour la mise en oeuvre de", "mettre en œuvre", "mettre en oeuvre", "met en œuvre",
            "mettant en œuvre", "en application de", "en exécution de",
            "pour mettre en œuvre", "pour mettre en oeuvre", "afin de mettre en œuvre",
            "afin de mettre en oeuvre", "visant à mettre en œuvre", "visant à mettre en oeuvre",
            "de mise en œuvre de", "de mise en oeuvre de", "pour concrétiser", "concrétisant",
            "concrétiser", "sur l'application de", "pour l'application de",
            "relatif à l'application de", "relative à l'application de",
            # (either apostrophe matches: patterns.py)
            "sur l'étude{nouns} et l'application de", "sur l'étude{nouns} et la mise en œuvre de"),
        ("implements", "passive", "plain"): ("mis en œuvre par", "mise en œuvre par",
                                             "mis en oeuvre par", "mise en oeuvre par",
                                             "appliqué par", "appliquée par",
                                             "concrétisé par", "concrétisée par"),
        ("guides", "active", "plain"): (
            "guidant", "guide l'application de", "guide la mise en œuvre de",
            "guidant l'application de", "guidant la mise en œuvre de", "guide l'exécution de",
            "guidant l'exécution de", "détaillant et guidant", "portant guide d'application de",
            # "Décret X détaillant et orientant la mise en œuvre (d'un certain nombre
            # d'articles) de la loi …"
            "orientant la mise en œuvre de", "orientant la mise en oeuvre de",
            "détaillant et orientant la mise en œuvre de",
            "détaillant et orientant la mise en oeuvre de",
            "orientant la mise en œuvre d'un certain nombre d'articles de",
            "détaillant et orientant la mise en œuvre d'un certain nombre d'articles de",
            "guidant la mise en œuvre d'un certain nombre d'articles de",
            "détaillant et guidant la mise en œuvre d'un certain nombre d'articles de"),
        ("continues", "active", "plain"): (
            "poursuite de la mise en œuvre de", "poursuite de la mise en oeuvre de",
            "poursuivre la mise en œuvre de", "continuer à mettre en œuvre",
            "continuer de mettre en œuvre", "poursuite de l'application de",
            "poursuivre l'application de"),
    },
    "id": {
        ("replaces", "active", "plain"): (
            "menggantikan", "mengganti", "yang menggantikan", "sebagai pengganti",
            "telah menggantikan"),
        ("replaces", "active", "future"): ("akan menggantikan", "akan mengganti"),
        ("replaces", "active", "purpose"): (
            "untuk menggantikan", "untuk mengganti", "guna menggantikan"),
        ("replaces", "passive", "plain"): (
            "digantikan oleh", "digantikan dengan", "diganti dengan", "diganti oleh"),
        ("amends", "active", "plain"): ("mengubah", "yang mengubah", "merevisi", "perubahan atas", "merevisi dan melengkapi",
                                        "yang merevisi dan melengkapi", "mengubah dan melengkapi",
                                        "menyesuaikan dan melengkapi", "yang menyesuaikan dan melengkapi",
                                        "mengubah dan menambah", "perubahan dan penambahan atas",
                                        "mengamandemen", "yang mengamandemen"),
        ("amends", "passive", "plain"): ("diubah dengan", "diubah oleh"),
        ("implements", "active", "plain"): (
            "melaksanakan", "untuk melaksanakan", "pelaksanaan", "menerapkan",
            "mengimplementasikan", "implementasi", "dalam rangka melaksanakan",
            "guna melaksanakan", "untuk mengimplementasikan", "untuk menerapkan",
            "mengkonkretkan", "mengonkretkan", "untuk mengkonkretkan", "untuk mengonkretkan"),
        ("implements", "passive", "plain"): (
            "dilaksanakan melalui", "dilaksanakan oleh", "diimplementasikan melalui",
            "diimplementasikan oleh", "dikonkretkan melalui", "dikonkretkan dengan",
            "dikonkretkan oleh"),
        ("guides", "active", "plain"): ("memandu", "memberikan panduan", "panduan pelaksanaan",
                                        "memandu pelaksanaan", "yang memandu pelaksanaan",
                                        "memberikan pedoman"),
        ("continues", "active", "plain"): (
            "melanjutkan pelaksanaan", "tentang melanjutkan pelaksanaan", "terus melaksanakan",
            "kelanjutan pelaksanaan", "terus mendorong pelaksanaan",
            "tentang terus mendorong pelaksanaan", "terus meningkatkan pelaksanaan"),
    },
}
# Vietnamese writes a verb's manner after it, one or more joined by commas or "và" ("thực hiện
# nghiêm túc, hiệu quả X"): the "{vadv}" slot of a cue is one to three of these.
VERB_ADVERBS: dict[str, tuple[str, ...]] = {
    "vi": ("nghiêm túc", "nghiêm", "có hiệu quả", "hiệu quả", "đầy đủ", "kịp thời", "đồng bộ",
           "quyết liệt", "tốt", "thắng lợi", "thành công", "triệt để", "sâu rộng",
           "nghiêm chỉnh", "toàn diện", "có hiệu lực", "hiệu lực", "sáng tạo", "chủ động",
           "tích cực"),
    "en": (), "fr": (), "id": ()}
# Kinds whose active cues may take the verb's manner after them ("thực hiện đầy đủ, hiệu quả X",
# "tiếp tục thực hiện nghiêm túc X"): each such cue also stands with a "{vadv}" slot (one to
# three VERB_ADVERBS) in the languages that have them.
MANNER_KINDS: tuple[str, ...] = ("implements", "continues", "guides")
# The same, one (phrase, kind, voice, mood) per cue, as the extractor reads them.
# (French "mise en œuvre de" also reads "mise en œuvre du/des": extract_cues_int.contracted)
CUES: dict[str, list[tuple[str, str, str, str]]] = {
    lang: [(p, *key) for key, phrases in table.items() for p in contracted(lang, phrases)]
    + [(p + "{vadv}", *key) for key, phrases in table.items() for p in phrases
       if VERB_ADVERBS.get(lang) and key[0] in MANNER_KINDS and key[1] == "active"
       and "{" not in p]
    for lang, table in CUE_PHRASES.items()
}

# --- following the sentence (partykg.ingest.extract.follow) -------------------------------------

# Words that join coordinated objects of one cue ("replaces X, … and Y"): X and Y both.
OBJECT_COORDINATORS: dict[str, tuple[str, ...]] = {
    "en": ("and", "as well as", "and also"), "vi": ("và", "cùng", "cũng như"),
    "fr": ("et", "ainsi que"), "id": ("dan", "serta"),
}
# "Thực hiện X …; chỉ đạo của … tại Công văn số Y …": after a semicolon of a fronted list, a
# lead naming what the next document holds ("the instruction of … in"), ending on one of these.
FRONTED_ITEM_LEADS: dict[str, tuple[str, ...]] = {
    "en": ("in", "set out in"), "vi": ("tại", "nêu tại"), "fr": ("dans",), "id": ("dalam",),
}
# Auxiliaries and verbs that open a clause after a noun phrase: a mention followed by one of
# them is a new clause's subject, not a coordinated object.
CLAUSE_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("was", "were", "is", "are", "has", "have", "had", "will", "would", "shall", "took",
           "takes", "came", "comes", "remains", "remain"),
    "vi": ("được", "đã", "sẽ", "vẫn", "có hiệu lực", "là"),
    "fr": ("est", "sont", "a", "ont", "sera", "seront", "était", "entre", "reste"),
    "id": ("telah", "sudah", "akan", "adalah", "merupakan", "berlaku", "tetap"),
}
# "the previous one", "nghị quyết trước": the document of the same type named before.
# {type} stands for a type word of the language (from the SKOS scheme).
PREVIOUS_REFS: dict[str, tuple[str, ...]] = {
    "en": ("the previous one", "the former one", "the old one", "the previous {type}",
           "the former {type}", "the old {type}", "the earlier {type}", "the earlier one"),
    "vi": ("{type} trước đây", "{type} trước", "{type} cũ"),
    "fr": ("la précédente", "le précédent", "l'ancienne", "l'ancien", "la {type} précédente",
           "le {type} précédent", "l'ancienne {type}", "l'ancien {type}"),
    "id": ("{type} sebelumnya", "{type} lama", "yang sebelumnya", "yang lama"),
}
# A plan to issue a document: a new, unnamed document after one of these is planned, and a
# replacement it makes stays a plan ("agreed to issue a new resolution replacing …").
PLAN_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("agreed to issue", "decided to issue", "will issue", "to issue", "plans to issue",
           "agreed to promulgate", "decided to promulgate", "to promulgate", "to build",
           "to develop", "to draft", "will promulgate", "agreed to develop", "to formulate",
           "the draft", "a draft", "draft", "drafting", "proposed to issue", "proposes to issue",
           "propose to issue", "plans to promulgate", "is expected to issue", "expected to issue",
           "preparing to issue"),
    "vi": ("sẽ ban hành", "đồng ý ban hành", "thống nhất ban hành", "nghiên cứu ban hành",
           "tiến tới ban hành", "xây dựng", "dự kiến ban hành", "chủ trương ban hành",
           "đồng ý xây dựng", "thống nhất xây dựng", "dự thảo"),
    "fr": ("a décidé de publier", "décidé de publier", "publiera", "élaborer", "d'élaborer",
           "de publier", "a convenu de publier", "adoptera", "projet de", "le projet de",
           "propose de publier", "a proposé de publier", "prévoit de publier", "élabore",
           "est en train d'élaborer"),
    "id": ("akan menerbitkan", "sepakat menerbitkan", "memutuskan untuk menerbitkan",
           "menyusun", "akan mengeluarkan", "setuju untuk menerbitkan", "rancangan",
           "mengusulkan untuk menerbitkan", "mengusulkan penerbitan", "berencana menerbitkan",
           "sedang menyusun"),
}
# A document's header: the line giving its subject ("V/v …", "Về việc …"); the line giving its
# number starts with a NUMBER_MARKERS word ("Số: 03-HD/BTCTW").
HEADER_SUBJECT: dict[str, tuple[str, ...]] = {
    "en": ("re:", "re", "subject:", "promulgating", "approving", "on"),
    "vi": ("v/v", "về việc", "v.v", "ban hành", "phê duyệt", "về"),
    "fr": ("objet :", "objet:", "portant", "sur", "relatif à", "relative à"),
    "id": ("perihal:", "perihal", "hal:", "tentang", "menetapkan")}
# A document's preamble: a line opening with these words names a document it is based on.
BASED_ON: dict[str, tuple[str, ...]] = {"en": ("pursuant to",), "vi": ("căn cứ", "căn cứ vào"),
                                        "fr": ("vu", "en vertu de"), "id": ("berdasarkan", "mengingat")}
# "<programme> implementing X (issued in Resolution NN …)": the words opening the bracket.
PROMULGATED_IN: dict[str, tuple[str, ...]] = {
    "en": ("issued in", "issued with", "promulgated in", "promulgated with", "attached to"),
    "vi": ("được ban hành tại", "ban hành tại", "ban hành kèm theo", "kèm theo"),
    "fr": ("publié dans", "annexé à", "adopté par"), "id": ("ditetapkan dalam", "terlampir pada")}
# How adverbs end, for a cue's adverb slot "{adv}" ("continue to resolutely implement").
ADVERB_ENDINGS: dict[str, tuple[str, ...]] = {"en": ("ly",), "fr": ("ment",), "vi": (), "id": ()}
# "Resolution NN promulgating the Government's Program of Action to implement …": the words
# before the programme (or plan) a document promulgates.
PROMULGATES: dict[str, tuple[str, ...]] = {
    "en": ("promulgating", "approving", "issuing", "on", "on the", "on its", "adopting"),
    "vi": ("ban hành", "về việc ban hành", "về", "phê duyệt", "về việc phê duyệt"),
    "fr": ("sur", "portant", "portant approbation", "approuvant", "promulguant"),
    "id": ("yang menyetujui", "menyetujui", "tentang", "yang menetapkan", "yang mengumumkan",
           "mengumumkan")}
# Words that make a demonstrative refer to the text itself when it is a document ("Quyết định
# này" in a decision's own text is that decision).
SELF_REFS: dict[str, tuple[str, ...]] = {
    "en": ("this", "the present"), "vi": ("này",), "fr": ("le présent", "la présente"),
    "id": ("ini",)}

# "on behalf of the Politburo": the body a signatory acts for issues what the sentence says is
# issued ("Tổng Bí thư … thay mặt Bộ Chính trị, ký ban hành Chỉ thị …").
ON_BEHALF: dict[str, tuple[str, ...]] = {
    "en": ("on behalf of the", "on behalf of"), "vi": ("thay mặt",), "fr": ("au nom du", "au nom de"),
    "id": ("atas nama",)}
# "replacing the Regulations on … issued pursuant to Decision NN …": the unnamed content a cue
# points to was issued by the document after these words, which is the cue's object.
ISSUED_BY: dict[str, tuple[str, ...]] = {
    "en": ("issued pursuant to", "issued under", "issued together with", "issued with",
           "issued in", "promulgated under", "promulgated with", "promulgated in",
           "attached to", "issued by"),
    "vi": ("ban hành kèm theo", "được ban hành kèm theo", "ban hành theo", "được ban hành theo",
           "ban hành tại", "được ban hành tại", "kèm theo"),
    "fr": ("publié par", "publiés par", "publiées par", "adopté par", "adoptés par", "annexé à",
           "promulgué par"),
    "id": ("yang ditetapkan dengan", "ditetapkan dengan", "yang ditetapkan dalam",
           "terlampir pada")}
# "sơ kết việc thực hiện Nghị quyết …", "reviewing the implementation of …", "le bilan de la mise
# en œuvre de …": an implements or continues cue right after one of these names what is reviewed,
# and says nothing about what implements it.
REVIEW_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("reviewing", "review of", "reviewed", "to review", "summarizing", "summarising",
           "summary of", "assessing", "assessment of", "evaluating", "evaluation of",
           "results of", "result of", "report on", "reports on", "progress in", "progress of",
           # ("the report on the implementation of X": the cue's "on" is the report's)
           "report", "reports",
           "years of", "year of", "months of"),
    "vi": ("sơ kết", "tổng kết", "đánh giá", "kiểm tra", "giám sát", "kết quả", "tình hình",
           "báo cáo", "rà soát", "sau {n} năm", "qua {n} năm", "sau {n} tháng", "trong"),
    "fr": ("bilan de", "bilan de la", "évaluation de", "évaluation de la", "examen de",
           "examen de la", "résultats de", "résultats de la", "ans de", "années de", "examen",
           "bilan"),
    "id": ("evaluasi", "meninjau", "tinjauan", "hasil", "mengevaluasi", "tahun")}
# "Nghị định … quy định chi tiết thi hành Luật …", "Decree … elaborating on the implementation of
# the Law …": a document that details another's provisions, read like a review word (not one of
# the scored kinds; "detailing and guiding" keeps its guides cue).
DETAIL_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("elaborating", "elaborates", "detailing", "details"),
    "vi": ("quy định chi tiết", "quy định chi tiết việc"),
    "fr": ("détaillant", "précisant les modalités de"),
    "id": ("merinci", "mengatur lebih lanjut")}
# Filler between a review word and the cue ("sơ kết việc thực hiện", "reviewing the …").
# "{n}" in these two tables stands for a number ("sau 8 năm thực hiện …").
REVIEW_FILLER: dict[str, tuple[str, ...]] = {
    "en": ("the", "of the", "five-year", "10-year", "the five-year", "the 10-year"),
    "vi": ("việc", "{n} năm", "{n} tháng", "kết quả", "quá trình"),
    "fr": ("la", "de la", "quinquennal de la", "quinquennal de", "décennal de la",
           "annuel de la"), "id": ("pelaksanaan",)}
# "Thực hiện X …, Ban Thường vụ … xây dựng kế hoạch thực hiện như sau": verbs by which a body
# draws up the document the text is (besides the issuing verbs of extract_lang.ISSUE_VERBS).
DRAW_UP_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("develops", "developed", "draws up", "drew up", "formulates", "formulated",
           "sets out", "set out"),
    "vi": ("xây dựng", "đề ra", "xây dựng và ban hành"),
    "fr": ("élabore", "a élaboré", "établit", "a établi"),
    "id": ("menyusun", "telah menyusun")}
# Agreement without issuing: an unnamed new document after one of these in its sentence (or in
# the line announcing a list of such documents, ending with ":") is planned, not issued
# ("They agreed to release a new resolution replacing …", "cơ bản đồng ý … ban hành 2 quy định
# mới là:").
PLAN_AGREE: dict[str, tuple[str, ...]] = {
    "en": ("agreed", "agree", "approved in principle", "decided", "will", "proposed"),
    "vi": ("đồng ý", "thống nhất", "nhất trí", "sẽ", "đề xuất", "tham mưu"),
    "fr": ("a convenu", "ont convenu", "convenu", "a décidé", "ont décidé", "a approuvé",
           "sera", "va"),
    "id": ("sepakat", "menyetujui", "memutuskan", "akan", "mengusulkan")}
# "… hướng dẫn công tác tuyên truyền … như sau:": the words that end the sentence by which a text
# introduces itself (the text is the document that sentence names).
AS_FOLLOWS: dict[str, tuple[str, ...]] = {
    "en": ("as follows", "following"), "vi": ("như sau", "cụ thể như sau", "sau đây"),
    "fr": ("comme suit", "suivant", "suivante", "suivantes"),
    "id": ("sebagai berikut", "berikut")}
# Issuing verbs too general to say a document was issued when an unnumbered type word follows
# ("các cấp ủy có kế hoạch thực hiện …": have a plan, not issued one).
BARE_VERBS: dict[str, tuple[str, ...]] = {"en": ("has", "have", "had"), "vi": ("có",),
                                          "fr": (), "id": ()}

# An effect-history table of a legal database page ("Lịch sử hiệu lực: Nghị định NN" / "Ngày
# Trạng thái Văn bản nguồn …" / "01/02/2016 Bị thay thế NN/2015/NĐ-CP"): the heading words, and
# the row statuses that say the row's source document stands in a relation to the heading's
# document (kind, always source --kind--> heading document). Other statuses (issued, in force,
# expired, repealed) say nothing the gold format scores.
EFFECT_HISTORY: dict[str, tuple[str, ...]] = {
    "vi": ("lịch sử hiệu lực",), "en": ("effect history", "validity history"),
    "fr": (), "id": ()}
EFFECT_STATUSES: dict[str, dict[str, str]] = {
    "vi": {"bị thay thế": "replaces", "được thay thế": "replaces", "được bổ sung": "amends",
           "được sửa đổi": "amends", "bị sửa đổi": "amends", "được sửa đổi, bổ sung": "amends",
           "được sửa đổi bổ sung": "amends", "bị sửa đổi, bổ sung": "amends",
           "bị sửa đổi bổ sung": "amends", "được hướng dẫn": "guides",
           # replaced in part: a part of the document changed, an amendment (a whole
           # replacement is "bị thay thế")
           "bị thay thế 1 phần": "amends", "bị thay thế một phần": "amends",
           "được thay thế 1 phần": "amends", "được thay thế một phần": "amends"},
    "en": {"replaced": "replaces", "replaced by": "replaces", "amended": "amends",
           "amended by": "amends", "supplemented": "amends", "amended and supplemented": "amends",
           "guided": "guides", "guided by": "guides"},
    "fr": {}, "id": {}}

# A passive auxiliary right before an active cue makes it passive without its agent ("Được bổ
# sung 06/2015/TT-BCT" in a table row: the row's document was amended by the one after it; the
# document before the cue amends nothing): such a cue gives no active relation.
PASSIVE_AUX: dict[str, tuple[str, ...]] = {"vi": ("được", "bị", "đã được", "đã bị"),
                                           "en": (), "fr": (), "id": ()}

# --- a document's own clause before its cue (issue 12, Vietnamese relations) --------------------
# "Kế hoạch số NN do Ban Thường vụ Tỉnh ủy vừa ban hành về việc học tập, quán triệt và triển khai
# thực hiện X", "Kế hoạch số NN vừa được … ban hành nhằm triển khai thực hiện X", "… nhằm cụ thể
# hóa và tổ chức thực hiện X": between a document and the cue, its date, who issued it, and a
# purpose opener with a list of verbs are still the document's own clause
# (partykg.ingest.extract.ownclause). OWN_AGENT opens the issuer ("do <body>", "được <body>"),
# OWN_ISSUED closes it, OWN_TENSE may come before either, OWN_DATE opens a date, OWN_PURPOSE opens
# the purpose, OWN_VERB_JOIN joins the verbs of its list.
OWN_AGENT: dict[str, tuple[str, ...]] = {"vi": ("do", "được")}
OWN_ISSUED: dict[str, tuple[str, ...]] = {"vi": ("ban hành", "ký ban hành", "phê duyệt")}
OWN_TENSE: dict[str, tuple[str, ...]] = {"vi": ("vừa", "đã", "mới", "vừa mới", "đã được", "vừa được")}
OWN_DATE: dict[str, tuple[str, ...]] = {"vi": ("ngày",)}
OWN_PURPOSE: dict[str, tuple[str, ...]] = {
    "vi": ("về việc", "về", "nhằm", "để", "với mục đích", "nhằm mục đích", "với mục tiêu")}
OWN_VERB_JOIN: dict[str, tuple[str, ...]] = {"vi": ("và",)}

# --- a bare type word as a cue's object (issue 12, Vietnamese relations) -----------------------
# "Tỉnh ủy ban hành Kế hoạch số NN thực hiện Chỉ thị." : a capitalised type word alone right after
# a cue, then the end of the clause (punctuation, the end of the text, or one of these words),
# refers back to the one document of that type the text named just before
# (partykg.ingest.extract.bareobject).
BARE_OBJECT_ENDS: dict[str, tuple[str, ...]] = {
    "vi": ("và", "nhằm", "để", "trong", "trên", "tại", "đến", "tới", "theo"),
}

# --- a draft named by its type word (issue 12, Vietnamese relations) ---------------------------
# "Lấy ý kiến Dự thảo (lần 1) Thông tư thay thế Thông tư liên tịch số …": a type word right after
# one of these (a bracketed note such as "(lần 1)" between them) and right before a relation cue
# names the draft, a planned new document (partykg.ingest.extract.draft); its replacement stays a
# plan (PLAN_BEFORE holds the same words).
# ("the draft Plan to implement …", "the Draft Resolution replacing …": the same in other
# languages, capitalised or not)
DRAFT_WORDS: dict[str, tuple[str, ...]] = {"vi": ("dự thảo",), "en": ("draft",),
                                           "fr": ("projet de", "avant-projet de"),
                                           "id": ("rancangan",)}
# "Theo tinh thần Công văn, để triển khai thực hiện X, Thủ tướng yêu cầu …": a purpose after the
# comma that closes a sentence-opening phrase of one of these belongs to the main clause, not to
# the document in that phrase (partykg.ingest.extract.ownclause).
OPENING_PREPS: dict[str, tuple[str, ...]] = {"vi": ("theo", "căn cứ", "tại", "trong", "qua")}
PURPOSE_OPENERS: dict[str, tuple[str, ...]] = {"vi": ("để", "nhằm")}
# Bodies named by their task: a cue right after the head ("thành viên Ban Chỉ đạo thực hiện
# Nghị quyết số NN", "Tổ công tác triển khai …") is the body's name, not a document's relation
# (a purpose after it, "kiện toàn Ban Chỉ đạo để thực hiện …", is the clause's).
TASK_BODY_HEADS: dict[str, tuple[str, ...]] = {
    "vi": ("Ban Chỉ đạo", "Ban chỉ đạo", "Tổ công tác", "Tổ giúp việc", "Tổ chỉ đạo",
           "Tiểu ban chỉ đạo", "Đoàn công tác", "Đoàn kiểm tra", "Đoàn giám sát")}

# --- a slug without a year (issue 12) -------------------------------------------------------------
# "nghi-quyet-so-18-nq-tw": a code with no year whose abbreviation both Party and state codes use
# (NQ, QĐ …) is read as a Party code when its issuer ends as a Party committee's abbreviation
# does (Trung ương, ủy: "TW", "BTGTW", "TU", "HU", "ĐU"), else as a state one ("18-nq-cp")
# (partykg.ingest.extract.codes.normal_code).
PARTY_ISSUER_ENDS: tuple[str, ...] = ("TW", "U", "UK")

# --- a participle cue (issue 12, en/fr relations) ------------------------------------------------
# How a cue's first word ends when it is a participle ("replacing", "remplaçant"): right after its
# subject, the verb after its last object is the subject's ("Decree X replacing A and B takes
# effect …"), so it does not end the list of objects (partykg.ingest.extract.follow).
PARTICIPLE_ENDINGS: dict[str, tuple[str, ...]] = {"en": ("ing",), "fr": ("ant",)}

# --- a document on drawing up a plan (issue 12, en/fr/id relations) ------------------------------
# "Official Dispatch No. NN on developing an Action Plan to implement X": the plan is still to be
# drawn up (by others), so the document does not implement X as one promulgating the plan would
# (partykg.ingest.extract.promulgates; Vietnamese "về việc xây dựng …" is in PLAN_BEFORE).
DRAWING_UP: dict[str, tuple[str, ...]] = {
    "en": ("developing", "building", "formulating", "drawing up", "elaborating", "drafting"),
    "fr": ("élaboration", "l'élaboration", "élaborer", "d'élaborer"),
    "id": ("penyusunan", "menyusun", "pembuatan")}

# --- a document on drawing up a plan (issue 12, en/fr/id relations) ------------------------------
# "Official Dispatch No. NN on developing an Action Plan to implement X": the plan is still to be
# drawn up (by others): the cue is the plan's and the document promulgates none
# (partykg.ingest.extract.drawnup; Vietnamese "về việc xây dựng …" is a PLAN_BEFORE word).
DRAWING_UP: dict[str, tuple[str, ...]] = {
    "en": ("developing", "formulating", "drawing up", "elaborating", "drafting"),
    "fr": ("élaboration", "l'élaboration", "élaborer", "d'élaborer"),
    "id": ("penyusunan", "menyusun")}

# --- a provision amended with no agent (issue 12, en/fr/id relations) ----------------------------
# "Clause 1, Article 6 of Circular No. NN is amended as follows": the text's amending document
# (its header's, or the one amending document named before) amends NN
# (partykg.ingest.extract.agentless); an agent word right after the verb names another agent.
AGENTLESS_AMENDED: dict[str, tuple[str, ...]] = {
    "en": ("is amended", "are amended", "is supplemented", "are supplemented",
           "is amended and supplemented", "are amended and supplemented", "shall be amended",
           "shall be amended and supplemented", "is hereby amended", "are hereby amended"),
    "fr": ("est modifié", "est modifiée", "sont modifiés", "sont modifiées", "est complété",
           "est complétée", "est modifié et complété", "est modifiée et complétée",
           "sont modifiés et complétés"),
    "id": ("diubah", "diubah dan ditambah", "diubah dan dilengkapi", "direvisi")}
AGENT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("by", "under", "in"), "fr": ("par",), "id": ("dengan", "oleh", "dalam")}

# --- a fronted purpose whose object is a pronoun (issue 12, en/fr/id relations) -------------------
# "To implement it, the National Assembly adopted Resolution No. Y": "it" is the numbered document
# of the sentence before, which Y implements (partykg.ingest.extract.frontedpronoun).
FRONTED_PRONOUN_LEADS: dict[str, tuple[str, ...]] = {
    "en": ("to implement it", "to implement this", "to implement them", "to implement these",
           "in order to implement it", "implementing it", "to concretize it", "to carry it out",
           "to realize it", "to materialize it"),
    "fr": ("pour la mettre en œuvre", "pour le mettre en œuvre", "pour les mettre en œuvre",
           "afin de la mettre en œuvre", "afin de le mettre en œuvre", "pour la concrétiser",
           "pour le concrétiser", "pour l'appliquer", "pour la mettre en oeuvre",
           "pour le mettre en oeuvre"),
    "id": ("untuk melaksanakannya", "dalam rangka melaksanakannya", "guna melaksanakannya",
           "untuk mengimplementasikannya", "untuk menerapkannya")}

# --- a passive with a time phrase before its agent (issue 12, en/fr/id relations) ----------------
# "Decree A was replaced on January 1, 2023 by Decree B" (partykg.ingest.extract.passivewhen):
# the participles and their kinds, and the words that open the time phrase.
PASSIVE_WHEN: dict[str, dict[str, str]] = {
    "en": {"replaced": "replaces", "superseded": "replaces", "amended": "amends",
           "supplemented": "amends", "amended and supplemented": "amends"},
    "fr": {"remplacé": "replaces", "remplacée": "replaces", "remplacés": "replaces",
           "remplacées": "replaces", "modifié": "amends", "modifiée": "amends",
           "modifiés": "amends", "modifiées": "amends"},
    "id": {"digantikan": "replaces", "diganti": "replaces", "diubah": "amends"}}
PASSIVE_WHEN_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("on", "in", "from", "since", "as of", "as from", "effective"),
    "fr": ("le", "en", "depuis", "à compter du", "au"),
    "id": ("pada", "sejak", "mulai", "per")}
