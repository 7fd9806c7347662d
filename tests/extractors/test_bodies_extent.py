"""How far a body's name runs (extractors.bodies names/units): a generic head keeps the domain that
completes it, a complement head keeps the plural object it manages, a place after "trên địa bàn"
stays, and multi-word organisation names are read whole.

Expected names are written by hand from SPEC "Bodies"; the sentences are invented in the genre's
phrasing (other bodies and places than the real notices).
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles as _roles

# (text, leads, supports)
CASES = [
    # a generic head with its domain: lower-case domain words, a capitalised domain
    ("Doanh nghiệp viễn thông rà soát lại vị trí các trạm phát sóng.", ["Doanh nghiệp viễn thông"], []),
    ("Các doanh nghiệp viễn thông khẩn trương di dời cáp treo.", ["Các doanh nghiệp viễn thông"], []),
    ("Cơ quan đăng ký đầu tư có trách nhiệm trả lời nhà đầu tư.", ["Cơ quan đăng ký đầu tư"], []),
    ("Ngành Hải quan phối hợp chặt chẽ với Công an tỉnh kiểm soát hàng hóa.",
     ["Ngành Hải quan"], ["Công an tỉnh"]),
    ("Các đơn vị hạ tầng kỹ thuật thường xuyên kiểm tra đường ống.", ["Các đơn vị hạ tầng kỹ thuật"], []),
    # ... but a verb right after the head is the predicate, not a domain
    ("Các đơn vị tổ chức thực hiện nghiêm túc.", ["Các đơn vị"], []),
    ("Các doanh nghiệp chủ động bố trí nguồn vốn.", ["Các doanh nghiệp"], []),
    ("Ngành Giáo dục tỉnh tăng cường kiểm tra.", ["Ngành Giáo dục tỉnh"], []),
    # the place after "trên địa bàn" stays in the name
    ("Các doanh nghiệp trên địa bàn huyện chủ động đăng ký tham gia.", ["Các doanh nghiệp trên địa bàn huyện"], []),
    ("Các nhà đầu tư trên địa bàn tỉnh khẩn trương hoàn thiện hồ sơ.", ["Các nhà đầu tư trên địa bàn tỉnh"], []),
    # a complement head and the plural object it manages or steers
    ("Ban Quản lý các khu kinh tế và khu công nghiệp chủ trì thẩm định.",
     ["Ban Quản lý các khu kinh tế và khu công nghiệp"], []),
    ("Phối hợp với Ban Quản lý các cụm công nghiệp, Sở Công Thương hướng dẫn doanh nghiệp.",
     [], ["Ban Quản lý các cụm công nghiệp", "Sở Công Thương"]),
    ("Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện kiểm tra tiến độ.",
     ["Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện"], []),
    ("Ban Chỉ đạo các phường tăng cường kiểm tra.", ["Ban Chỉ đạo các phường"], []),
    # multi-word organisation names read whole
    ("Ban Chỉ huy Bộ đội Biên phòng tỉnh chủ trì tuần tra.", ["Ban Chỉ huy Bộ đội Biên phòng tỉnh"], []),
    ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh tổ chức tư vấn, phản biện.",
     ["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"], []),
    ("Hiệp hội Doanh nghiệp huyện vận động hội viên tham gia.", ["Hiệp hội Doanh nghiệp huyện"], []),
]


@pytest.mark.parametrize(("text", "leads", "supports"), CASES)
def test_name_extent(text, leads, supports):
    assert _roles(text) == (leads, supports)
