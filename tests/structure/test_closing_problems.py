"""The plans' closing formula on problems ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc,
các cơ quan, đơn vị phản ánh/báo cáo về X ...") after the last item (structure.segment): a closing
formula (SPEC: not a task) that does not run on the last item, whose bodies stay its own. Composed
plans."""
from __future__ import annotations

import pytest

import vntasks

_PLAN = ("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\n\nSố: 19/KH-UBND\n\nTân Lập, ngày 06 tháng 5 năm 2026\n\n"
         "KẾ HOẠCH\nTổng vệ sinh môi trường hưởng ứng Ngày Môi trường thế giới\n\n"
         "I. TỔ CHỨC THỰC HIỆN\n\n1. Công chức Địa chính - Xây dựng tổng hợp kết quả, báo cáo trước ngày 10/6/2026.\n\n"
         "2. Bộ phận Tài chính - Kế toán bố trí kinh phí mua dụng cụ vệ sinh cho các thôn.\n\n{para}\n\n"
         "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLò Thị Hoa\n")


def _tasks(para):
    return [(t.text, [b.name for b in t.responsible if b.role == "lead"])
            for t in vntasks.extract(_PLAN.format(para=para)).tasks]


@pytest.mark.parametrize("para", [
    "Trong quá trình thực hiện, nếu có vướng mắc, các bộ phận, thôn kịp thời phản ánh về Ủy ban nhân dân xã "
    "(qua công chức Văn phòng - Thống kê) để xem xét, giải quyết./.",
    "Trong quá trình triển khai thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo về Ủy ban nhân dân xã "
    "để được hướng dẫn./.",
    "Trong quá trình thực hiện Kế hoạch, nếu phát sinh vướng mắc, đề nghị các thôn liên hệ Văn phòng Ủy ban nhân "
    "dân xã để được giải đáp.",
])
def test_the_closing_on_problems_is_no_part_of_the_last_item(para):
    assert _tasks(para) == [
        ("Công chức Địa chính - Xây dựng tổng hợp kết quả, báo cáo trước ngày 10/6/2026.",
         ["Công chức Địa chính - Xây dựng xã"]),
        ("Bộ phận Tài chính - Kế toán bố trí kinh phí mua dụng cụ vệ sinh cho các thôn.",
         ["Bộ phận Tài chính - Kế toán"]),
    ]

