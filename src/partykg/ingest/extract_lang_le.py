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
