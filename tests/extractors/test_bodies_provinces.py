"""Province lists after a plural "các tỉnh, thành phố" (extractors.bodies.scan, lexicon): each place
gets its own unit word when the lexicon knows it -- "thành phố" for a centrally-governed city
(``central_cities.txt``), "tỉnh" for another province of ``provinces.txt`` -- and none otherwise;
a known province is read as a place even when its first word is a verb's ("Cần Thơ").
``central_cities.txt`` is checked against ``provinces.txt`` on load.

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented.
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles as _roles

from vntasks.extractors.bodies import LexiconError
from vntasks.extractors.bodies import lexicon as L

# (text, leads, supports)
CASES = [
    ("Ủy ban nhân dân các tỉnh, thành phố: Cần Thơ, Vĩnh Long chủ động gia cố đê bao.",
     ["Ủy ban nhân dân thành phố Cần Thơ", "Ủy ban nhân dân tỉnh Vĩnh Long"], []),
    ("Đề nghị Ủy ban nhân dân các tỉnh, thành phố: Nghệ An, Hà Tĩnh, Đà Nẵng và Quảng Ngãi kiểm tra hồ chứa.",
     ["Ủy ban nhân dân tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Hà Tĩnh", "Ủy ban nhân dân thành phố Đà Nẵng",
      "Ủy ban nhân dân tỉnh Quảng Ngãi"], []),
    # Huế is a city since 2025; the earlier province "Thừa Thiên Huế" a tỉnh
    ("Bộ Quốc phòng phối hợp với Ủy ban nhân dân các tỉnh, thành phố: Quảng Trị, Huế, Thừa Thiên Huế tìm kiếm "
     "người mất tích.",
     ["Bộ Quốc phòng"], ["Ủy ban nhân dân tỉnh Quảng Trị", "Ủy ban nhân dân thành phố Huế",
                         "Ủy ban nhân dân tỉnh Thừa Thiên Huế"]),
    # after "trực thuộc Trung ương", and under a title; a hyphenated province name
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Hồ Chí Minh, Bà Rịa - Vũng Tàu triển khai.",
     ["Ủy ban nhân dân thành phố Hồ Chí Minh", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"], []),
    ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Hà Nội, Hưng Yên chỉ đạo tiêu úng.",
     ["Chủ tịch Ủy ban nhân dân thành phố Hà Nội", "Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên"], []),
    # a place the lexicon does not know as a province gets no unit word
    ("Ủy ban nhân dân các huyện, thị xã: Tân Phú, Long Khánh triển khai.",
     ["Ủy ban nhân dân Tân Phú", "Ủy ban nhân dân Long Khánh"], []),
    # a province whose name opens with a verb's word ("cần") is still a place
    ("Sở Nông nghiệp và Môi trường phối hợp với thành phố Cần Thơ nạo vét kênh.",
     ["Sở Nông nghiệp và Môi trường"], ["Thành phố Cần Thơ"]),
    # one unit word is copied as written
    ("Ủy ban nhân dân các tỉnh: Sơn La, Điện Biên theo dõi sạt lở.",
     ["Ủy ban nhân dân tỉnh Sơn La", "Ủy ban nhân dân tỉnh Điện Biên"], []),
]


@pytest.mark.parametrize(("text", "leads", "supports"), CASES)
def test_province_lists(text, leads, supports):
    assert _roles(text) == (leads, supports)


def test_central_city_must_be_a_province(monkeypatch):
    words = {"provinces.txt": ("Hà Nội", "Nam Định"), "central_cities.txt": ("Hà Nội", "Sài Gòn")}
    monkeypatch.setattr(L, "load_words", words.__getitem__)
    L.province_units.cache_clear()
    try:
        with pytest.raises(LexiconError, match="Sài Gòn"):
            L.province_units()
    finally:
        L.province_units.cache_clear()


def test_city_and_province_units():
    units = L.province_units()
    assert units[L.place_key("Hải Phòng")] == "thành phố"
    assert units[L.place_key("Thừa Thiên Huế")] == "tỉnh"
    assert units[L.place_key("Bà Rịa Vũng Tàu")] == "tỉnh"
