"""The normalising variants of vntasks.text.normalise, each on what it is for."""
import unicodedata

import pytest

from vntasks.text.normalise import (
    collapse_lower,
    fold,
    fold_label,
    modern_tones,
    normalise_symbol,
    old_tone_words,
    ref_id,
    strip_accents,
    strip_tones,
)


@pytest.mark.parametrize("text, expected", [
    ("Ủy ban Nhân dân", "ủy ban nhân dân"),
    ("UỶ BAN", "ủy ban"),  # old tone placement, upper case
    ("Hoà  Bình,\tHOÀ", "hòa bình hòa"),
    ("hoàng", "hòang"),  # a matching key, not an orthography
    ("Sở Y tế (chủ trì);", "sở y tế chủ trì"),
    ("25-TB/BCĐ", "25-tb/bcđ"),
    (unicodedata.normalize("NFD", "Thủy lợi"), "thủy lợi"),
    (None, ""),
])
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("  Trong  THÁNG\n9 ", "trong tháng 9"),
    ("", ""),
])
def test_collapse_lower(text, expected):
    assert collapse_lower(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("  Chia sẻ:  ", "chia sẻ"),
    ("Tin liên quan …", "tin liên quan"),
    ("TIN KHÁC.", "tin khác"),
    ("Zalo", "zalo"),
])
def test_fold_label(line, expected):
    assert fold_label(line) == expected


@pytest.mark.parametrize("word, expected", [
    ("trường", "trương"),
    ("quốc", "quôc"),
    ("đảng", "đang"),
    ("ủy", "uy"),
    ("ban", "ban"),
])
def test_strip_tones_keeps_the_letters(word, expected):
    assert strip_tones(word) == expected


@pytest.mark.parametrize("text, expected", [
    ("Đà Nẵng", "da nang"),
    ("Thừa Thiên Huế", "thua thien hue"),
    ("Ủy ban", "uy ban"),
])
def test_strip_accents(text, expected):
    assert strip_accents(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("hoà bình, khoẻ mạnh", "hòa bình, khỏe mạnh"),
    ("HOÀ", "HÒA"),
    ("thuỷ lợi", "thủy lợi"),
    ("quý", "quý"),  # after "q" the tone stays
    ("Hoàng", "Hoàng"),  # not at the syllable's end
])
def test_modern_tones(text, expected):
    got = modern_tones(text)
    assert got == expected and len(got) == len(text)


def test_old_tone_words_are_whole_syllables_of_the_table():
    text = "Uỷ ban hoà giải, quý Hoàng"
    got = old_tone_words(text)
    assert [(text[a:b], new) for a, b, new in got] == [("Uỷ", "Ủy"), ("hoà", "hòa")]


@pytest.mark.parametrize("value, symbol, rid", [
    ("25 - TB/BCĐ", "25-TB/BCĐ", "25-TB/BCĐ"),
    ("08-QĐi/TW", "08-QĐi/TW", "08-QĐI/TW"),
    ("1329/QĐ\u2013UBND", "1329/QĐ-UBND", "1329/QĐ-UBND"),
    ("30/2020/\u2212NĐ-CP", "30/2020/-NĐ-CP", "30/2020/-NĐ-CP"),
    ("12/KH\x1f-UBND", "12/KH\x1f-UBND", "12/KH-UBND"),  # a separator the scorer takes for space
])
def test_symbol_and_reference_id(value, symbol, rid):
    assert normalise_symbol(value) == symbol
    assert ref_id(value) == rid


def test_ref_id_of_nothing():
    assert ref_id(None) == "" and ref_id("") == ""
