"""Resolve (resolve.inherit): what a task takes from its parent and its section when it states
nothing itself. One table of composed notices: each row is a notice and, per task in order,
(lead bodies, inherited?, period) as the resolver must give them."""
from __future__ import annotations

import pytest

import vntasks

_HEAD = ("ỦY BAN NHÂN DÂN\nHUYỆN SƠN ĐÔNG\n\nSố: 77/TB-UBND\n\nSơn Đông, ngày 10 tháng 3 năm 2024\n\n"
         "THÔNG BÁO\nKết luận của Chủ tịch UBND huyện tại cuộc họp giao ban\n\n")

CASES = [
    # a sub-item naming no body takes its parent's, marked inherited
    ("1. Phòng Nông nghiệp và Phát triển nông thôn chủ trì các nội dung sau:\n"
     "- Rà soát diện tích lúa bị ảnh hưởng do hạn hán.\n"
     "- Tổng hợp nhu cầu hỗ trợ giống cây trồng.\n",
     [(["Phòng Nông nghiệp và Phát triển nông thôn"], False, None),
      (["Phòng Nông nghiệp và Phát triển nông thôn"], True, None),
      (["Phòng Nông nghiệp và Phát triển nông thôn"], True, None)]),
    # a sub-item naming its own body keeps it, not the parent's
    ("1. Phòng Tài chính - Kế hoạch tham mưu các nội dung sau:\n"
     "- Bố trí kinh phí sửa chữa trường học.\n"
     "- Ủy ban nhân dân xã Tuấn Đạo lập hồ sơ đề nghị hỗ trợ.\n",
     [(["Phòng Tài chính - Kế hoạch"], False, None),
      (["Phòng Tài chính - Kế hoạch"], True, None),
      (["Ủy ban nhân dân xã Tuấn Đạo"], False, None)]),
    # the section heading's period reaches every item under it; an item's own period wins
    ("II. Nhiệm vụ trọng tâm quý II năm 2024\n"
     "1. Công an huyện tăng cường tuần tra kiểm soát trên các tuyến đường.\n"
     "2. Phòng Văn hóa và Thông tin tổ chức các hoạt động văn hóa trong tháng 5/2024.\n",
     [(["Công an huyện"], False, ("2024-04-01", "2024-06-30")),
      (["Phòng Văn hóa và Thông tin"], False, ("2024-05-01", "2024-05-31"))]),
    # "người đứng đầu" / "thủ trưởng đơn vị" is the head of whoever the item addresses: no body of its own
    ("1. Các phòng, ban chuyên môn huyện, Ủy ban nhân dân các xã:\n"
     "a) Người đứng đầu trực tiếp chỉ đạo, chịu trách nhiệm về tiến độ cải cách hành chính.\n"
     "b) Rà soát thủ tục hành chính; thủ trưởng đơn vị chịu trách nhiệm nếu để hồ sơ quá hạn.\n"
     "c) Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện tổng hợp kết quả.\n",
     [(["Các phòng, ban chuyên môn huyện", "Ủy ban nhân dân các xã"], True, None),
      (["Các phòng, ban chuyên môn huyện", "Ủy ban nhân dân các xã"], True, None),
      (["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"], False, None)]),
    # an item that only names a body, even one whose name holds a verb, over sub-items is a heading:
    # not a task, its body is theirs
    ("1. Các cơ quan đăng ký đầu tư (Ban Quản lý khu kinh tế, Sở Kế hoạch):\n"
     "a) Công khai thủ tục cấp phép trên cổng thông tin điện tử.\n"
     "b) Giải quyết hồ sơ đúng thời hạn quy định.\n"
     "2. Cơ quan chủ trì thẩm định dự án\n"
     "a) Lấy ý kiến các cơ quan liên quan trong thời hạn quy định.\n",
     [(["Các cơ quan đăng ký đầu tư"], True, None),
      (["Các cơ quan đăng ký đầu tư"], True, None),
      (["Cơ quan chủ trì thẩm định dự án"], True, None)]),
    # with nothing to inherit the role stays the lead
    ("Người đứng đầu các cơ quan, đơn vị chịu trách nhiệm về kết quả cải cách hành chính của đơn vị mình.\n",
     [(["Người đứng đầu các cơ quan, đơn vị"], False, None)]),
]


def _row(t):
    lead = [b.name for b in t.responsible if b.role == "lead"]
    inherited = any(b.inherited for b in t.responsible if b.role == "lead")
    period = (t.period.start.isoformat(), t.period.end.isoformat()) if t.period else None
    return lead, inherited, period


@pytest.mark.parametrize("body, expected", CASES)
def test_inheritance(body, expected):
    doc = vntasks.extract(_HEAD + body + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    got = [_row(t) for t in doc.tasks]
    got = [(lead, inh, tuple(str(d) for d in p) if p else None) for lead, inh, p in got]
    assert got == expected


# A repeat: the same directive to the same body, word for word (an annex table restating an
# assignment of the body, a sub-list copied under a second heading), is one task; the same
# words addressed to another body, or with no body at all, are tasks of their own.
_REPEAT_CASES = [
    ("1. Sở Y tế\n- Kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.\n"
     "\n"
     "STT\nNội dung\nCơ quan chủ trì\nThời gian\n"
     "1\nKiểm tra an toàn thực phẩm tại các bếp ăn tập thể.\nSở Y tế\nQuý I/2025\n"
     "2\nTuyên truyền phòng chống dịch bệnh mùa đông.\nSở Y tế\nQuý I/2025\n",
     ["Kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.", "Tuyên truyền phòng chống dịch bệnh mùa đông."]),
    ("a) Phòng Giáo dục và Đào tạo\n- Rà soát cơ sở vật chất trường học;\n"
     "b) Ủy ban nhân dân các xã\n- Rà soát cơ sở vật chất trường học;\n",
     ["Rà soát cơ sở vật chất trường học;", "Rà soát cơ sở vật chất trường học;"]),
    ("3.1. Góp ý dự thảo các văn bản hướng dẫn\na) Thông tư hướng dẫn về quản lý giống cây trồng.\n"
     "- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.\n"
     "3.2. Triển khai các văn bản hướng dẫn\na) Thông tư hướng dẫn về quản lý giống cây trồng.\n"
     "- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.\n",
     ["Thông tư hướng dẫn về quản lý giống cây trồng."]),
]


@pytest.mark.parametrize("body, expected", _REPEAT_CASES)
def test_repeat_is_one_task(body, expected):
    doc = vntasks.extract(_HEAD + "II. Tổ chức thực hiện\n" + body + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    assert [t.text for t in doc.tasks] == expected


# A heading that only states the roles ("Chủ trì, phối hợp:") over bullets naming bodies: the
# heading's body (its own or its parent's) leads each bullet, the bullet's subjects are support.
_ROLE_HEAD_CASES = [
    ("2.4. Sở Công Thương\n"
     "a) Chủ trì, phối hợp với các đơn vị liên quan kiểm tra thị trường dịp cuối năm.\n"
     "b) Chủ trì, phối hợp\n"
     "- Sở Tài chính và các cơ quan liên quan bố trí kinh phí cho đoàn kiểm tra liên ngành.\n"
     "- Công an tỉnh, Cục Hải quan tăng cường kiểm soát hàng giả trên tuyến biên giới.\n"
     "c) Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.\n",
     [(["Sở Công Thương"], ["Các đơn vị liên quan"]),
      (["Sở Công Thương"], ["Sở Tài chính", "Các cơ quan liên quan"]),
      (["Sở Công Thương"], ["Công an tỉnh", "Cục Hải quan"]),
      (["Sở Công Thương"], [])]),
    ("3. Ban Chỉ huy Quân sự huyện chủ trì, phối hợp với:\n"
     "- Phòng Y tế huyện tổ chức khám sức khỏe cho thanh niên nhập ngũ.\n"
     "- Rà soát danh sách công dân trong độ tuổi.\n",
     [(["Ban Chỉ huy quân sự huyện"], []),
      (["Ban Chỉ huy quân sự huyện"], ["Phòng Y tế huyện"]),
      (["Ban Chỉ huy quân sự huyện"], [])]),
    # a heading that names a body without the roles: the bullet's subject is its own lead
    ("2.4. Sở Công Thương\n"
     "- Sở Tài chính bố trí kinh phí cho đoàn kiểm tra liên ngành.\n",
     [(["Sở Tài chính"], [])]),
]


@pytest.mark.parametrize("body, expected", _ROLE_HEAD_CASES)
def test_role_heading_makes_bullet_subjects_support(body, expected):
    doc = vntasks.extract(_HEAD + "II. Tổ chức thực hiện\n" + body + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    got = [([b.name for b in t.responsible if b.role == "lead"], [b.name for b in t.responsible if b.role == "support"])
           for t in doc.tasks]
    assert got == expected
