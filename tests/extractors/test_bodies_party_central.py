"""Addressees of district/province Party committee conclusion notices and of central (VPCP)
notices (extractors.bodies with data/generic_addressees.tsv): the press as "báo, đài", the party
cells as "các chi, đảng bộ", the mass organisations of one level ("các đoàn thể chính trị - xã hội
huyện": the district's, not one in each district), the central addressees "các bộ, cơ quan ngang
bộ, cơ quan thuộc Chính phủ".

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented in
the genre's phrasing.
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles

# (text, leads, supports)
CASES = [
    # the press is a partner of its own ("báo, đài"), and the list goes on after it
    ("Sở Tư pháp chủ trì, phối hợp với Ủy ban nhân dân các xã, báo, đài và các đơn vị có liên quan "
     "tổ chức hội thi.",
     ["Sở Tư pháp"], ["Ủy ban nhân dân các xã", "Báo, đài", "Các đơn vị có liên quan"]),
    ("Các báo, đài tăng cường thời lượng tuyên truyền về bầu cử.", ["Các báo, đài"], []),
    # the party cells under a committee
    ("Các chi, đảng bộ trực thuộc quán triệt kết luận này đến cán bộ, đảng viên.",
     ["Các chi, đảng bộ trực thuộc"], []),
    ("Các chi, đảng bộ cơ sở tổ chức học tập nghị quyết trong quý III.", ["Các chi, đảng bộ cơ sở"], []),
    # the mass organisations of the level written after them
    ("Các đoàn thể chính trị - xã hội huyện tuyên truyền, vận động hội viên.",
     ["Các đoàn thể chính trị - xã hội huyện"], []),
    ("Ủy ban MTTQ Việt Nam huyện và các đoàn thể chính trị - xã hội huyện giám sát việc thực hiện.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Các đoàn thể chính trị - xã hội huyện"], []),
    ("Các tổ chức chính trị - xã hội tỉnh vận động đoàn viên, hội viên tham gia.",
     ["Tổ chức chính trị - xã hội tỉnh"], []),
    # central addressees
    ("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ khẩn trương rà soát thủ tục hành chính.",
     ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"], []),
    ("Các bộ, cơ quan ngang bộ chủ động cắt giảm điều kiện kinh doanh.", ["Các bộ, cơ quan ngang bộ"], []),
    ("Các cơ quan Trung ương và địa phương khẩn trương xây dựng kế hoạch hành động.",
     ["Các cơ quan Trung ương và địa phương"], []),
    # Party committee bodies (rows already known; kept as the genre's reference)
    ("Đảng đoàn HĐND tỉnh, Ban cán sự đảng UBND tỉnh lãnh đạo thể chế hóa nghị quyết.",
     ["Đảng đoàn Hội đồng nhân dân tỉnh", "Ban Cán sự đảng Ủy ban nhân dân tỉnh"], []),
    ("Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Ủy ban MTTQ Việt Nam huyện hướng dẫn tuyên truyền.",
     ["Ban Tuyên giáo Huyện ủy"], ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện"]),
]


@pytest.mark.parametrize(("text", "leads", "supports"), CASES)
def test_party_and_central_addressees(text, leads, supports):
    assert roles(text) == (leads, supports)
