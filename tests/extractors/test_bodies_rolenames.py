"""Bodies named by their part in the task (extractors.bodies.units): "Cơ quan phối hợp", "đơn vị chủ
trì" before a duty verb, "Cơ quan chủ trì" as a subject, and a line that names the role with its field
("Cơ quan chủ trì thẩm định hồ sơ cấp phép"); "trường hợp đề nghị X ..." asks nothing of X.

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented in
the genre's phrasing.
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles as _roles

# (text, leads, supports)
CASES = [
    # a role noun before a duty verb stays in the name
    ("Cơ quan phối hợp chịu trách nhiệm gửi ý kiến đúng thời hạn.", ["Cơ quan phối hợp"], []),
    ("Các đơn vị phối hợp phải cử cán bộ tham gia đoàn kiểm tra.", ["Các đơn vị phối hợp"], []),
    ("Đơn vị chủ trì có quyền đề nghị bổ sung hồ sơ.", ["Đơn vị chủ trì"], []),
    # ... before any other verb it is the predicate
    ("Các cơ quan phối hợp với Sở Công Thương kiểm tra thị trường.", ["Các cơ quan"], ["Sở Công Thương"]),
    ("Các đơn vị chủ trì xây dựng kế hoạch chi tiết.", ["Các đơn vị"], []),
    # "Cơ quan chủ trì" is a body of its own, and the body in its gloss when there is one
    ("Cơ quan chủ trì tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.", ["Cơ quan chủ trì"], []),
    ("Nếu hồ sơ chưa đầy đủ, cơ quan chủ trì có trách nhiệm hướng dẫn nhà đầu tư bổ sung.",
     ["Cơ quan chủ trì"], []),
    ("Cơ quan chủ trì (Sở Kế hoạch và Đầu tư) lấy ý kiến các sở.", ["Sở Kế hoạch và Đầu tư"], []),
    # a line that is a role name with its field names the body
    ("Cơ quan chủ trì thẩm định hồ sơ cấp phép xây dựng", ["Cơ quan chủ trì thẩm định hồ sơ cấp phép xây dựng"], []),
    ("Đơn vị phối hợp tổ chức lễ kỷ niệm:", ["Đơn vị phối hợp tổ chức lễ kỷ niệm"], []),
    # "trường hợp đề nghị X ...": a condition, X is asked nothing
    ("Hồ sơ phải nêu rõ căn cứ. Trường hợp đề nghị Sở Xây dựng thẩm định lại thì nêu lý do.", [], []),
]


@pytest.mark.parametrize(("text", "leads", "supports"), CASES)
def test_role_names(text, leads, supports):
    assert _roles(text) == (leads, supports)
