"""Clause roles (extractors.bodies.roles): subjects at clause starts and after introducers,
partners after "phối hợp với", speakers, objects, report recipients and issuers never responsible.

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented
in the genre's phrasing.
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles as _roles

# (text, leads, supports): leads and partners by their position
CASES = [
    # the standard generic partners of central and provincial notices
    ("Bộ Tư pháp chủ trì, phối hợp với các bộ, cơ quan liên quan hoàn thiện hồ sơ dự án Luật.",
     ["Bộ Tư pháp"], ["Các bộ, cơ quan liên quan"]),
    ("Bộ Xây dựng chủ trì, phối hợp với các bộ, cơ quan, địa phương liên quan rà soát quy hoạch.",
     ["Bộ Xây dựng"], ["Các bộ, cơ quan, địa phương liên quan"]),
    ("Các bộ, ngành, địa phương khẩn trương rà soát các dự án chậm tiến độ.", ["Các bộ, ngành, địa phương"], []),
    # after a subject-introducer
    ("Đề nghị Ban Tổ chức Huyện ủy (cơ quan thường trực Tiểu ban) hoàn thiện đề án.",
     ["Ban Tổ chức Huyện ủy"], []),
    ("Giao Bộ Nội vụ chủ trì, phối hợp với Bộ Tư pháp, Văn phòng Chính phủ hoàn thiện hồ sơ dự thảo Nghị định.",
     ["Bộ Nội vụ"], ["Bộ Tư pháp", "Văn phòng Chính phủ"]),
    ("Giao Bộ Tài chính hướng dẫn các bộ, ngành thực hiện thanh quyết toán.", ["Bộ Tài chính"], []),
    ("Đối với Mặt trận, đoàn thể từ tỉnh đến cơ sở trong vận động nhân dân phải bám sát địa bàn.",
     ["Mặt trận Tổ quốc Việt Nam từ tỉnh đến cơ sở", "Các đoàn thể từ tỉnh đến cơ sở"], []),
    ("Riêng đối với Ban Chỉ đạo các phường chủ động xây dựng kế hoạch riêng.", ["Ban Chỉ đạo các phường"], []),
    ("Yêu cầu Sở Xây dựng khẩn trương kiểm tra chất lượng công trình.", ["Sở Xây dựng"], []),
    # in prose
    ("Kết luận buổi làm việc, đồng chí yêu cầu tổ biên tập tiếp thu đầy đủ các ý kiến góp ý.",
     ["Tổ biên tập"], []),
    ("Để nâng cao chất lượng hoạt động của Tổ hòa giải, Ban công tác Mặt trận, Hội Nông dân tỉnh cần tăng cường tập huấn.",
     ["Hội Nông dân tỉnh"], []),
    ("Đồng chí Chủ tịch UBND tỉnh đề nghị Sở Y tế khẩn trương mua sắm vật tư.", ["Sở Y tế"], []),
    ("MTTQ huyện cần tăng cường giám sát việc thu, chi quỹ.", ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện"], []),
    # a subject in a later sentence of the same task
    ("Các Tổ công tác rà soát hồ sơ đất đai. Thành viên Ban Chỉ đạo thành phố theo dõi sát cơ sở; kịp thời "
     "phản ánh về Văn phòng Thành ủy.",
     ["Tổ công tác", "Thành viên Ban Chỉ đạo thành phố"], []),
    # "X chủ trì, Y phối hợp"
    ("Sở Nội vụ chủ trì, Sở Tài chính phối hợp thẩm định đề án.", ["Sở Nội vụ"], ["Sở Tài chính"]),
    # a closing formula addressed to generic bodies
    ("Trên đây là ý kiến kết luận của đồng chí Bí thư, đề nghị các cơ quan, đơn vị liên quan triển khai thực hiện.",
     ["Các cơ quan, đơn vị liên quan"], []),
]


@pytest.mark.parametrize(("text", "leads", "supports"), CASES)
def test_find_responsible(text, leads, supports):
    assert _roles(text) == (leads, supports)


# (text, default_level, leads, supports): the same, with the notice's level
CASES_LEVEL = [
    # subjects, objects and qualifiers
    ("Ban Quản lý dự án đầu tư xây dựng tỉnh yêu cầu nhà thầu bổ sung nhân lực.", "tỉnh",
     ["Ban Quản lý dự án đầu tư xây dựng tỉnh"], []),
    ("Ban Chỉ đạo yêu cầu UBND phường tập trung hoàn thành số hóa hồ sơ.", "xã", ["Ủy ban nhân dân phường"], []),
    ("Văn phòng HĐND và UBND xã tổng hợp kết quả, báo cáo UBND huyện.", "xã",
     ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"], []),
    ("Về đề nghị của UBND xã Tam Hiệp hỗ trợ kinh phí: Giao Phòng Tài chính - Kế hoạch nghiên cứu, tham mưu.", "huyện",
     ["Phòng Tài chính - Kế hoạch"], []),
    ("Đảng ủy các xã Phú Lộc, Phú Mỹ họp chi bộ, phân công đảng viên vận động từng hộ.", "huyện",
     ["Đảng ủy xã Phú Lộc", "Đảng ủy xã Phú Mỹ"], []),
    ("Thủ trưởng các cơ quan, đơn vị được giao chủ trì xây dựng kế hoạch chi tiết.", "tỉnh",
     ["Thủ trưởng các cơ quan, đơn vị được giao chủ trì"], []),
    ("Yêu cầu Thủ trưởng các phòng, ban, Chủ tịch UBND các xã đẩy nhanh giải ngân.", "huyện",
     ["Thủ trưởng các phòng, ban", "Chủ tịch Ủy ban nhân dân các xã"], []),
    ("Các cơ quan báo chí của tỉnh tăng cường thông tin tuyên truyền.", "tỉnh", ["Các cơ quan báo chí của tỉnh"], []),
    ("Văn phòng UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện.", "huyện", [], []),
    ("Rà soát, thu hồi quyết định giao khu vực biển đối với các cơ sở vi phạm.", "tỉnh", [], []),
    # the units of the level below as a generic partner, and a condition that picks some of them
    ("Phòng Tư pháp huyện phối hợp với các xã rà soát hồ sơ hộ tịch.", "huyện", ["Phòng Tư pháp huyện"], ["Các xã"]),
    ("Đối với các xã chưa có dịch, tổ chức tiêm phòng cho đàn gia súc.", "tỉnh", ["Các xã chưa có dịch"], []),
    ("Các xã có trách nhiệm rà soát, báo cáo Ủy ban nhân dân tỉnh.", "tỉnh", ["Các xã"], []),
    ("Công an xã làm đầu mối, phối hợp với Ban CHQS xã và các thôn, làng giữ gìn trật tự mùa lễ hội.", "xã",
     ["Công an xã"], ["Ban Chỉ huy quân sự xã", "Các thôn, làng"]),
    # a partner named by its brand (a word that is no Vietnamese syllable)
    ("UBND xã phối hợp với Viettel Đắk Lắk lắp đặt trạm phát sóng.", "xã", ["Ủy ban nhân dân xã"], ["Viettel Đắk Lắk"]),
    ("UBND xã phối hợp với Nhân dân dọn vệ sinh đường làng.", "xã", ["Ủy ban nhân dân xã"], []),
    # after "Đối với X," the speaker of the next clause is no conjunct of X
    ("Đối với các xã chưa có dịch, Phó Chủ tịch UBND tỉnh đề nghị tổ chức tiêm phòng cho đàn heo.", "tỉnh",
     ["Các xã chưa có dịch"], []),
    ("Đề nghị Sở Y tế, Sở Tài chính phối hợp thẩm định.", "tỉnh", ["Sở Y tế", "Sở Tài chính"], []),
    # consent that lets a body act: the body acts
    ("Đồng ý chủ trương cho UBND xã Tân Hà lập quy hoạch chi tiết.", "huyện", ["Ủy ban nhân dân xã Tân Hà"], []),
    ("Thống nhất để UBND huyện bố trí vốn đối ứng.", "huyện", ["Ủy ban nhân dân huyện"], []),
    ("Cho phép Công ty cổ phần Sông Đà tạm dừng thu phí.", "tỉnh", ["Công ty cổ phần Sông Đà"], []),
    # an adverbial between the subject and its verb
    ("Các thành viên Ban Chỉ đạo theo địa bàn được phân công kiểm tra tiến độ giải ngân.", "tỉnh",
     ["Thành viên Ban Chỉ đạo tỉnh"], []),
    ("Sở Công Thương theo lĩnh vực quản lý hướng dẫn doanh nghiệp kê khai.", "tỉnh", ["Sở Công Thương"], []),
]


@pytest.mark.parametrize(("text", "level", "leads", "supports"), CASES_LEVEL)
def test_find_responsible_with_level(text, level, leads, supports):
    assert _roles(text, default_level=level) == (leads, supports)


# (text, leads, supports): bodies that are objects, report recipients, issuers, glosses
NEGATIVES = [
    ("Chỉ đạo Công an huyện, phòng Tư pháp rà soát các vụ việc tồn đọng.", [], []),
    ("Chỉ đạo Công an thị xã, phòng LĐTBXH, đồng thời phối hợp với Hội Nông dân thị xã hỗ trợ nông dân.",
     [], ["Hội Nông dân thị xã"]),
    ("Hướng dẫn các xã, thị trấn hoàn thiện hồ sơ.", [], []),
    ("Hằng quý gửi báo cáo về Ban Tuyên giáo Tỉnh ủy (cơ quan thường trực Hội đồng).", [], []),
    ("Tổng hợp báo cáo Ban Chỉ đạo huyện (qua Văn phòng Huyện ủy) trước ngày 20/12/2024.", [], []),
    ("Triển khai Kế hoạch số 12-KH/BCĐ ngày 02/3/2024 của Ban Chỉ đạo tỉnh về công tác dân vận.", [], []),
    ("Tổ chức đánh giá, xếp loại các thôn năm 2024.", [], []),
    ("Phòng, chống dịch bệnh trên đàn gia súc.", [], []),
    ("Tham mưu cho Ban Thường vụ Huyện ủy ban hành quy chế.", [], []),
    ("Ban hành kế hoạch kiểm tra trước ngày 30/6.", [], []),
    ("Thủ tướng Chính phủ yêu cầu:", [], []),
    ("", [], []),
]


@pytest.mark.parametrize(("text", "leads", "supports"), NEGATIVES)
def test_not_responsible(text, leads, supports):
    assert _roles(text) == (leads, supports)


def test_ubnd_with_object_list_keeps_only_subject():
    text = "Ủy ban nhân dân thành phố chỉ đạo các ngành, các cấp rà soát thủ tục hành chính."
    assert _roles(text) == (["Ủy ban nhân dân thành phố"], [])
