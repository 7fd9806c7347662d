"""A table cell of bodies (resolve.inherit's cell split): a bare plural noun and the nouns after
its comma that share one qualifier are one body ("Các cơ quan, đơn vị thành viên Ban Chỉ đạo"),
as "Sở, ban, ngành" is; a qualified name before the comma still ends a body. Composed plans."""
from __future__ import annotations

import pytest

import vntasks

_PLAN = ("ỦY BAN NHÂN DÂN\nXÃ PHÚ NINH\n\nSố: 15/KH-UBND\n\nPhú Ninh, ngày 10 tháng 3 năm 2026\n\n"
         "KẾ HOẠCH\nPhòng, chống sốt xuất huyết năm 2026\n\nI. NHIỆM VỤ\n"
         "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.\n\n"
         "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nĐinh Văn Lực\n\n"
         "PHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\n\nTT\nNội dung công việc\nCơ quan chủ trì\nCơ quan phối hợp\n"
         "Thời gian hoàn thành\n1\nPhun hóa chất diệt muỗi tại các ổ dịch\nTrạm Y tế xã\n{cell}\nTháng 6/2026\n")


@pytest.mark.parametrize(("cell", "names"), [
    ("Các cơ quan, đơn vị thành viên Ban Chỉ đạo", ["Các cơ quan, đơn vị thành viên Ban Chỉ đạo"]),
    ("Công an xã, các cơ quan, đơn vị thành viên Ban Chỉ đạo",
     ["Công an xã", "Các cơ quan, đơn vị thành viên Ban Chỉ đạo"]),
    # a qualified name before the comma is a body of its own
    ("Cơ quan thường trực Ban Chỉ đạo, đơn vị thành viên Ban Chỉ đạo",
     ["Cơ quan thường trực Ban Chỉ đạo", "Đơn vị thành viên Ban Chỉ đạo"]),
])
def test_a_bare_plural_shares_the_qualifier_after_it(cell, names):
    doc = vntasks.extract(_PLAN.format(cell=cell))
    (row,) = [t for t in doc.tasks if t.label == "1"]
    got = [b.name for b in row.responsible if b.role == "support"]
    assert [g[:1].upper() + g[1:] for g in got] == names
