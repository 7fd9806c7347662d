"""Canonical names and body types (extractors.bodies.canonical), written by hand from SPEC
"Bodies (responsible)": abbreviations expanded, modern tones, determiners and glosses dropped,
head casing; the type of a head, of the body after a title, of a generic list.
"""
from __future__ import annotations

import pytest

from vntasks.extractors.bodies import body_type_of, canonical_name

CANONICAL = [
    ("UBND huyện", "Ủy ban nhân dân huyện"),
    ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
    ("MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Ủy ban MTTQ huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện"),
    ("Mặt trận Tổ quốc Việt Nam các cấp", "Mặt trận Tổ quốc Việt Nam các cấp"),
    ("HĐND xã", "Hội đồng nhân dân xã"),
    ("BCĐ huyện", "Ban Chỉ đạo huyện"),
    ("Ban chỉ đạo QCDC tỉnh", "Ban Chỉ đạo quy chế dân chủ tỉnh"),
    ("Ban XDCS phường", "Ban Xây dựng cơ sở phường"),
    ("Ban Chỉ đạo thực hiện QCDC xã", "Ban Chỉ đạo thực hiện quy chế dân chủ xã"),
    ("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh"),
    ("BCHQS huyện", "Ban Chỉ huy quân sự huyện"),
    ("Ban CHQS huyện", "Ban Chỉ huy quân sự huyện"),
    ("phòng LĐTBXH", "Phòng Lao động - Thương binh và Xã hội"),
    ("Hội LHPN huyện", "Hội Liên hiệp Phụ nữ huyện"),
    ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("VPHU", "Văn phòng Huyện ủy"),
    ("Các đồng chí thành viên Ban chỉ đạo", "Thành viên Ban Chỉ đạo"),
    ("đồng chí Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh"),
    ("các Sở, ngành", "Các Sở, ngành"),
    ("Ban Tuyên giáo Tỉnh ủy (cơ quan thường trực Hội đồng)", "Ban Tuyên giáo Tỉnh ủy"),
    ("ban soạn thảo", "Ban soạn thảo"),
    ("Mặt trận", "Mặt trận Tổ quốc Việt Nam"),
    ("các đoàn thể", "Các đoàn thể"),
    ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("các Bộ trưởng", "Bộ trưởng"),
    ("  UBND   huyện  ", "Ủy ban nhân dân huyện"),
    ("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("UBND TP Bảo Lộc", "Ủy ban nhân dân thành phố Bảo Lộc"),
    ("Phòng QLĐT", "Phòng Quản lý đô thị"),
    ("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("đoàn thể từ huyện đến cơ sở", "Các đoàn thể từ huyện đến cơ sở"),
    ("các đoàn thể chính trị - xã hội các cấp", "Các đoàn thể chính trị - xã hội các cấp"),
    ("Văn phòng HĐND và UBND phường", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường"),
]


@pytest.mark.parametrize(("written", "canonical"), CANONICAL)
def test_canonical_name(written, canonical):
    assert canonical_name(written) == canonical


TYPES = [
    ("Ủy ban nhân dân huyện", "state"),
    ("Ban Dân vận Huyện ủy", "party"),
    ("Huyện ủy", "party"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "front"),
    ("Hội Cựu chiến binh xã", "front"),
    ("Công an huyện", "security"),
    ("Bộ Quốc phòng", "security"),
    ("Ban Chỉ đạo các xã, thị trấn", "steering"),
    ("Thành viên Ban Chỉ đạo huyện", "steering"),
    ("Tổ kiểm tra của Ban Chỉ đạo tỉnh", "steering"),
    ("Tập đoàn Điện lực Việt Nam", "enterprise"),
    ("Các cấp, các ngành, doanh nghiệp", "generic"),
    ("Cấp ủy, chính quyền", "generic"),
    ("Chủ tịch Ủy ban nhân dân tỉnh", "state"),
    ("Bộ trưởng Bộ Công an", "security"),
    ("Ban soạn thảo", "other"),
    ("Sở Y tế", "state"),
    ("UBND xã", "state"),
]


@pytest.mark.parametrize(("name", "body_type"), TYPES)
def test_body_type_of(name, body_type):
    assert body_type_of(name) == body_type

