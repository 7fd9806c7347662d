"""Responsible bodies: subjects (lead), partners (support), canonical names, body types.

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented
in the genre's phrasing, at every level (xã, huyện, tỉnh, trung ương).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vntasks.extractors.bodies as bodies
from vntasks.extractors.bodies import BODY_TYPES, BodyMention, body_type_of, canonical_name, find_responsible

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _roles(text: str, **kw) -> tuple[list[str], list[str]]:
    found = find_responsible(text, **kw)
    return ([m.name for m in found if m.role == "lead"], [m.name for m in found if m.role == "support"])


# (text, leads, supports)
CASES = [
    # the standard generic partners of central and provincial notices
    ("Bộ Tư pháp chủ trì, phối hợp với các bộ, cơ quan liên quan hoàn thiện hồ sơ dự án Luật.",
     ["Bộ Tư pháp"], ["Các bộ, cơ quan liên quan"]),
    ("Bộ Xây dựng chủ trì, phối hợp với các bộ, cơ quan, địa phương liên quan rà soát quy hoạch.",
     ["Bộ Xây dựng"], ["Các bộ, cơ quan, địa phương liên quan"]),
    ("Các bộ, ngành, địa phương khẩn trương rà soát các dự án chậm tiến độ.", ["Các bộ, ngành, địa phương"], []),
    # subject at the start of the task
    ("UBND huyện rà soát, lập phương án xử lý dứt điểm các trường hợp lấn chiếm đất công.",
     ["Ủy ban nhân dân huyện"], []),
    ("Ban Tuyên giáo Huyện ủy chủ trì, phối hợp chặt chẽ với Công an huyện tổ chức hội thi.",
     ["Ban Tuyên giáo Huyện ủy"], ["Công an huyện"]),
    ("Công an huyện tiếp tục mở đợt cao điểm trấn áp tội phạm.", ["Công an huyện"], []),
    ("Uỷ ban nhân dân tỉnh có trách nhiệm bố trí kinh phí.", ["Ủy ban nhân dân tỉnh"], []),
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
    # several subjects, shared level suffix
    ("Chi bộ, Ban Thanh tra nhân dân các bản chủ động nắm tình hình.",
     ["Chi bộ các bản", "Ban Thanh tra nhân dân các bản"], []),
    ("Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội các cấp tăng cường giám sát.",
     ["Mặt trận Tổ quốc Việt Nam các cấp", "Tổ chức chính trị - xã hội các cấp"], []),
    ("MTTQ và các đoàn thể tích cực vận động nhân dân hiến đất làm đường.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam", "Các đoàn thể"], []),
    ("Các ngành, các cấp, doanh nghiệp tập trung tháo gỡ khó khăn.", ["Các ngành, các cấp, doanh nghiệp"], []),
    ("Cấp ủy, chính quyền các xã tăng cường đối thoại với nhân dân.", ["Cấp ủy, chính quyền các xã"], []),
    # role-holders
    ("Bộ trưởng Bộ Y tế chỉ đạo các bệnh viện tuyến cuối sẵn sàng tiếp nhận bệnh nhân.",
     ["Bộ trưởng Bộ Y tế"], []),
    ("Giám đốc Sở Tài chính chịu trách nhiệm trước Chủ tịch UBND tỉnh về tiến độ giải ngân.",
     ["Giám đốc Sở Tài chính"], []),
    ("Các đồng chí thành viên Ban Chỉ đạo tỉnh bám sát địa bàn được phân công.", ["Thành viên Ban Chỉ đạo tỉnh"], []),
    ("Từng thành viên Ban chỉ đạo huyện thực hiện nghiêm chế độ báo cáo.", ["Thành viên Ban Chỉ đạo huyện"], []),
    ("Các Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy tiến hành kiểm tra theo kế hoạch.",
     ["Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy"], []),
    # central level and Công điện
    ("Bộ Công an chủ trì, phối hợp với Bộ Y tế và Ủy ban nhân dân các tỉnh, thành phố triển khai cấp căn cước.",
     ["Bộ Công an"], ["Bộ Y tế", "Ủy ban nhân dân các tỉnh, thành phố"]),
    ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Quảng Ninh, Hải Phòng, Thái Bình chỉ đạo sơ tán dân khỏi vùng nguy hiểm.",
     ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố Quảng Ninh, Hải Phòng, Thái Bình"], []),
    ("Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng giãn nợ cho khách hàng.",
     ["Ngân hàng Nhà nước Việt Nam"], []),
    ("Tập đoàn Điện lực Việt Nam bảo đảm cung cấp điện an toàn.", ["Tập đoàn Điện lực Việt Nam"], []),
    # xã level
    ("Công an xã phối hợp với Ban Chỉ huy quân sự xã tuần tra bảo vệ mùa màng.",
     ["Công an xã"], ["Ban Chỉ huy quân sự xã"]),
    ("Các thôn, tổ dân phố tổ chức ra quân tổng vệ sinh môi trường.", ["Các thôn, tổ dân phố"], []),
    ("Hội Cựu chiến binh xã phối hợp với Hội Liên hiệp Phụ nữ xã vận động hội viên.",
     ["Hội Cựu chiến binh xã"], ["Hội Liên hiệp Phụ nữ xã"]),
    # unknown bodies of a known shape
    ("Sở Tài nguyên và Môi trường chủ trì thẩm định phương án.", ["Sở Tài nguyên và Môi trường"], []),
    ("Phòng Tài chính - Kế hoạch huyện tham mưu bố trí vốn.", ["Phòng Tài chính - Kế hoạch huyện"], []),
    ("Chi cục Thuế khu vực tăng cường chống thất thu.", ["Chi cục Thuế khu vực"], []),
    ("Ban Quản lý dự án đầu tư xây dựng tỉnh khẩn trương bàn giao mặt bằng.",
     ["Ban Quản lý dự án đầu tư xây dựng tỉnh"], []),
    ("Trung tâm Y tế huyện tổ chức tiêm vắc xin cho trẻ.", ["Trung tâm Y tế huyện"], []),
    ("Kho bạc Nhà nước tỉnh kiểm soát chặt chẽ các khoản chi.", ["Kho bạc Nhà nước tỉnh"], []),
    ("Chủ đầu tư khẩn trương hoàn thiện hồ sơ thanh toán.", ["Chủ đầu tư"], []),
    ("Sở Tài chính thẩm định dự toán trình UBND tỉnh.", ["Sở Tài chính"], []),
    ("Phòng LĐTBXH rà soát đối tượng bảo trợ xã hội.", ["Phòng Lao động - Thương binh và Xã hội"], []),
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


# (text, default_level, leads, supports): head nouns and titles at every level, the notice's level only
# where the phrase names none, abbreviations, subjects vs objects, qualifiers kept in the name
CASES_LEXICON = [
    # head nouns and titles of commune-level bodies
    ("Trạm Y tế phường chuẩn bị cơ số thuốc dự phòng.", None, ["Trạm Y tế phường"], []),
    ("công chức Tư pháp - Hộ tịch xã rà soát hồ sơ đăng ký khai sinh.", None, ["Công chức Tư pháp - Hộ tịch xã"], []),
    ("Công chức Văn hóa - Xã hội phối hợp với Hội Nông dân xã tuyên truyền.", "xã",
     ["Công chức Văn hóa - Xã hội xã"], ["Hội Nông dân xã"]),
    ("Văn phòng - Thống kê phường tổng hợp báo cáo tuần.", None, ["Văn phòng - Thống kê phường"], []),
    ("Trưởng các tổ dân phố vận động các hộ ký cam kết.", None, ["Trưởng các tổ dân phố"], []),
    ("Trưởng các bản chịu trách nhiệm trước Chủ tịch UBND xã.", "xã", ["Trưởng các bản"], []),
    ("Khối Dân vận phường chủ trì tổ chức hội nghị đối thoại.", None, ["Khối Dân vận phường"], []),
    ("Ban nhân dân các khóm tổ chức họp dân.", "xã", ["Ban nhân dân các khóm"], []),
    ("Giao Ban nhân dân ấp Tân Phú và ấp Tân Hòa kiểm tra cống.", "xã",
     ["Ban nhân dân ấp Tân Phú", "Ban nhân dân ấp Tân Hòa"], []),
    # district, province and central heads
    ("Đề nghị Ủy ban MTTQ huyện, Huyện đoàn và Hội Nông dân huyện vận động thanh niên.", "huyện",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Huyện đoàn", "Hội Nông dân huyện"], []),
    ("Tỉnh đoàn phát động phong trào thanh niên tình nguyện.", "tỉnh", ["Tỉnh đoàn"], []),
    ("Vụ Thi đua, khen thưởng tổng hợp hồ sơ đề nghị khen thưởng.", None, ["Vụ Thi đua, khen thưởng"], []),
    ("Cục Quản lý Khám, chữa bệnh phối hợp với Vụ Kế hoạch - Tài chính rà soát danh mục thuốc.", "trung ương",
     ["Cục Quản lý Khám, chữa bệnh"], ["Vụ Kế hoạch - Tài chính"]),
    ("Giám đốc các sở, Thủ trưởng các ban, ngành và Chủ tịch UBND các huyện chỉ đạo thực hiện.", "tỉnh",
     ["Giám đốc các sở", "Thủ trưởng các ban, ngành", "Chủ tịch Ủy ban nhân dân các huyện"], []),
    ("Bộ trưởng các Bộ: Tài chính, Giáo dục và Đào tạo theo chức năng, nhiệm vụ hướng dẫn các địa phương.",
     "trung ương", ["Bộ trưởng Bộ Tài chính", "Bộ trưởng Bộ Giáo dục và Đào tạo"], []),
    ("Trưởng Ban Chỉ đạo 138 các tỉnh chịu trách nhiệm về tình hình an ninh trên địa bàn.", "trung ương",
     ["Trưởng Ban Chỉ đạo 138 các tỉnh"], []),
    ("Các đồng chí lãnh đạo Ban Tuyên giáo Huyện ủy thường xuyên nắm tình hình cơ sở.", "huyện",
     ["Lãnh đạo Ban Tuyên giáo Huyện ủy"], []),
    # party organisations placed by the body they belong to
    ("Đảng ủy Quốc hội lãnh đạo việc sửa đổi các luật có liên quan.", "trung ương", ["Đảng ủy Quốc hội"], []),
    ("Đảng ủy Công an tỉnh lãnh đạo lực lượng công an bảo đảm an ninh.", "tỉnh", ["Đảng ủy Công an tỉnh"], []),
    ("Đảng đoàn Hội Nông dân tỉnh chỉ đạo các cấp hội vận động hội viên.", "tỉnh", ["Đảng đoàn Hội Nông dân tỉnh"], []),
    ("Giao Ban Thường vụ các Huyện ủy Kim Sơn, Yên Mô lãnh đạo bàn giao mặt bằng.", "tỉnh",
     ["Ban Thường vụ các Huyện ủy Kim Sơn, Yên Mô"], []),
    ("Ban Tổ chức các huyện ủy, thị ủy tham mưu kiện toàn nhân sự.", "tỉnh", ["Ban Tổ chức các huyện ủy, thị ủy"], []),
    ("Các tỉnh ủy, thành ủy trực thuộc Trung ương chỉ đạo sắp xếp bộ máy.", "trung ương",
     ["Các tỉnh ủy, thành ủy trực thuộc Trung ương"], []),
    # the notice's level only where the phrase names none
    ("Các chi bộ khối phố đưa nội dung chỉnh trang đô thị vào sinh hoạt.", "xã", ["Chi bộ các khối phố"], []),
    ("Các chi bộ trực thuộc tổ chức sinh hoạt chuyên đề.", "xã", ["Chi bộ trực thuộc"], []),
    ("Ủy ban MTTQ Việt Nam xã và các đoàn thể vận động nhân dân hiến đất.", "huyện",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Các đoàn thể xã"], []),
    ("Đề nghị Ủy ban MTTQ và các đoàn thể thị trấn vận động nhân dân; mỗi đoàn thể nhận đỡ đầu một hộ nghèo.", "xã",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam thị trấn", "Các đoàn thể thị trấn"], []),
    ("MTTQ và các đoàn thể vận động nhân dân giữ gìn vệ sinh.", "tỉnh",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các đoàn thể chính trị - xã hội tỉnh"], []),
    # abbreviations
    ("Sở NN&PTNT phối hợp với Phòng QLĐT thành phố kiểm tra hệ thống thoát nước.", "tỉnh",
     ["Sở Nông nghiệp và Phát triển nông thôn"], ["Phòng Quản lý đô thị thành phố"]),
    ("UBND TP Cẩm Phả và UBND huyện Tiên Yên chỉ đạo thu gom rác thải.", "tỉnh",
     ["Ủy ban nhân dân thành phố Cẩm Phả", "Ủy ban nhân dân huyện Tiên Yên"], []),
    # subjects, objects and qualifiers
    ("Ban Quản lý dự án đầu tư xây dựng tỉnh yêu cầu nhà thầu bổ sung nhân lực.", "tỉnh",
     ["Ban Quản lý dự án đầu tư xây dựng tỉnh"], []),
    ("Ban Chỉ đạo yêu cầu UBND phường tập trung hoàn thành số hóa hồ sơ.", "xã", ["Ủy ban nhân dân phường"], []),
    ("Văn phòng HĐND và UBND xã tổng hợp kết quả, báo cáo UBND huyện.", "xã",
     ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"], []),
    ("Về đề nghị của UBND xã Tam Hiệp hỗ trợ kinh phí: Giao Phòng Tài chính - Kế hoạch nghiên cứu, tham mưu.", "huyện",
     ["Phòng Tài chính - Kế hoạch"], []),
    ("Đảng ủy các xã Phú Lộc, Phú Mỹ họp chi bộ, phân công đảng viên vận động từng hộ.", "huyện",
     ["Đảng ủy các xã Phú Lộc, Phú Mỹ"], []),
    ("Thủ trưởng các cơ quan, đơn vị được giao chủ trì xây dựng kế hoạch chi tiết.", "tỉnh",
     ["Thủ trưởng các cơ quan, đơn vị được giao chủ trì"], []),
    ("Yêu cầu Thủ trưởng các phòng, ban, Chủ tịch UBND các xã đẩy nhanh giải ngân.", "huyện",
     ["Thủ trưởng các phòng, ban", "Chủ tịch Ủy ban nhân dân các xã"], []),
    ("Các cơ quan báo chí của tỉnh tăng cường thông tin tuyên truyền.", "tỉnh", ["Các cơ quan báo chí của tỉnh"], []),
    ("Văn phòng UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện.", "huyện", [], []),
    ("Rà soát, thu hồi quyết định giao khu vực biển đối với các cơ sở vi phạm.", "tỉnh", [], []),
    # a capitalised "Bộ"/"Sở" after a unit name is its own scope: complete, no level added
    ("Thanh tra Bộ chủ trì kiểm tra việc cấp phép khai thác cát.", "trung ương", ["Thanh tra Bộ"], []),
    ("Vụ Pháp chế Bộ phối hợp với Văn phòng Bộ rà soát dự thảo thông tư.", "trung ương",
     ["Vụ Pháp chế Bộ"], ["Văn phòng Bộ"]),
    ("Thanh tra Sở tổng hợp đơn thư khiếu nại.", "tỉnh", ["Thanh tra Sở"], []),
    # a generic plural head keeps its lower-case domain up to the verb
    ("Các sở giáo dục và đào tạo chỉ đạo các trường tổ chức ôn tập.", "trung ương",
     ["Các sở giáo dục và đào tạo"], []),
    ("Ngành thủy sản tăng cường tuần tra vùng nuôi.", "huyện", ["Ngành thủy sản"], []),
    ("Các ngành liên quan rà soát danh mục dự án.", "tỉnh", ["Các ngành liên quan"], []),
    # the units of the level below as a generic partner, and a condition that picks some of them
    ("Phòng Tư pháp huyện phối hợp với các xã rà soát hồ sơ hộ tịch.", "huyện", ["Phòng Tư pháp huyện"], ["Các xã"]),
    ("Đối với các xã chưa có dịch, tổ chức tiêm phòng cho đàn gia súc.", "tỉnh", ["Các xã chưa có dịch"], []),
    ("Các xã có trách nhiệm rà soát, báo cáo Ủy ban nhân dân tỉnh.", "tỉnh", ["Các xã"], []),
    ("Công an xã làm đầu mối, phối hợp với Ban CHQS xã và các thôn, làng giữ gìn trật tự mùa lễ hội.", "xã",
     ["Công an xã"], ["Ban Chỉ huy quân sự xã", "Các thôn, làng"]),
    # an item that is only a body's name heads its sub-items; ";" lists bodies; a name ends with its line
    ("Sở Nội vụ", "tỉnh", ["Sở Nội vụ"], []),
    ("Văn phòng UBND tỉnh:", "tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh"], []),
    ("Các sở, ban, ngành; UBND các huyện, thành phố\nCăn cứ Kế hoạch này, xây dựng kế hoạch của đơn vị.", "tỉnh",
     ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"], []),
    ("UBND huyện chỉ đạo rà soát; Công an huyện tăng cường tuần tra.", "huyện", ["Ủy ban nhân dân huyện", "Công an huyện"], []),
    ("Ban QLDA đầu tư xây dựng huyện đẩy nhanh tiến độ các công trình.", "huyện",
     ["Ban Quản lý dự án đầu tư xây dựng huyện"], []),
    ("Công an tỉnh và BCH Quân sự tỉnh phối hợp kiểm tra địa bàn.", "tỉnh", ["Công an tỉnh", "BCH Quân sự tỉnh"], []),
    ("Ban CHQS xã chủ trì, phối hợp với Công an xã và Tổ bảo vệ rừng số 3 tổ chức tuần tra.", "xã",
     ["Ban Chỉ huy quân sự xã"], ["Công an xã", "Tổ bảo vệ rừng số 3"]),
    # a partner named by its brand (a word that is no Vietnamese syllable)
    ("UBND xã phối hợp với Viettel Đắk Lắk lắp đặt trạm phát sóng.", "xã", ["Ủy ban nhân dân xã"], ["Viettel Đắk Lắk"]),
    ("UBND xã phối hợp với Nhân dân dọn vệ sinh đường làng.", "xã", ["Ủy ban nhân dân xã"], []),
    # a body placed by its proper name takes no level; the provinces' merged media agency
    ("Báo Cao Bằng, Đài Phát thanh - Truyền hình tỉnh tăng cường đưa tin.", "tỉnh",
     ["Báo Cao Bằng", "Đài Phát thanh - Truyền hình tỉnh"], []),
    ("Trường Tiểu học Kim Đồng, Trạm Y tế xã phối hợp tổ chức tiêm chủng.", "xã", ["Trường Tiểu học Kim Đồng", "Trạm Y tế xã"], []),
    ("Báo và Phát thanh, Truyền hình Cao Bằng tăng cường tuyên truyền.", "tỉnh", ["Báo và Phát thanh, Truyền hình Cao Bằng"], []),
    ("Hội Nông dân, Hội Phụ nữ xã vận động hội viên.", "xã", ["Hội Nông dân xã", "Hội Phụ nữ xã"], []),
    # after "Đối với X," the speaker of the next clause is no conjunct of X
    ("Đối với các xã chưa có dịch, Phó Chủ tịch UBND tỉnh đề nghị tổ chức tiêm phòng cho đàn heo.", "tỉnh",
     ["Các xã chưa có dịch"], []),
    ("Đề nghị Sở Y tế, Sở Tài chính phối hợp thẩm định.", "tỉnh", ["Sở Y tế", "Sở Tài chính"], []),
    # the standing body named in a parenthesis, as the subject of its clause
    ("Cơ quan thường trực Ban Chỉ đạo tỉnh (Sở Y tế) tổng hợp báo cáo.", "tỉnh", ["Sở Y tế"], []),
    ("Cơ quan thường trực (Sở Nội vụ) tổng hợp báo cáo.", "tỉnh", ["Sở Nội vụ"], []),
    # consent that lets a body act: the body acts
    ("Đồng ý chủ trương cho UBND xã Tân Hà lập quy hoạch chi tiết.", "huyện", ["Ủy ban nhân dân xã Tân Hà"], []),
    ("Thống nhất để UBND huyện bố trí vốn đối ứng.", "huyện", ["Ủy ban nhân dân huyện"], []),
    ("Cho phép Công ty cổ phần Sông Đà tạm dừng thu phí.", "tỉnh", ["Công ty cổ phần Sông Đà"], []),
    # a singular level that names several units, and a level repeated for another place
    ("Ủy ban nhân dân tỉnh Quảng Bình, Quảng Trị khẩn trương sơ tán dân.", None,
     ["Ủy ban nhân dân tỉnh Quảng Bình, Quảng Trị"], []),
    ("Ủy ban nhân dân thành phố Hà Nội, Thành phố Hồ Chí Minh khẩn trương triển khai các dự án.", None,
     ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân Thành phố Hồ Chí Minh"], []),
    ("Ủy ban nhân dân huyện Cam Lộ và huyện Gio Linh rà soát hồ sơ.", None,
     ["Ủy ban nhân dân huyện Cam Lộ", "Ủy ban nhân dân huyện Gio Linh"], []),
    ("UBND tỉnh Nghệ An, Sở Y tế tỉnh phối hợp kiểm tra.", None, ["Ủy ban nhân dân tỉnh Nghệ An", "Sở Y tế tỉnh"], []),
    # a plural domain head before a colon names one body per name, with or without a title
    ("Các Sở: Tài chính, Nội vụ, Tư pháp phối hợp thẩm định hồ sơ.", "tỉnh",
     ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"], []),
    ("UBND tỉnh chủ trì, phối hợp với các Sở: Xây dựng, Công Thương rà soát quy hoạch.", "tỉnh",
     ["Ủy ban nhân dân tỉnh"], ["Sở Xây dựng", "Sở Công Thương"]),
    # the longest generic list, unions included
    ("Thủ trưởng các ban, ngành, đoàn thể tỉnh chỉ đạo rà soát.", "tỉnh", ["Thủ trưởng các ban, ngành, đoàn thể tỉnh"], []),
    ("Các sở, ban, ngành, đoàn thể tỉnh tổ chức quán triệt.", "tỉnh", ["Các sở, ban, ngành, đoàn thể tỉnh"], []),
    ("Các chi bộ, đảng bộ cơ sở quán triệt Chỉ thị của Ban Bí thư.", "huyện", ["Các chi bộ, đảng bộ cơ sở"], []),
    # a party committee written after the last conjunct is every conjunct's
    ("Ban Tổ chức Huyện ủy chủ trì, phối hợp với Ban Tuyên giáo và Ủy ban Kiểm tra Huyện ủy tham mưu quy chế.", "huyện",
     ["Ban Tổ chức Huyện ủy"], ["Ban Tuyên giáo Huyện ủy", "Ủy ban Kiểm tra Huyện ủy"]),
    ("Công an huyện, Ban Tổ chức Huyện ủy phối hợp rà soát hồ sơ.", "huyện", ["Công an huyện", "Ban Tổ chức Huyện ủy"], []),
    # the notice's own level after a plural head: several bodies of one unit, not one in each of many
    ("Ủy ban MTTQ xã phối hợp với các tổ chức chính trị - xã hội xã vận động Nhân dân.", "xã",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"], ["Tổ chức chính trị - xã hội xã"]),
    ("Các chi bộ thôn tổ chức sinh hoạt chuyên đề.", "xã", ["Chi bộ các thôn"], []),
    # an adverbial between the subject and its verb
    ("Các thành viên Ban Chỉ đạo theo địa bàn được phân công kiểm tra tiến độ giải ngân.", "tỉnh",
     ["Thành viên Ban Chỉ đạo tỉnh"], []),
    ("Sở Công Thương theo lĩnh vực quản lý hướng dẫn doanh nghiệp kê khai.", "tỉnh", ["Sở Công Thương"], []),
    # a person named before the title: the title's body, named as when the name follows it
    ("Giao đồng chí Hà Văn Sơn, Phó Chủ tịch UBND xã theo dõi việc điều tiết nước.", "xã",
     ["Phó Chủ tịch Ủy ban nhân dân xã Hà Văn Sơn"], []),
    ("Giao đ/c Nguyễn Thị Lan, Trưởng Ban Dân vận Huyện ủy cùng với Hội Phụ nữ huyện tổ chức hội nghị đối thoại.",
     "huyện", ["Trưởng Ban Dân vận Huyện ủy Nguyễn Thị Lan"], ["Hội Phụ nữ huyện"]),
    # a title over a plural level that names its units
    ("Trưởng các bản Pá Khoang, Co Muông vận động Nhân dân trồng ngô trên đất lúa thiếu nước.", "xã",
     ["Trưởng các bản Pá Khoang, Co Muông"], []),
    # a cooperative's lowercase domain before its proper name or level
    ("UBND xã chủ trì, phối hợp với Hợp tác xã dịch vụ nông nghiệp Thanh Xuân ký hợp đồng thu gom.", "xã",
     ["Ủy ban nhân dân xã"], ["Hợp tác xã dịch vụ nông nghiệp Thanh Xuân"]),
    ("Hội Nông dân xã phối hợp với Hợp tác xã nông nghiệp xã hướng dẫn bà con gieo cấy.", "xã",
     ["Hội Nông dân xã"], ["Hợp tác xã nông nghiệp xã"]),
    ("Công an xã phối hợp với Kiểm lâm địa bàn kiểm tra các điểm nóng cháy rừng.", "xã",
     ["Công an xã"], ["Kiểm lâm địa bàn"]),
    # a central notice appends no level; a local one does
    ("Các thành viên Ban Chỉ đạo đôn đốc địa bàn được phân công phụ trách.", "trung ương",
     ["Thành viên Ban Chỉ đạo"], []),
    ("Các thành viên Ban Chỉ đạo đôn đốc địa bàn được phân công phụ trách.", "tỉnh",
     ["Thành viên Ban Chỉ đạo tỉnh"], []),
]


@pytest.mark.parametrize(("text", "level", "leads", "supports"), CASES_LEXICON)
def test_find_responsible_with_level(text, level, leads, supports):
    assert _roles(text, default_level=level) == (leads, supports)


def test_ubnd_with_object_list_keeps_only_subject():
    text = "Ủy ban nhân dân thành phố chỉ đạo các ngành, các cấp rà soát thủ tục hành chính."
    assert _roles(text) == (["Ủy ban nhân dân thành phố"], [])


def test_default_level_is_appended_to_local_bodies():
    text = "MTTQ và các đoàn thể tích cực vận động nhân dân."
    assert _roles(text, default_level="huyện")[0] == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Các đoàn thể chính trị - xã hội huyện"]
    # a body that already names its level or is central keeps its name
    assert _roles("Bộ Y tế chủ trì thẩm định.", default_level="tỉnh")[0] == ["Bộ Y tế"]
    assert _roles("Ban Dân vận Huyện ủy chủ trì.", default_level="huyện")[0] == ["Ban Dân vận Huyện ủy"]


def test_mentions_carry_offsets_type_and_text():
    text = "Đề nghị UBND xã Tân Lập (đơn vị chủ trì) phối hợp với Công an xã xử lý."
    found = find_responsible(text)
    assert [(m.name, m.role) for m in found] == [
        ("Ủy ban nhân dân xã Tân Lập", "lead"), ("Công an xã", "support")]
    for m in found:
        assert isinstance(m, BodyMention)
        assert text[m.start:m.end] == m.text
    assert found[0].text == "UBND xã Tân Lập"
    assert [m.body_type for m in found] == ["state", "security"]


def test_gloss_that_names_the_body_replaces_the_descriptor():
    text = "Đề nghị cơ quan thường trực Ban Chỉ đạo tỉnh (Ban Dân vận Tỉnh ủy) hướng dẫn các huyện."
    found = find_responsible(text)
    assert [m.name for m in found] == ["Ban Dân vận Tỉnh ủy"]
    assert text[found[0].start:found[0].end] == "Ban Dân vận Tỉnh ủy"


CANONICAL = [
    ("UBND huyện", "Ủy ban nhân dân huyện"),
    ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
    ("MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Ủy ban MTTQ huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện"),
    ("Mặt trận Tổ quốc Việt Nam các cấp", "Mặt trận Tổ quốc Việt Nam các cấp"),
    ("HĐND xã", "Hội đồng nhân dân xã"),
    ("BCĐ huyện", "Ban Chỉ đạo huyện"),
    ("Ban chỉ đạo QCDC tỉnh", "Ban Chỉ đạo quy chế dân chủ tỉnh"),
    ("Ban XDCS phường", "Ban Xây dựng cơ sở phường"),
    ("Ban Chỉ đạo thực hiện QCDC xã", "Ban Chỉ đạo thực hiện quy chế dân chủ xã"),
    ("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh"),
    ("BCHQS huyện", "Ban Chỉ huy quân sự huyện"),
    ("Ban CHQS huyện", "Ban Chỉ huy quân sự huyện"),
    ("phòng LĐTBXH", "Phòng Lao động - Thương binh và Xã hội"),
    ("Hội LHPN huyện", "Hội Liên hiệp Phụ nữ huyện"),
    ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("VPHU", "Văn phòng Huyện ủy"),
    ("Các đồng chí thành viên Ban chỉ đạo", "Thành viên Ban Chỉ đạo"),
    ("đồng chí Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh"),
    ("các Sở, ngành", "Các Sở, ngành"),
    ("Ban Tuyên giáo Tỉnh ủy (cơ quan thường trực Hội đồng)", "Ban Tuyên giáo Tỉnh ủy"),
    ("ban soạn thảo", "Ban soạn thảo"),
    ("Mặt trận", "Mặt trận Tổ quốc Việt Nam"),
    ("các đoàn thể", "Các đoàn thể"),
    ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("các Bộ trưởng", "Bộ trưởng"),
    ("  UBND   huyện  ", "Ủy ban nhân dân huyện"),
    ("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("UBND TP Bảo Lộc", "Ủy ban nhân dân thành phố Bảo Lộc"),
    ("Phòng QLĐT", "Phòng Quản lý đô thị"),
    ("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("đoàn thể từ huyện đến cơ sở", "Các đoàn thể từ huyện đến cơ sở"),
    ("các đoàn thể chính trị - xã hội các cấp", "Các đoàn thể chính trị - xã hội các cấp"),
    ("Văn phòng HĐND và UBND phường", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường"),
]


@pytest.mark.parametrize(("written", "canonical"), CANONICAL)
def test_canonical_name(written, canonical):
    assert canonical_name(written) == canonical


TYPES = [
    ("Ủy ban nhân dân huyện", "state"),
    ("Ban Dân vận Huyện ủy", "party"),
    ("Huyện ủy", "party"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "front"),
    ("Hội Cựu chiến binh xã", "front"),
    ("Công an huyện", "security"),
    ("Bộ Quốc phòng", "security"),
    ("Ban Chỉ đạo các xã, thị trấn", "steering"),
    ("Thành viên Ban Chỉ đạo huyện", "steering"),
    ("Tổ kiểm tra của Ban Chỉ đạo tỉnh", "steering"),
    ("Tập đoàn Điện lực Việt Nam", "enterprise"),
    ("Các cấp, các ngành, doanh nghiệp", "generic"),
    ("Cấp ủy, chính quyền", "generic"),
    ("Chủ tịch Ủy ban nhân dân tỉnh", "state"),
    ("Bộ trưởng Bộ Công an", "security"),
    ("Ban soạn thảo", "other"),
    ("Sở Y tế", "state"),
    ("UBND xã", "state"),
]


@pytest.mark.parametrize(("name", "body_type"), TYPES)
def test_body_type_of(name, body_type):
    assert body_type_of(name) == body_type


def test_common_path_does_not_call_the_tagger(monkeypatch):
    calls = []
    real = bodies._pos_words

    def spy(s):
        calls.append(s)
        return real(s)

    monkeypatch.setattr(bodies, "_pos_words", spy)
    for text, _, _ in CASES[:20]:
        find_responsible(text)
    for text, level, _, _ in CASES_LEXICON[:12]:
        find_responsible(text, default_level=level)
    assert calls == []


def test_tagger_decides_an_unknown_word_after_a_domain():
    # "phê chuẩn" is in no lexicon: the name must still stop before it
    assert _roles("Sở Nội vụ phê chuẩn kết quả bầu cử.")[0] == ["Sở Nội vụ"]


@pytest.mark.parametrize("chunk", ["trước ngày ", "UBND huyện, ", ", MTTQ tỉnh cần ", "phối hợp với Sở Y tế và ",
                                   "(", "các xã, ", "Ban Chỉ đạo thực hiện ", "Bộ trưởng các Bộ: Y tế, ",
                                   "Ban Thường vụ các Huyện ủy A, ", "Đảng ủy Đảng ủy ", "Về đề nghị của UBND xã ",
                                   "Giám đốc ", "Trưởng các ", "Ban nhân dân ấp A và "])
def test_pathological_input_completes(chunk):
    # speed is measured by `make bench`; here: well-formed mentions on junk input
    large = chunk * (200_000 // len(chunk))
    for b in find_responsible(large):
        assert large[b.start:b.end] == b.text and b.role in ("lead", "support")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["UBND", "huyện", "Sở", "Y", "tế", ",", "và", "phối hợp với", "Đề nghị", "các",
                                 "xã", "(", ")", "chủ trì", "Ban Chỉ đạo", "tỉnh", "cần", ".", "MTTQ", "báo cáo",
                                 "thành viên", "Đối với", ":", "Quảng Ninh", "tiếp tục"]), max_size=30))
def test_mentions_are_well_formed(words):
    text = " ".join(words)
    for m in find_responsible(text):
        assert text[m.start:m.end] == m.text
        assert m.role in ("lead", "support")
        assert m.body_type in BODY_TYPES
        assert m.name and m.name[0].isupper()


def _gold_seeds():
    path = SHARED / "gold" / "seeds.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_seed_subjects_at_task_start_match_gold():
    """Gold tasks whose anchor starts with their own subject: the body found from the task's first
    sentence matches the gold names under the scorer's token Dice."""
    docs = _gold_seeds()
    if not docs:
        pytest.skip("shared gold not available")
    sys.path.insert(0, str(SHARED / "eval"))
    score = pytest.importorskip("score")
    checked = 0
    for doc in docs:
        for task in doc["tasks"]:
            anchor, gold = task["anchor"], task["responsible"]
            if gold == "?" or not gold or task.get("optional"):
                continue
            found = find_responsible(anchor + " thực hiện.", default_level=doc["doc"].get("level"))
            leads = [m.name for m in found if m.role == "lead"]
            if not leads:
                continue  # inherited by the caller, or the subject lies beyond the anchor
            checked += 1
            for g in gold[:len(leads)]:
                assert any(score.dice(score.body_tokens(g), score.body_tokens(p)) >= 0.75 for p in leads), (anchor, leads)
    assert checked >= 8
