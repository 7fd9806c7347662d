"""A body's own domain words against verb cues (extractors.bodies.units / names): a name word that is
also a verb ("thông tin") is the domain of a generic when another domain word, a level or the owner
follows it; a capitalised domain after a complement head ("lực lượng") is its name, not its verb.

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented in
the genre's phrasing.
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles as _roles

# (text, notice level, leads, supports)
CASES = [
    # "thông tin" as the domain's noun: a second domain word, the owner or a level follows
    ("Các cơ quan thông tin, truyền thông của huyện đưa tin về đại hội.", "huyện",
     ["Các cơ quan thông tin, truyền thông của huyện"], []),
    ("Các cơ quan thông tin và truyền thông mở chuyên mục về bầu cử.", None,
     ["Các cơ quan thông tin và truyền thông"], []),
    # ... and the verb where the predicate goes on
    ("Các đơn vị thông tin kịp thời về diễn biến của bão.", None, ["Các đơn vị"], []),
    # a capitalised domain after "lực lượng" is the name
    ("Lực lượng Quản lý thị trường kiểm tra việc niêm yết giá.", None, ["Lực lượng Quản lý thị trường"], []),
    ("Phối hợp với lực lượng Kiểm soát quân sự tuần tra các tuyến đường.", None,
     [], ["Lực lượng Kiểm soát quân sự"]),
    # ... a lower-case verb after it is the predicate
    ("Lực lượng vũ trang chủ động ứng phó với thiên tai.", None, ["Lực lượng vũ trang"], []),
]


@pytest.mark.parametrize(("text", "level", "leads", "supports"), CASES)
def test_domains(text, level, leads, supports):
    assert _roles(text, level) == (leads, supports)
