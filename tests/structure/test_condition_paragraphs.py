"""An unnumbered paragraph among items that sets a condition and then directs a body of its own
("Trường hợp ..., cơ quan chủ trì có trách nhiệm ...") is a task of its
own (SPEC: an unnumbered paragraph among the items that issues its own directive), and the items
after it stay in their list under the same heading. A condition with no subject and duty after it
("Trường hợp cần thiết, tổ chức ...") goes on the item above. Composed notices."""
from __future__ import annotations

import pytest

import vntasks

_NOTICE = ("ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\n\nSố: 08/CT-UBND\n\nHòa Bình, ngày 5 tháng 1 năm 2026\n\n"
           "CHỈ THỊ\nVề tăng cường quản lý khai thác khoáng sản\n\n"
           "1. Sở Công Thương:\n"
           "a) Tiếp nhận hồ sơ cấp phép và lấy ý kiến các cơ quan liên quan.\n"
           "b) Kiểm tra thực địa các khu vực đề nghị cấp phép.\n"
           "{para}\n"
           "c) Công khai danh mục các mỏ đã cấp phép trên cổng thông tin điện tử.\n"
           "2. Công an tỉnh kiểm tra, xử lý nghiêm các vi phạm.\n\n"
           "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nBùi Văn Khánh\n")


def _tasks(para):
    doc = vntasks.extract(_NOTICE.format(para=para))
    return [(t.label, t.text.split(",")[0][:40], [b.name for b in t.responsible if b.role == "lead"])
            for t in doc.tasks]


@pytest.mark.parametrize(("para", "lead"), [
    ("Trường hợp các sở được lấy ý kiến có ý kiến khác nhau, Sở Xây dựng có trách nhiệm tổ chức lấy lại "
     "ý kiến trước khi trình.", "Sở Xây dựng"),
    ("Trường hợp hồ sơ chưa đủ điều kiện, Sở Tài chính phải thông báo bằng văn bản cho tổ chức đề nghị.",
     "Sở Tài chính"),
])
def test_a_condition_with_its_own_subject_is_a_task(para, lead):
    got = _tasks(para)
    own = [g for g in got if g[0] is None]
    assert len(own) == 1 and own[0][2] == [lead]
    # the list goes on after it: c) keeps its heading's body, 2. is a task of its own
    assert ("c)", "Công khai danh mục các mỏ đã cấp phép tr", ["Sở Công Thương"]) in got
    assert [g[0] for g in got] == ["a)", "b)", None, "c)", "2."]


@pytest.mark.parametrize("para", [
    "Trường hợp cần thiết, tổ chức kiểm tra thực địa trước khi trình.",
    "Trường hợp hồ sơ đã đầy đủ, các cơ quan được lấy ý kiến trả lời trong 10 ngày.",
])
def test_a_condition_without_a_duty_stays_with_its_item(para):
    got = _tasks(para)
    assert [g[0] for g in got] == ["a)", "b)", "c)", "2."]


@pytest.mark.parametrize(("para", "lead"), [
    ("Đồng thời, giao Sở Tài chính chủ trì, phối hợp với các sở liên quan bố trí kinh phí thực hiện.", "Sở Tài chính"),
    ("Ngoài ra, đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tăng cường giám sát việc cấp phép.",
     "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
])
def test_a_directive_after_a_connective_is_a_task(para, lead):
    got = _tasks(para)
    own = [g for g in got if g[0] is None]
    assert len(own) == 1 and own[0][2] == [lead]
    assert ("b)", "Kiểm tra thực địa các khu vực đề nghị cấp phép."[:40], ["Sở Công Thương"]) in got
