"""A paragraph with a subject of its own between two sibling items (structure.segment,
structure.directives, structure.classify, extractors.bodies.roles): after a fronted circumstance
("Trong quá trình thực hiện, giao X ...", "Trong quá trình triển khai, X phải ...") or a condition
("Nếu ..., thì X phải ...") it is a task of its own (SPEC: an unnumbered paragraph among items that
issues a directive), the item above it stays an item, and its subject is its lead. Composed Chỉ thị."""
from __future__ import annotations

import pytest

import vntasks

_DOC = ("ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\n\nSố: 07/CT-UBND\n\nHòa Bình, ngày 06 tháng 5 năm 2026\n\n"
        "CHỈ THỊ\nVề tăng cường quản lý thị trường\n\n"
        "1. Sở Công Thương:\n\na) Chủ trì kiểm tra các cơ sở kinh doanh xăng dầu trên địa bàn.\n\n"
        "b) Hướng dẫn các doanh nghiệp niêm yết giá bán.\n\n{para}\n\n"
        "c) Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/6/2026.\n\n"
        "2. Công an tỉnh chỉ đạo lực lượng chức năng xử lý nghiêm các vi phạm.\n\n"
        "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLò Văn Nam\n")


def _tasks(para):
    return [(t.text, [b.name for b in t.responsible if b.role == "lead"])
            for t in vntasks.extract(_DOC.format(para=para)).tasks]


@pytest.mark.parametrize("para, lead", [
    ("Trong quá trình thực hiện, giao Thanh tra tỉnh phối hợp kiểm tra việc chấp hành pháp luật về giá.",
     "Thanh tra tỉnh"),
    ("Trong quá trình triển khai, Thanh tra tỉnh phải phối hợp kiểm tra việc chấp hành pháp luật về giá.",
     "Thanh tra tỉnh"),
    ("Trong quá trình tổ chức thực hiện, giao Ban Quản lý các khu công nghiệp rà soát các doanh nghiệp "
     "trong khu công nghiệp.", "Ban Quản lý các khu công nghiệp"),
    ("Nếu phát hiện sai phạm nghiêm trọng, thì Công an tỉnh phải điều tra, xử lý theo quy định.", "Công an tỉnh"),
])
def test_a_paragraph_with_its_own_subject_among_items_is_a_task(para, lead):
    assert _tasks(para) == [
        ("Chủ trì kiểm tra các cơ sở kinh doanh xăng dầu trên địa bàn.", ["Sở Công Thương"]),
        ("Hướng dẫn các doanh nghiệp niêm yết giá bán.", ["Sở Công Thương"]),
        (para, [lead]),
        ("Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/6/2026.", ["Sở Công Thương"]),
        ("Công an tỉnh chỉ đạo lực lượng chức năng xử lý nghiêm các vi phạm.", ["Công an tỉnh"]),
    ]


def test_the_closing_on_problems_among_items_stays_no_task():
    para = ("Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị kịp thời phản ánh về Sở Công Thương "
            "để tổng hợp.")
    assert [t for t, _ in _tasks(para)] == [
        "Chủ trì kiểm tra các cơ sở kinh doanh xăng dầu trên địa bàn.",
        "Hướng dẫn các doanh nghiệp niêm yết giá bán.",
        "Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/6/2026.",
        "Công an tỉnh chỉ đạo lực lượng chức năng xử lý nghiêm các vi phạm.",
    ]
