"""Vietnamese typed without its diacritics (URL slugs, search snippets) is read as Vietnamese;
English and Indonesian text that names Vietnamese places without diacritics is not."""
import pytest

from partykg.ingest.extract.sentences import _folded_vietnamese, detect_language


@pytest.mark.parametrize("text", [
    "tai ve thong tu 12 2020 tt bnv huong dan nghi dinh 30",
    "quyet dinh so 7 2019 qd ubnd cua tinh ve viec ban hanh quy dinh",
    "cong van 45 bgddt huong dan thuc hien nghi dinh",   # "dan" is an Indonesian stop word
])
def test_unaccented_vietnamese(text):
    assert detect_language(text) == "vi"


@pytest.mark.parametrize("text,lang", [
    ("The provincial Party Committee of Dong Nai met in Bien Hoa on 3 May.", "en"),
    ("Ho Chi Minh City issued the plan on 5 May 2024.", "en"),
    ("Komite Partai Provinsi Quang Tri dan Dong Nai menggelar rapat.", "id"),
    ("Le comité du Parti de Ha Tinh a publié le plan.", "fr"),
])
def test_other_languages_naming_vietnamese_places(text, lang):
    assert detect_language(text) == lang


def test_the_folded_words_are_data_and_never_another_languages_word():
    words = _folded_vietnamese()
    assert {"quyet", "dinh", "huong", "thong"} <= words
    # words another language uses are left out, and so are words of one or two letters
    assert not words & {"dan", "the", "so", "dari", "les", "and"}
    assert all(len(w) > 2 and w.isascii() for w in words)
