"""Partners (support) in extractors.bodies.roles: "phối hợp" with or without "với", partner lists
that run on over "," and "và", items that open with "Chủ trì, phối hợp với X" (X is a partner, not
the subject), a brand list after one head, and the partners of an object that are not the task's.

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented in
the genre's phrasing.
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles as _roles

# (text, leads, supports)
CASES = [
    # an item that opens with its verb names no subject: the partners are support only
    ("Chủ trì, phối hợp với các sở, ban, ngành và các đơn vị có liên quan kiểm tra định kỳ.",
     [], ["Các sở, ban, ngành", "Các đơn vị có liên quan"]),
    ("Chủ trì, phối hợp với Sở Tư pháp, Sở Nội vụ, Văn phòng Ủy ban nhân dân tỉnh thẩm định dự thảo.",
     [], ["Sở Tư pháp", "Sở Nội vụ", "Văn phòng Ủy ban nhân dân tỉnh"]),
    # "phối hợp" without "với", and "phối hợp chặt chẽ"
    ("Bộ Tài chính chủ trì, phối hợp các bộ, cơ quan liên quan sửa đổi Thông tư.",
     ["Bộ Tài chính"], ["Các bộ, cơ quan liên quan"]),
    ("Phối hợp Bộ đội Biên phòng tỉnh và các đơn vị liên quan tuần tra khu vực biên giới.",
     [], ["Bộ đội Biên phòng tỉnh", "Các đơn vị liên quan"]),
    ("Phối hợp chặt chẽ các lực lượng chức năng ngăn chặn buôn lậu.", [], ["Các lực lượng chức năng"]),
    # a comma left out between two bodies of a domain head (a flattened table cell) still parts them
    ("Chủ trì, phối hợp với Sở Tài chính Sở Xây dựng và Ủy ban nhân dân các xã kiểm tra hiện trạng.",
     [], ["Sở Tài chính", "Sở Xây dựng", "Ủy ban nhân dân các xã"]),
    ("Phòng Kinh tế Phòng Nội vụ rà soát, tổng hợp nhu cầu.", ["Phòng Kinh tế", "Phòng Nội vụ"], []),
    # ... but a sub-unit named after its department is one body
    ("Văn phòng Sở Nội vụ tổng hợp báo cáo.", ["Văn phòng Sở Nội vụ"], []),
    # a long partner list read to its end
    ("Thông tấn xã Việt Nam chủ trì, phối hợp Bộ Ngoại giao, Bộ Quốc phòng, Bộ Y tế, các cơ quan liên quan "
     "xây dựng chuyên mục.",
     ["Thông tấn xã Việt Nam"], ["Bộ Ngoại giao", "Bộ Quốc phòng", "Bộ Y tế", "Các cơ quan liên quan"]),
    ("Phối hợp với doanh nghiệp, viện nghiên cứu, trường đại học chuyển giao công nghệ.",
     [], ["Doanh nghiệp", "Viện nghiên cứu", "Trường Đại học"]),
    ("Chủ động phối hợp với Công an, lực lượng Kiểm lâm kiểm tra lâm sản.",
     [], ["Công an", "Lực lượng Kiểm lâm"]),
    # a head over a list of brands: one body per brand
    ("Phối hợp với các bộ, ngành, Tập đoàn VNPT, MISA triển khai nền tảng.",
     [], ["Các bộ, ngành", "Tập đoàn VNPT", "Tập đoàn MISA"]),
    # the partners of an object are not the task's partners
    ("Chủ trì, phối hợp với các đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh phối hợp Bộ Tư pháp tổ chức "
     "tập huấn.", [], ["Các đơn vị liên quan"]),
    ("Chỉ đạo các phòng, ban chuyên môn chủ động phối hợp với Công an huyện rà soát đối tượng.", [], []),
    # ... but the subject's own partner after an object stays
    ("Sở Y tế hướng dẫn các bệnh viện thực hiện, phối hợp với Sở Tài chính kiểm tra.",
     ["Sở Y tế"], ["Sở Tài chính"]),
    ("Đề nghị Ủy ban nhân dân xã Tân Hòa phối hợp Công an xã xử lý dứt điểm.",
     ["Ủy ban nhân dân xã Tân Hòa"], ["Công an xã"]),
    # "X chủ trì, Y phối hợp": Y is the partner, "phối hợp" its verb
    ("Sở Xây dựng chủ trì, Sở Công Thương phối hợp kiểm tra.", ["Sở Xây dựng"], ["Sở Công Thương"]),
    # a generic with its owner after "của"
    ("Ủy ban MTTQ tỉnh, Hội Nông dân tỉnh và các tổ chức thành viên của Mặt trận tăng cường giám sát.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Hội Nông dân tỉnh",
      "Các tổ chức thành viên của Mặt trận Tổ quốc Việt Nam"], []),
]


@pytest.mark.parametrize(("text", "leads", "supports"), CASES)
def test_partners(text, leads, supports):
    assert _roles(text) == (leads, supports)
