"""Issuer of a Party notice whose committee line names only its level ("TỈNH ỦY", "HUYỆN ỦY") under
the Party organisation line ("ĐẢNG BỘ TỈNH HÀ TĨNH"): the organisation line gives the place
(structure.header; annotations/README: the issuer's whole name however many lines it takes).
Composed headers run through the whole pipeline."""
from __future__ import annotations

import pytest

import vntasks

_BODY = ("\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nCao Bằng, ngày 5 tháng 3 năm 2027\n\nTHÔNG BÁO KẾT LUẬN\n"
         "của Ban Thường vụ về công tác cán bộ\n\nNgày 2/3/2027, Ban Thường vụ họp và kết luận như sau:\n\n"
         "1. Ban Tổ chức chủ trì rà soát quy hoạch cán bộ.\n")


@pytest.mark.parametrize(("header", "issuer"), [
    ("ĐẢNG BỘ TỈNH CAO BẰNG\nTỈNH ỦY\n*\nSố 310-TB/TU", "Tỉnh ủy Cao Bằng"),
    ("ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG\nTHÀNH ỦY\n*\nSố 77-TB/TU", "Thành ủy Đà Nẵng"),
    ("ĐẢNG BỘ HUYỆN BẢO LÂM\nHUYỆN UỶ\n*\nSố 45-TB/HU", "Huyện ủy Bảo Lâm"),
    # the committee line names its place itself: unchanged
    ("ĐẢNG BỘ TỈNH CAO BẰNG\nHUYỆN ỦY HÀ QUẢNG\n*\nSố 45-TB/HU", "Huyện ủy Hà Quảng"),
    ("ĐẢNG BỘ TỈNH CAO BẰNG\nĐẢNG ỦY XÃ TRÙNG KHÁNH\n*\nSố 45-TB/ĐU", "Đảng ủy xã Trùng Khánh"),
])
def test_bare_committee_takes_the_party_organisation_place(header, issuer):
    assert vntasks.extract(header + _BODY).issuer == issuer
