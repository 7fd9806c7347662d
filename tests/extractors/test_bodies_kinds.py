"""Bodies named by kind and by place (extractors.bodies.scan / units): "các Bộ, cơ quan: A, B" (one
body per name, a name that is a body of its own kept as it is), the chain going on after such a list,
"các <head> <lower-case domain>" and "các <head>" before a verb as every body of the kind, and a place
named as the body that governs it ("Thành phố Hải Phòng và các tỉnh A, B").

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented in
the genre's phrasing (central notices, provincial plans).
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles as _roles

# (text, leads, supports)
CASES = [
    # a list after "các Bộ, cơ quan:" names one body each
    ("Các Bộ, cơ quan: Ngoại giao, Nội vụ, Thanh tra Chính phủ báo cáo Thủ tướng Chính phủ.",
     ["Bộ Ngoại giao", "Bộ Nội vụ", "Thanh tra Chính phủ"], []),
    ("Đề nghị các bộ, cơ quan ngang bộ: Công an, Y tế, Ngân hàng Nhà nước Việt Nam phối hợp với Bộ Tư pháp.",
     ["Bộ Công an", "Bộ Y tế", "Ngân hàng Nhà nước Việt Nam"], ["Bộ Tư pháp"]),
    ("Bộ trưởng các Bộ: Công an, Quốc phòng chỉ đạo lực lượng chức năng.",
     ["Bộ trưởng Bộ Công an", "Bộ trưởng Bộ Quốc phòng"], []),
    # one kind word before the ":" ("các bộ, ngành: A, B") as well as several
    ("Các bộ, ngành: Tài chính, Xây dựng khẩn trương ban hành hướng dẫn.",
     ["Bộ Tài chính", "Bộ Xây dựng"], []),
    ("Giao các bộ, ngành: Công an, Quốc phòng phối hợp với các địa phương có liên quan.",
     ["Bộ Công an", "Bộ Quốc phòng"], ["Các địa phương có liên quan"]),
    ("Các sở, ngành: Nội vụ, Tư pháp rà soát quy chế phối hợp.", ["Sở Nội vụ", "Sở Tư pháp"], []),
    # ... and the chain goes on after the list
    ("Các Bộ: Xây dựng, Giao thông vận tải và các địa phương có liên quan hoàn thành trước tháng 6.",
     ["Bộ Xây dựng", "Bộ Giao thông vận tải", "Các địa phương có liên quan"], []),
    # a predicate after the ":" is no list of names (the bodies before it are the subject)
    ("Các sở, ban, ngành: Là đầu mối tiếp nhận hồ sơ.", ["Các sở, ban, ngành"], []),
    ("Các Sở: Xây dựng kế hoạch kiểm tra định kỳ.", ["Các Sở"], []),
    # "các <head> <domain>": every body of that kind
    ("Ngân hàng Chính sách xã hội và các ngân hàng thương mại bố trí nguồn vốn cho vay.",
     ["Ngân hàng Chính sách xã hội", "Ngân hàng thương mại"], []),
    ("Sở Y tế và các trung tâm y tế tăng cường giám sát ổ dịch.", ["Sở Y tế", "Trung tâm y tế"], []),
    ("Các bộ khẩn trương trình Chính phủ dự thảo nghị định.", ["Bộ"], []),
    # "của" + a level of any length is the generic's level ("của tỉnh", "của Thành phố")
    ("Các sở, ban, ngành của Thành phố, Ủy ban nhân dân phường, xã phối hợp tuyên truyền.",
     ["Các sở, ban, ngành của Thành phố", "Ủy ban nhân dân phường, xã"], []),
    ("Các cơ quan báo chí của thị xã tăng cường đưa tin.", ["Các cơ quan báo chí của thị xã"], []),
    # a place named as its governing body
    ("Thành phố Hải Phòng và các tỉnh Thái Bình, Nam Định chủ động sơ tán dân.",
     ["Thành phố Hải Phòng", "Tỉnh Thái Bình", "Tỉnh Nam Định"], []),
    ("Đề nghị tỉnh Sơn La khẩn trương hoàn thành việc bồi thường.", ["Tỉnh Sơn La"], []),
]


@pytest.mark.parametrize(("text", "leads", "supports"), CASES)
def test_kinds(text, leads, supports):
    assert _roles(text) == (leads, supports)
