"""A Quyết định's articles (text.patterns.PART_MARK, structure.classify): "Điều 1.", "Điều 2." open
parts of the decision, so the execution clause of the last article ("Chánh Văn phòng ..., Giám đốc
các sở ... chịu trách nhiệm thi hành Quyết định này") is no part of the item above it and lends it
no bodies; an item labelled with an aim ("1. Mục tiêu: ...") is an aim, not a task (SPEC). Composed
decisions run through the whole pipeline."""
from __future__ import annotations

import pytest

import vntasks

_DECISION = ("ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\n\nSố: 905/QĐ-UBND\n\nCao Bằng, ngày 03 tháng 5 năm 2027\n\n"
             "QUYẾT ĐỊNH\nVề việc phê duyệt Phương án phòng, chống cháy rừng năm 2027\n\n"
             "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG\n\nQUYẾT ĐỊNH:\n\n"
             "Điều 1. Phê duyệt Phương án phòng, chống cháy rừng năm 2027 với các nội dung sau:\n"
             "1. {aim}\n"
             "2. Phạm vi: toàn bộ diện tích rừng trên địa bàn tỉnh.\n\n"
             "Điều 2. Tổ chức thực hiện\n"
             "1. Sở Nông nghiệp và Môi trường chủ trì tổ chức thực hiện Phương án.\n"
             "2. Hạt Kiểm lâm khu vực phối hợp với Công an tỉnh tuần tra các vùng trọng điểm cháy.\n\n"
             "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n"
             "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính, Chủ tịch UBND các xã chịu trách nhiệm "
             "thi hành Quyết định này./.\n\n"
             "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNông Thị Hạnh\n")


@pytest.mark.parametrize("aim", [
    "Mục tiêu: giảm 30% số vụ cháy rừng so với năm 2026; không để cháy lớn xảy ra.",
    "Mục tiêu cụ thể: 100% chủ rừng xây dựng phương án phòng cháy tại chỗ.",
    "Chỉ tiêu: tỷ lệ che phủ rừng đạt 57%.",
])
def test_articles_part_the_decision_and_aims_are_no_tasks(aim):
    tasks = vntasks.extract(_DECISION.format(aim=aim)).tasks
    texts = [t.text for t in tasks]
    assert not any(t.startswith(("Mục tiêu", "Chỉ tiêu", "Phạm vi")) for t in texts), texts
    hat = next(t for t in tasks if t.text.startswith("Hạt Kiểm lâm"))
    names = [r.name for r in hat.responsible]
    assert "Sở Tài chính" not in " ".join(names), names
    assert not any("Chủ tịch" in n for n in names), names
    assert "thi hành" not in hat.text


@pytest.mark.parametrize(("line", "part"), [
    ("Điều 2. Tổ chức thực hiện", True),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", True),
    ("ĐIỀU 1. PHÊ DUYỆT KẾ HOẠCH", True),
    ("Điều 12 Nghị định số 45/2026/NĐ-CP quy định", False),
    ("Điều chỉnh kế hoạch vốn năm 2027.", False),
])
def test_article_line_is_a_part_mark(line, part):
    import regex

    from vntasks.text import patterns as P
    assert bool(regex.match(P.PART_MARK, line)) is part
