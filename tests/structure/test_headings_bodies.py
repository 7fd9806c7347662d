"""Headings that only name bodies (structure.segment): "1. Sở Tài chính" over sub-items is a
heading, not a task; its sub-items are the tasks and take its bodies as their lead. Over a
single paragraph the line is that paragraph's subject (one item). Composed plans."""
from __future__ import annotations

import pytest

import vntasks
from vntasks.structure.segment import segment

_HEAD = ("ỦY BAN NHÂN DÂN\nHUYỆN ĐẠI LỘC\n\nSố: 88/KH-UBND\n\nĐại Lộc, ngày 3 tháng 4 năm 2026\n\n"
         "KẾ HOẠCH\nTriển khai chuyển đổi số năm 2026\n\nI. TỔ CHỨC THỰC HIỆN\n")
_TAIL = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nCHỦ TỊCH\nTrần Văn Hai\n"

CASES = [
    # a body, a body with a gloss and ":", several bodies, "Đề nghị" + a body: headings
    ("1. Phòng Văn hóa và Thông tin\n- Chủ trì xây dựng chuyên mục chuyển đổi số.\n"
     "- Hướng dẫn các xã cập nhật dữ liệu.\n",
     [("Chủ trì xây dựng chuyên mục", ["Phòng Văn hóa và Thông tin"]),
      ("Hướng dẫn các xã cập nhật", ["Phòng Văn hóa và Thông tin"])]),
    ("2. Phòng Nội vụ (cơ quan thường trực Ban Chỉ đạo):\na) Tham mưu kiện toàn Ban Chỉ đạo.\n"
     "b) Theo dõi, đôn đốc việc thực hiện.\n",
     [("Tham mưu kiện toàn", ["Phòng Nội vụ"]), ("Theo dõi, đôn đốc", ["Phòng Nội vụ"])]),
    ("3. Công an huyện, Ban Chỉ huy Quân sự huyện\n- Bảo đảm an toàn hệ thống thông tin.\n",
     [("Bảo đảm an toàn", ["Công an huyện", "Ban Chỉ huy Quân sự huyện"])]),
    ("4. Đề nghị Huyện đoàn\n- Phát động thanh niên tham gia tổ công nghệ số cộng đồng.\n",
     [("Phát động thanh niên", ["Huyện đoàn"])]),
    # a stub that only names the roles is a heading too
    ("5. Trung tâm Y tế huyện\na) Chủ trì, phối hợp:\n- Triển khai hồ sơ sức khỏe điện tử.\n",
     [("Triển khai hồ sơ sức khỏe", ["Trung tâm Y tế huyện"])]),
    # a plural body whose head is also a verb ("các tổ chức", "những ..."): still only a body
    ("8. Các tổ chức chính trị - xã hội huyện:\n- Vận động hội viên cài đặt ứng dụng định danh điện tử.\n",
     [("Vận động hội viên", ["Tổ chức chính trị - xã hội huyện"])]),
    ("9. Các tổ chức thành viên của Mặt trận\n- Tuyên truyền lợi ích của dịch vụ công trực tuyến.\n",
     [("Tuyên truyền lợi ích", None)]),
    # the bodies of an election (Ban bầu cử, Tổ bầu cử) and a community team are bodies
    ("10. Các Ban bầu cử, Tổ bầu cử:\n- Niêm yết danh sách người ứng cử tại khu vực bỏ phiếu.\n",
     [("Niêm yết danh sách", ["Ban bầu cử", "Tổ bầu cử"])]),
    ("11. Đoàn Thanh niên xã\n- Phối hợp với tổ công nghệ số cộng đồng hướng dẫn người cao tuổi.\n",
     [("Phối hợp với tổ công nghệ số", ["Đoàn Thanh niên xã"])]),
    # a body with its verb is an item (a task) even over sub-items
    ("6. Ủy ban nhân dân các xã thực hiện các nội dung sau:\n- Rà soát hạ tầng mạng.\n",
     [("Ủy ban nhân dân các xã thực hiện", ["Ủy ban nhân dân các xã"]),
      ("Rà soát hạ tầng mạng", ["Ủy ban nhân dân các xã"])]),
    # a body over a single paragraph: one item, the line is its subject
    ("7. Các cơ quan, đơn vị trên địa bàn\nCăn cứ Kế hoạch này, xây dựng kế hoạch của đơn vị trước ngày 30/4/2026.\n",
     [("Các cơ quan, đơn vị trên địa bàn Căn cứ Kế hoạch này", None)]),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_body_headings(body, expected):
    tasks = vntasks.extract(_HEAD + body + _TAIL).tasks
    assert len(tasks) == len(expected), [t.text for t in tasks]
    for t, (start, leads) in zip(tasks, expected, strict=True):
        assert " ".join(t.text.split()).startswith(start), t.text
        if leads is not None:
            got = [b.name.casefold() for b in t.responsible if b.role == "lead"]
            # the issuer's level may be added to a body named without one ("Ban bầu cử huyện")
            assert len(got) == len(leads) and all(g.startswith(x.casefold()) for g, x in zip(got, leads, strict=True)), got
    if "Phối hợp với tổ công nghệ số" in body:
        assert [b.name for b in tasks[0].responsible if b.role == "support"][0].startswith("Tổ công nghệ số cộng đồng")


def test_a_body_heading_is_a_heading_unit():
    seg = segment("1. Sở Xây dựng\n- Thẩm định thiết kế nhà văn hóa.\n2. Sở Xây dựng thẩm định hồ sơ.\n")
    assert [u.kind for u in seg.units] == ["heading", "item", "item"]
