"""Labelled field lines written as plain paragraphs under an item (structure.segment): "Đơn vị
chủ trì thực hiện: ...", "Đơn vị phối hợp: ...", "Thời gian thực hiện: ..." are fields of the
item above (of every bullet of the group they close), not tasks; their bodies are its lead and
support and win over the item's own subject. A line that begins in lower case continues the
sentence of the line before. Composed plans."""
from __future__ import annotations

import pytest

import vntasks

_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n\nSố: 19/KH-UBND\n\nHà Nam, ngày 6 tháng 1 năm 2026\n\n"
         "KẾ HOẠCH\nNâng cao chất lượng công tác văn thư, lưu trữ năm 2026\n\nI. NHIỆM VỤ, GIẢI PHÁP\n")
_TAIL = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nCHỦ TỊCH\nĐỗ Văn Ba\n"


def _rows(body: str):
    out = []
    for t in vntasks.extract(_HEAD + body + _TAIL).tasks:
        lead = [b.name.casefold() for b in t.responsible if b.role == "lead"]
        support = [b.name.casefold() for b in t.responsible if b.role == "support"]
        out.append((" ".join(t.text.split())[:30], lead, support))
    return out


CASES = [
    # field lines after one bullet, label variants with words before the colon
    ("1. Chuẩn hóa hồ sơ lưu trữ\n- Số hóa hồ sơ lưu trữ lịch sử của tỉnh.\n"
     "Đơn vị chủ trì thực hiện: Sở Nội vụ.\nĐơn vị phối hợp thực hiện: Sở Khoa học và Công nghệ.\n"
     "Thời gian thực hiện: Quý IV năm 2026.\n",
     [("Số hóa hồ sơ lưu trữ lịch sử", ["sở nội vụ"], ["sở khoa học và công nghệ"])]),
    # a field block that closes a group of two bullets belongs to both
    ("1. Nâng cao năng lực cán bộ văn thư\n- Mở lớp bồi dưỡng nghiệp vụ văn thư.\n"
     "- Cử công chức tham gia hội thi lưu trữ.\nCơ quan chủ trì thực hiện: Sở Nội vụ.\n"
     "Cơ quan phối hợp: Sở Tài chính.\n",
     [("Mở lớp bồi dưỡng nghiệp vụ", ["sở nội vụ"], ["sở tài chính"]),
      ("Cử công chức tham gia hội thi", ["sở nội vụ"], ["sở tài chính"])]),
    # the labelled lead wins over the bullet's own subject
    ("1. Kiểm tra công tác văn thư\n- Các cơ quan, đơn vị tự kiểm tra việc lập hồ sơ công việc.\n"
     "Đơn vị chủ trì: Văn phòng Ủy ban nhân dân tỉnh.\n",
     [("Các cơ quan, đơn vị tự kiểm tra", ["văn phòng ủy ban nhân dân tỉnh"], [])]),
    # a lower-case line continues the sentence, even after ";"
    ("1. Chấn chỉnh kỷ luật hành chính\n- Đề nghị người đứng đầu các sở;\n"
     "thủ trưởng các đơn vị trực thuộc chịu trách nhiệm về chất lượng hồ sơ.\n",
     [("Đề nghị người đứng đầu các sở;", ["người đứng đầu các sở", "thủ trưởng các đơn vị trực thuộc"], [])]),
    # a generic class of bodies that ends with the manner it acts in is one body, the manner no part of it
    ("1. Bảo quản tài liệu\n- Bố trí kho lưu trữ đạt chuẩn cho hồ sơ nhân sự.\n"
     "Đơn vị chủ trì thực hiện: Các cơ quan, đơn vị theo quy định.\nĐơn vị phối hợp: Sở Nội vụ.\n",
     [("Bố trí kho lưu trữ đạt chuẩn", ["các cơ quan, đơn vị"], ["sở nội vụ"])]),
    ("1. Bảo quản tài liệu\n- Bố trí kho lưu trữ đạt chuẩn cho hồ sơ nhân sự.\n"
     "Đơn vị chủ trì thực hiện: Các sở, ngành theo chức năng, nhiệm vụ được giao.\n",
     [("Bố trí kho lưu trữ đạt chuẩn", ["các sở, ngành"], [])]),
    # an empty lead label over sub-items: the one that states the roles is the field's value, one
    # that carries its own action stays an item of its own
    ("1. Chỉnh lý tài liệu tồn đọng\na) Hoạt động 1\n"
     "- Nội dung: Chỉnh lý khối tài liệu tồn đọng giai đoạn 2010-2020.\n"
     "- Cơ quan thực hiện:\n+ Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và các đơn vị có liên quan.\n"
     "+ Trung tâm Lưu trữ lịch sử tỉnh tiếp nhận tài liệu sau chỉnh lý.\n",
     [("Nội dung: Chỉnh lý khối tài liệ", ["sở nội vụ"], ["sở tài chính", "các đơn vị có liên quan"]),
      ("Trung tâm Lưu trữ lịch sử tỉnh", ["trung tâm lưu trữ lịch sử tỉnh"], [])]),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_field_lines(body, expected):
    rows = _rows(body)
    assert len(rows) == len(expected), rows
    for (text, lead, support), (start, want_lead, want_support) in zip(rows, expected, strict=True):
        assert text.startswith(start[:30]), text
        assert (lead, support) == (want_lead, want_support)


@pytest.mark.parametrize(("line", "deadline"), [
    ("Thời gian thực hiện: Từ 01/7/2026.", None),
    ("Thời gian thực hiện: Giai đoạn 2026 - 2030.", None),
    ("Thời gian thực hiện: Thường xuyên.", None),
    ("Thời gian hoàn thành: trước ngày 30/9/2026.", "2026-09-30"),
    ("Thời gian thực hiện: tháng 10/2026.", "2026-10-31"),
])
def test_a_time_field_line(line, deadline):
    body = "1. Chuẩn hóa hồ sơ lưu trữ\n- Số hóa hồ sơ lưu trữ lịch sử của tỉnh.\nĐơn vị chủ trì: Sở Nội vụ.\n" + line + "\n"
    (task,) = vntasks.extract(_HEAD + body + _TAIL).tasks
    assert (task.deadline.date.isoformat() if task.deadline else None) == deadline
