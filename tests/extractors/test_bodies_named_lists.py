"""Lists of named bodies after a plural head or a plural generic and its ":" (extractors.bodies.scan):
"các Bộ: A, B và các địa phương", "phối hợp với các cơ quan: Công an tỉnh, Sở Tư pháp và ...".

A last "và" before a generic addressee or another body's head opens a body of its own, while a
"và" (or ",") inside a known ministry name ("Giáo dục và Đào tạo", "Văn hóa, Thể thao và Du lịch")
does not. After "các cơ quan:" the bodies named are the subjects or partners, not the generic.
Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented.
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles as _roles

# (text, leads, supports)
CASES = [
    # a final "và" + a generic after a ministry list; a "và" inside a ministry name stays
    ("Bộ Tư pháp chủ trì, phối hợp với các Bộ: Công Thương, Nông nghiệp và Môi trường và các địa phương "
     "hoàn thiện hồ sơ.",
     ["Bộ Tư pháp"], ["Bộ Công Thương", "Bộ Nông nghiệp và Môi trường", "Các địa phương"]),
    ("Các Bộ: Ngoại giao, Nội vụ và các cơ quan có liên quan báo cáo trước ngày 15 tháng 9.",
     ["Bộ Ngoại giao", "Bộ Nội vụ", "Các cơ quan có liên quan"], []),
    # a final "và" + another body's head: its own body, not part of the last ministry's name
    ("Đề nghị các Bộ: Xây dựng, Giáo dục và Đào tạo và Ủy ban nhân dân các tỉnh rà soát cơ sở vật chất.",
     ["Bộ Xây dựng", "Bộ Giáo dục và Đào tạo", "Ủy ban nhân dân các tỉnh"], []),
    ("Phối hợp với các Bộ: Tài chính, Công Thương và Ngân hàng Nhà nước Việt Nam điều hành giá.",
     [], ["Bộ Tài chính", "Bộ Công Thương", "Ngân hàng Nhà nước Việt Nam"]),
    ("Các Sở: Nội vụ, Khoa học và Công nghệ và Ủy ban nhân dân các xã đẩy mạnh số hóa hồ sơ.",
     ["Sở Nội vụ", "Sở Khoa học và Công nghệ", "Ủy ban nhân dân các xã"], []),
    # a comma inside a known ministry name
    ("Phối hợp với các Bộ: Văn hóa, Thể thao và Du lịch, Y tế và các địa phương tổ chức lễ hội an toàn.",
     [], ["Bộ Văn hóa, Thể thao và Du lịch", "Bộ Y tế", "Các địa phương"]),
    # a plural generic before ":" names the bodies after it
    ("Phối hợp với các cơ quan: Công an tỉnh, Sở Tư pháp và các đơn vị liên quan giải quyết đơn thư.",
     [], ["Công an tỉnh", "Sở Tư pháp", "Các đơn vị liên quan"]),
    ("Sở Công Thương chủ trì, phối hợp với các cơ quan, đơn vị: Cục Hải quan, Công an tỉnh và các địa phương "
     "kiểm soát hàng lậu.",
     ["Sở Công Thương"], ["Cục Hải quan", "Công an tỉnh", "Các địa phương"]),
    ("Giao các đơn vị: Sở Y tế, Sở Tài chính và Ủy ban nhân dân các huyện bố trí kinh phí.",
     ["Sở Y tế", "Sở Tài chính", "Ủy ban nhân dân các huyện"], []),
    # ... but not a predicate after the ":"
    ("Các đơn vị: Thực hiện nghiêm chế độ thông tin, báo cáo.", ["Các đơn vị"], []),
]


@pytest.mark.parametrize(("text", "leads", "supports"), CASES)
def test_named_lists(text, leads, supports):
    assert _roles(text) == (leads, supports)
