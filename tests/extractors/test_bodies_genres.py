"""Subjects of the genres the notices come from (extractors.bodies): facilities and households named
by their activity, heads of bodies "thuộc" another, units "trực thuộc" a superior, commune Front and
election bodies ("Tổ bầu cử số 3", "các Ban công tác Mặt trận ở khu dân cư"), a speaker's order in a
news report, and an object's partners where the object is no body.

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented in
the genre's phrasing.
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles as _roles

# (text, notice level, leads, supports)
CASES = [
    # facilities and households named by their activity
    ("Các cơ sở giết mổ gia súc:", "xã", ["Các cơ sở giết mổ gia súc"], []),
    ("Các cơ sở chế biến, kinh doanh thủy sản tuân thủ quy định về nhãn mác.", None,
     ["Các cơ sở chế biến, kinh doanh thủy sản"], []),
    ("Các hộ gia đình chăn nuôi lợn chủ động tiêm phòng.", None, ["Các hộ gia đình chăn nuôi lợn"], []),
    ("Các cơ sở thực hiện nghiêm việc niêm yết giá.", None, ["Các cơ sở"], []),
    # heads "thuộc" / "trực thuộc" another body
    ("Người đứng đầu cơ quan chuyên môn thuộc UBND huyện chịu trách nhiệm trước Chủ tịch UBND huyện.", None,
     ["Người đứng đầu cơ quan chuyên môn thuộc Ủy ban nhân dân huyện"], []),
    ("Các phòng, đơn vị trực thuộc Sở và các đơn vị liên quan triển khai kế hoạch.", None,
     ["Phòng", "Đơn vị trực thuộc Sở", "Các đơn vị liên quan"], []),
    ("Các cơ quan, đơn vị trực thuộc UBND huyện báo cáo kết quả.", None,
     ["Các cơ quan, đơn vị trực thuộc Ủy ban nhân dân huyện"], []),
    # commune Front and election plans
    ("Ủy ban bầu cử xã hướng dẫn các Tổ bầu cử niêm yết danh sách cử tri.", "xã", ["Ủy ban bầu cử xã"], []),
    ("Tổ bầu cử số 5 chuẩn bị hòm phiếu và phòng bỏ phiếu.", "xã", ["Tổ bầu cử số 5"], []),
    ("Các Ban công tác Mặt trận ở khu dân cư tổ chức hội nghị lấy ý kiến cử tri.", "xã",
     ["Ban công tác Mặt trận Tổ quốc Việt Nam ở khu dân cư"], []),
    ("Ban Thường trực Ủy ban MTTQ xã chủ trì, phối hợp với các tổ chức chính trị - xã hội xã tổ chức hội nghị.",
     "xã", ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã"], ["Tổ chức chính trị - xã hội xã"]),
    # a news report: the speaker asks, the body asked is responsible
    ("Đồng chí Chủ tịch UBND tỉnh yêu cầu Sở Công Thương khẩn trương kiểm tra các cửa hàng xăng dầu.", None,
     ["Sở Công Thương"], []),
    ("Phó Thủ tướng Trần Văn An yêu cầu Bộ Y tế chủ trì, phối hợp với Bộ Tài chính hoàn thiện hồ sơ.", None,
     ["Bộ Y tế"], ["Bộ Tài chính"]),
    # an object named by no body keeps its own partners
    ("Chỉ đạo mạng lưới thú y cơ sở phối hợp với các trang trại lấy mẫu giám sát.", None, [], []),
    ("Chủ trì tổng hợp, trình cấp có thẩm quyền và phối hợp với Sở Nội vụ bố trí biên chế.", None,
     [], ["Sở Nội vụ"]),
    # an object list that runs on over ";" is no new subject; a capitalised body after ";" opens one
    ("Phòng Văn hóa: Tham mưu UBND huyện hướng dẫn các cơ quan, Ủy ban MTTQ huyện và các đoàn thể huyện; "
     "các xã, thị trấn tổ chức phát động phong trào.", None, ["Phòng Văn hóa"], []),
    ("Sở Y tế hướng dẫn các xã; Công an tỉnh bố trí lực lượng bảo vệ.", None, ["Sở Y tế", "Công an tỉnh"], []),
]


@pytest.mark.parametrize(("text", "level", "leads", "supports"), CASES)
def test_genres(text, level, leads, supports):
    assert _roles(text, level) == (leads, supports)
