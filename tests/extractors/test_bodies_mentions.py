"""Mentions (extractors.bodies.mentions): levels shared, carried and defaulted onto names,
offsets and types of the mentions, glosses, and the seed notices' subjects against their gold.

Expected names are written by hand from SPEC "Bodies (responsible)".
"""
from __future__ import annotations

import json
import sys

import pytest
from _bodies_roles import roles as _roles

from vntasks.extractors.bodies import BodyMention, find_responsible

# (text, leads, supports): a shared level suffix
CASES = [
    # several subjects, shared level suffix
    ("Chi bộ, Ban Thanh tra nhân dân các bản chủ động nắm tình hình.",
     ["Chi bộ các bản", "Ban Thanh tra nhân dân các bản"], []),
    ("Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội các cấp tăng cường giám sát.",
     ["Mặt trận Tổ quốc Việt Nam các cấp", "Tổ chức chính trị - xã hội các cấp"], []),
    ("MTTQ và các đoàn thể tích cực vận động nhân dân hiến đất làm đường.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam", "Các đoàn thể"], []),
    ("Các ngành, các cấp, doanh nghiệp tập trung tháo gỡ khó khăn.", ["Các ngành, các cấp, doanh nghiệp"], []),
    ("Cấp ủy, chính quyền các xã tăng cường đối thoại với nhân dân.", ["Cấp ủy, chính quyền các xã"], []),
]


@pytest.mark.parametrize(("text", "leads", "supports"), CASES)
def test_find_responsible(text, leads, supports):
    assert _roles(text) == (leads, supports)


# (text, default_level, leads, supports): the level of a name, the notice's level where it names none
CASES_LEVEL = [
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
    # a body placed by its proper name takes no level; the provinces' merged media agency
    ("Báo Cao Bằng, Đài Phát thanh - Truyền hình tỉnh tăng cường đưa tin.", "tỉnh",
     ["Báo Cao Bằng", "Đài Phát thanh - Truyền hình tỉnh"], []),
    ("Trường Tiểu học Kim Đồng, Trạm Y tế xã phối hợp tổ chức tiêm chủng.", "xã", ["Trường Tiểu học Kim Đồng", "Trạm Y tế xã"], []),
    ("Báo và Phát thanh, Truyền hình Cao Bằng tăng cường tuyên truyền.", "tỉnh", ["Báo và Phát thanh, Truyền hình Cao Bằng"], []),
    ("Hội Nông dân, Hội Phụ nữ xã vận động hội viên.", "xã", ["Hội Nông dân xã", "Hội Phụ nữ xã"], []),
    # a party committee written after the last conjunct is every conjunct's
    ("Ban Tổ chức Huyện ủy chủ trì, phối hợp với Ban Tuyên giáo và Ủy ban Kiểm tra Huyện ủy tham mưu quy chế.", "huyện",
     ["Ban Tổ chức Huyện ủy"], ["Ban Tuyên giáo Huyện ủy", "Ủy ban Kiểm tra Huyện ủy"]),
    ("Công an huyện, Ban Tổ chức Huyện ủy phối hợp rà soát hồ sơ.", "huyện", ["Công an huyện", "Ban Tổ chức Huyện ủy"], []),
    # the notice's own level after a plural head: several bodies of one unit, not one in each of many
    ("Ủy ban MTTQ xã phối hợp với các tổ chức chính trị - xã hội xã vận động Nhân dân.", "xã",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"], ["Tổ chức chính trị - xã hội xã"]),
    ("Các chi bộ thôn tổ chức sinh hoạt chuyên đề.", "xã", ["Chi bộ các thôn"], []),
    # a central notice appends no level; a local one does
    ("Các thành viên Ban Chỉ đạo đôn đốc địa bàn được phân công phụ trách.", "trung ương",
     ["Thành viên Ban Chỉ đạo"], []),
    ("Các thành viên Ban Chỉ đạo đôn đốc địa bàn được phân công phụ trách.", "tỉnh",
     ["Thành viên Ban Chỉ đạo tỉnh"], []),
]


@pytest.mark.parametrize(("text", "level", "leads", "supports"), CASES_LEVEL)
def test_find_responsible_with_level(text, level, leads, supports):
    assert _roles(text, default_level=level) == (leads, supports)


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


def test_seed_subjects_at_task_start_match_gold(shared):
    """Gold tasks whose anchor starts with their own subject: the body found from the task's first
    sentence matches the gold names under the scorer's token Dice."""
    path = shared / "gold" / "seeds.jsonl"
    if not path.exists():
        pytest.skip("shared gold not available")
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sys.path.insert(0, str(shared / "eval"))
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
