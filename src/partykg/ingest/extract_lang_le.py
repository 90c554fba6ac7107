"""Per-language words and type keys of the rules for Vietnamese unnumbered documents written
against set LE (issue 12): kept apart from :mod:`partykg.ingest.extract_lang` so that helpers
editing that module at the same time merge cleanly. Words and the scheme's type keys only; the
rules that read them name no document, body or article.
"""

from __future__ import annotations

# --- documents that issue another one attached to them --------------------------------------
# "Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện X": a decision issues a plan or
# programme attached to it; the plan is a document of its own and it (not the decision) is what
# implements X. (A Government resolution "về Chương trình hành động … thực hiện X" carries its
# programme: there the resolution implements X, :mod:`partykg.ingest.extract.promulgates`.)
ATTACHING_TYPES: tuple[str, ...] = ("decision",)

# --- a line that cannot end its sentence ------------------------------------------------------
# A line ending on one of these words (a verb or preposition that takes an object) goes on in the
# next line even when that one opens with a capital: "Ban hành kèm theo Quyết định này Kế hoạch
# thực hiện" / "Chương trình phát triển …". Words of every language the splitter meets (it runs
# before the language is known); lower case, matched as the line's last words.
LINE_GOES_ON: tuple[str, ...] = ("thực hiện", "triển khai", "của", "về", "theo", "tại",
                                 "kèm theo", "thay thế", "sửa đổi, bổ sung", "hướng dẫn")

# --- programmes named by their title ----------------------------------------------------------
# "Chương trình phát triển công tác xã hội giai đoạn 2021 - 2030", "CHƯƠNG TRÌNH PHÁT TRIỂN CÔNG
# TÁC XÃ HỘI TRÊN ĐỊA BÀN …": a national (or provincial) programme named by its title after the
# bare type word. The scheme's types named so; the words that end a title (with punctuation, a
# number and its marker, a relation cue and the next type word; "số" alone is a word of a
# title, "chuyển đổi số"); the first words that make the type word a
# common noun or a generic work programme ("chương trình công tác năm …", "chương trình này");
# the fewest words a title has.
NAMED_PROGRAMME_TYPES: tuple[str, ...] = ("programme",)
PROGRAMME_TITLE_STOPS: dict[str, tuple[str, ...]] = {
    "vi": ("trên địa bàn", "giai đoạn", "thời kỳ", "đến năm", "năm", "của", "tại", "theo", "và",
           "ngày", "đã", "được", "có", "là", "để", "nhằm", "với", "cho", "trong", "khóa",
           "khoá", "ban hành", "do", "như", "thì", "sẽ", "đang", "về"),
}
PROGRAMME_TITLE_NOT: dict[str, tuple[str, ...]] = {
    "vi": ("công tác", "làm việc", "này", "đó", "trên", "nói", "kiểm tra", "giám sát",
           "phối hợp", "toàn khóa", "toàn khoá", "học", "đào tạo", "nghệ thuật", "truyền hình",
           "văn nghệ", "hội nghị", "kỳ họp", "họp", "nghị sự", "tổng thể", "hợp tác", "giao lưu"),
}
PROGRAMME_TITLE_MIN_WORDS = 3

# --- a plan's purpose in the next sentence -----------------------------------------------------
# "Kế hoạch do … ký ban hành, …. Với mục đích tổ chức cụ thể hóa … và thực hiện … của Nghị quyết
# số NN": a sentence opening with one of these states the purpose of the plan or programme that
# opens the sentence before it. The types that may be that subject: CONTENT_TYPES.
PURPOSE_LEADS: dict[str, tuple[str, ...]] = {
    "vi": ("với mục đích", "mục đích", "nhằm mục đích"),
}
CONTENT_TYPES: tuple[str, ...] = ("plan", "programme")
PURPOSE_REACH = 100  # characters from the cue to the first document it points to

# --- counted references ----------------------------------------------------------------------
# A number word (or a numeral) before a type word counts several documents ("Bốn chương trình
# hành động", "4 chương trình phát triển …"): no one document's name.
COUNT_WORDS: dict[str, tuple[str, ...]] = {
    "vi": ("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "một số", "nhiều",
           "mấy", "hàng loạt"),
}
