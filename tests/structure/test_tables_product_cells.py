"""A product column after the partners (structure.tables): in "STT | Nội dung | Cơ quan chủ trì |
Cơ quan phối hợp | Sản phẩm | Thời gian" flattened one cell per line, a short product cell that names
no body ("05 lớp tập huấn", "Tin, bài, video clip") opens the product column instead of running on
the support cell; a support cell that visibly runs over two lines ("...;" / "UBND các xã") keeps both.
"Hiệp hội ..." is a body's name (data/body_heads.tsv). Composed plans, run through the whole pipeline."""
from __future__ import annotations

import pytest

import vntasks

_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n\nSố: 77/KH-UBND\n\nHà Giang, ngày 03 tháng 4 năm 2027\n\n"
         "KẾ HOẠCH\nPhát triển làng nghề truyền thống năm 2027\n\nI. NHIỆM VỤ\n"
         "Các nhiệm vụ cụ thể được phân công tại Phụ lục kèm theo Kế hoạch này.\n\n"
         "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nVàng Seo Pao\n\n"
         "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n\nSTT\nNhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nSản phẩm\n"
         "Thời gian hoàn thành\n1\n{row}\n2\nTổng kết, đánh giá kết quả thực hiện Kế hoạch\nSở Công Thương\n"
         "Các sở, ngành liên quan\nBáo cáo tổng kết\nTháng 12/2027\n")


def _support(row: str) -> list[str]:
    t = vntasks.extract(_PLAN.format(row=row)).tasks[0]
    return [b.name for b in t.responsible if b.role == "support"]


@pytest.mark.parametrize(("row", "support"), [
    ("Mở lớp truyền nghề dệt thổ cẩm cho lao động nữ\nSở Công Thương\nHội Liên hiệp Phụ nữ tỉnh\n"
     "04 lớp, 120 học viên\nQuý III/2027", ["Hội Liên hiệp Phụ nữ tỉnh"]),
    ("Quảng bá sản phẩm làng nghề trên mạng xã hội\nTrung tâm Xúc tiến Thương mại tỉnh\nSở Văn hóa, Thể thao và Du lịch\n"
     "Tin, bài, video clip\nThường xuyên", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Xây dựng nhãn hiệu tập thể cho mây tre đan Quản Bạ\nSở Khoa học và Công nghệ\nỦy ban nhân dân xã Quản Bạ\n"
     "Nhãn hiệu được cấp văn bằng\nTháng 10/2027", ["Ủy ban nhân dân xã Quản Bạ"]),
    # "Hiệp hội ..." is a body of its own line
    ("Tổ chức hội chợ sản phẩm làng nghề vùng cao\nSở Công Thương\nHiệp hội Doanh nghiệp nhỏ và vừa tỉnh\n"
     "Một kỳ hội chợ\nTháng 11/2027", ["Hiệp hội Doanh nghiệp nhỏ và vừa tỉnh"]),
    # a support list over two lines, the first ending in ",": the second line is support too
    ("Hỗ trợ máy móc cho các hộ làm nghề rèn\nSở Công Thương\nSở Tài chính, Sở Nội vụ,\nLiên minh Hợp tác xã tỉnh\n"
     "Máy móc được bàn giao\nQuý II/2027", ["Sở Tài chính", "Sở Nội vụ", "Liên minh Hợp tác xã tỉnh"]),
])
def test_a_product_cell_is_no_partner(row, support):
    assert _support(row) == support
