"""Generic bodies with a qualifier, an activity or a place that stays in their name
(extractors.bodies.names / units): "đơn vị được lựa chọn <activity>", a qualified name that runs on
to its duty verb, "nhà đầu tư trong các khu ..., cụm ...", and a qualified generic as a body of its
own in a list ("doanh nghiệp viễn thông, tổ chức, cá nhân").

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented in
the genre's phrasing.
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles as _roles

# (text, leads, supports)
CASES = [
    # an open qualifier keeps its activity and object, up to the next verb
    ("Phối hợp với Sở Công Thương, đơn vị được lựa chọn kiểm định chất lượng nước tổ chức kiểm tra.",
     [], ["Sở Công Thương", "Đơn vị được lựa chọn kiểm định chất lượng nước"]),
    ("Các nhà thầu được chọn thi công gói thầu khẩn trương bàn giao mặt bằng.",
     ["Nhà thầu được chọn thi công gói thầu"], []),
    # a qualified name runs on to its duty verb
    ("Các đơn vị được giao chủ trì các nội dung tại Phụ lục kèm theo có trách nhiệm báo cáo tiến độ.",
     ["Các đơn vị được giao chủ trì các nội dung tại Phụ lục kèm theo"], []),
    ("Các đơn vị được giao chủ trì tổ chức kiểm tra, báo cáo kết quả.", ["Các đơn vị được giao chủ trì"], []),
    # a passive participle before the predicate's verb picks some of a generic's members
    ("Các khu dân cư được kiểm tra chuẩn bị đầy đủ sổ sách, hồ sơ.", ["Các khu dân cư được kiểm tra"], []),
    ("Các cơ sở được cấp phép phải tuân thủ quy định về phòng cháy.", ["Các cơ sở được cấp phép"], []),
    ("Các đơn vị được phân bổ kinh phí tổ chức thực hiện đúng tiến độ.",
     ["Các đơn vị được phân bổ kinh phí"], []),
    # ... not a request, a permission, or a passive predicate with no verb after it
    ("Các xã được yêu cầu báo cáo kết quả trước ngày 10/5.", ["Các xã"], []),
    ("Các xã được phép điều chỉnh kế hoạch vốn.", ["Các xã"], []),
    ("Các thôn được hỗ trợ kinh phí.", ["Các thôn"], []),
    # a place that stays in a generic's name
    ("Các doanh nghiệp trong khu kinh tế cửa khẩu, cụm công nghiệp chủ động rà soát lao động.",
     ["Các doanh nghiệp trong khu kinh tế cửa khẩu, cụm công nghiệp"], []),
    ("Nhà đầu tư tại các khu đô thị mới khẩn trương hoàn thiện hạ tầng.",
     ["Nhà đầu tư tại các khu đô thị mới"], []),
    # ... not a time or a circumstance
    ("Các doanh nghiệp trong thời gian nghỉ Tết bố trí trực bảo vệ.", [], []),
    # a qualified generic is a body of its own in a list
    ("Doanh nghiệp vận tải, tổ chức, cá nhân có liên quan chấp hành quy định về tải trọng.",
     ["Doanh nghiệp vận tải", "Tổ chức, cá nhân có liên quan"], []),
    ("Các doanh nghiệp trên địa bàn tỉnh, các nhà đầu tư trong cụm công nghiệp chủ động bố trí kinh phí.",
     ["Các doanh nghiệp trên địa bàn tỉnh", "Các nhà đầu tư trong cụm công nghiệp"], []),
    # an unqualified generic list stays one body
    ("Các cấp, các ngành có liên quan triển khai thực hiện.", ["Các cấp, các ngành có liên quan"], []),
]


@pytest.mark.parametrize(("text", "leads", "supports"), CASES)
def test_qualified(text, leads, supports):
    assert _roles(text) == (leads, supports)
