"""Collective addressees of central notices (data/generic_addressees.tsv): "Các Bộ, cơ quan trung
ương và địa phương" addresses many bodies at once and is ONE body, as "các bộ, ngành, địa phương"
is (SPEC "Bodies"); it is not split at "và" into a list and a stray "Địa phương". Composed sentences."""
from __future__ import annotations

import pytest

from vntasks.extractors.bodies import find_responsible


@pytest.mark.parametrize(("text", "leads"), [
    ("Các Bộ, cơ quan trung ương và địa phương khẩn trương rà soát danh mục dự án.",
     ["các bộ, cơ quan trung ương và địa phương"]),
    ("Các bộ, ngành trung ương và địa phương chủ động bố trí vốn đối ứng.",
     ["các bộ, ngành trung ương và địa phương"]),
    ("Các Bộ, cơ quan trung ương báo cáo tình hình giải ngân hằng tháng.", ["các bộ, cơ quan trung ương"]),
    ("Các bộ, cơ quan, địa phương liên quan phối hợp cung cấp số liệu.",
     ["các bộ, cơ quan, địa phương liên quan"]),
])
def test_central_collective_addressee_is_one_body(text, leads):
    got = [b.name.casefold() for b in find_responsible(text) if b.role == "lead"]
    assert got == leads
