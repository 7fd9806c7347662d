"""Bodies of an activity block (resolve.inherit with extractors.bodies): a plan writes an activity
as a heading ("a) Hoạt động 1") over labelled lines, "- Nội dung: ..." (the task) and "- Cơ quan
thực hiện: X chủ trì, phối hợp với Y" (its bodies); the labelled bodies are the task's lead and
support (SPEC "Plans and tables": labelled lines are fields of the item they belong to).

Composed notices; expected names written by hand from SPEC "Bodies (responsible)".
"""
from __future__ import annotations

import pytest

import vntasks

_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\n\nSố: 45/KH-UBND\n\nNinh Thuận, ngày 8 tháng 4 năm 2025\n\n"
         "KẾ HOẠCH\nTriển khai công tác gia đình năm 2025\n\nII. NỘI DUNG HOẠT ĐỘNG\n\n"
         "1. Truyền thông về xây dựng gia đình\n\n")

# (body of the notice, [(leads, supports) per task in order])
CASES = [
    ("a) Hoạt động 1\n\n- Nội dung: Tổ chức hội thi tìm hiểu pháp luật về hôn nhân và gia đình.\n\n"
     "- Cơ quan thực hiện: Sở Tư pháp chủ trì, phối hợp với Hội Liên hiệp Phụ nữ tỉnh và Tỉnh đoàn.\n\n"
     "b) Hoạt động 2\n\n- Nội dung: Biên soạn tài liệu hỏi đáp về phòng, chống bạo lực gia đình.\n\n"
     "- Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Ủy ban nhân dân các xã.\n",
     [(["Sở Tư pháp"], ["Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn"]),
      (["Sở Văn hóa, Thể thao và Du lịch"], ["Ủy ban nhân dân các xã"])]),
    # two contents under one activity share its labelled bodies; a lead label alone gives the lead
    ("a) Hoạt động 1\n\n- Nội dung:\n\n+ Sơ kết mô hình câu lạc bộ gia đình hạnh phúc tại các xã.\n\n"
     "+ Tập huấn kỹ năng làm cha mẹ cho các hộ gia đình trẻ.\n\n"
     "- Cơ quan thực hiện: Sở Y tế.\n",
     [(["Sở Y tế"], []), (["Sở Y tế"], [])]),
    # a labelled field written as a sentence: its subjects, not the sentence cut at commas
    ("a) Hoạt động 1\n\n- Nội dung: Rà soát các quy định về hỗ trợ hộ nghèo.\n\n"
     "- Cơ quan thực hiện: Sở Nội vụ tiến hành rà soát các quy định thuộc thẩm quyền của mình; các sở, "
     "ngành liên quan và Ủy ban nhân dân các xã rà soát văn bản do cơ quan mình ban hành.\n\n"
     "b) Hoạt động 2\n\n- Nội dung: Hướng dẫn áp dụng chuẩn nghèo mới.\n\n"
     "- Cơ quan thực hiện: Các sở, ngành có liên quan theo chức năng, nhiệm vụ quản lý được giao.\n",
     [(["Sở Nội vụ", "Các sở, ngành liên quan", "Ủy ban nhân dân các xã"], []),
      (["Các sở, ngành có liên quan"], [])]),
    # a list the reader parts more finely than the commas do ("... và các cơ quan, tổ chức liên quan")
    ("a) Hoạt động 1\n\n- Nội dung: Kiểm tra việc thực hiện quy chế dân chủ.\n\n"
     "- Cơ quan thực hiện: Sở Nội vụ.\n\n- Cơ quan phối hợp: Các sở, ngành, Ủy ban nhân dân các xã và các "
     "cơ quan, tổ chức có liên quan.\n",
     [(["Sở Nội vụ"], ["Các sở, ngành", "Ủy ban nhân dân các xã", "Các cơ quan, tổ chức có liên quan"])]),
    # a name the reader shortens ("UBND 04 huyện ...": a count in the name) is kept whole when the
    # field states no duty
    ("a) Hoạt động 1\n\n- Nội dung: Xây dựng đề án chợ biên giới.\n\n"
     "- Cơ quan thực hiện: UBND 04 huyện biên giới.\n",
     [(["Ủy ban nhân dân 04 huyện biên giới"], [])]),
    # a cell naming a body the reader does not know keeps it as written
    ("a) Hoạt động 1\n\n- Nội dung: Tổ chức diễn đàn thanh niên khởi nghiệp.\n\n"
     "- Cơ quan thực hiện: Nhà Văn hóa Thanh niên tỉnh.\n",
     [(["Nhà Văn hóa Thanh niên tỉnh"], [])]),
]


def _roles(task) -> tuple[list[str], list[str]]:
    return ([b.name for b in task.responsible if b.role == "lead"],
            [b.name for b in task.responsible if b.role == "support"])


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_activity_fields(body, expected):
    doc = vntasks.extract_text(_HEAD + body)
    assert [_roles(t) for t in doc.tasks] == expected
