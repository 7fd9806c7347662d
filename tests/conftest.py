"""Shared fixtures: where ../shared is (CI has it beside the checkout), small notices."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VNTASKS_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def seed_notices(shared) -> list[tuple[dict, str, int | None]]:
    """Each seed notice with its gold record: (gold, source text, the year of its meeting)."""
    import json

    path = shared / "gold" / "seeds.jsonl"
    if not path.exists():
        pytest.skip("shared gold not available")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        src = shared / "corpus" / "seeds" / doc["file"]
        if src.exists():
            meeting = doc["doc"].get("meeting_date")
            year = int(meeting[:4]) if meeting not in (None, "?") else None
            out.append((doc, src.read_text(encoding="utf-8"), year))
    return out


# A short huyện-level conclusion notice composed for the tests.
HUYEN_NOTICE = """HUYỆN ỦY KỲ SƠN
*
Số 58 -TB/HU

ĐẢNG CỘNG SẢN VIỆT NAM
Kỳ Sơn, ngày 14 tháng 4 năm 2023

THÔNG BÁO
kết luận của Thường trực Huyện ủy tại buổi làm việc về công tác chuyển đổi số

Ngày 10/4/2023, đồng chí Lô Văn Thắng, Phó Bí thư Thường trực Huyện ủy chủ trì buổi làm việc với Phòng Văn hóa và Thông tin huyện. Sau khi nghe báo cáo, đồng chí Lô Văn Thắng kết luận như sau:

I. Đánh giá chung

Thời gian qua, công tác chuyển đổi số đã đạt được một số kết quả bước đầu.

II. Nhiệm vụ trọng tâm quý II/2023

1. UBND huyện chỉ đạo các xã hoàn thành việc cập nhật dữ liệu dân cư trước ngày 30/5/2023.

2. Phòng Văn hóa và Thông tin huyện chủ trì, phối hợp với Công an huyện xây dựng kế hoạch tuyên truyền theo Kế hoạch số 12-KH/HU ngày 02/3/2023 của Ban Thường vụ Huyện ủy.

- Tổ chức tập huấn cho cán bộ xã trong tháng 5/2023.

Nơi nhận:
- Thường trực Huyện ủy,
- Lưu VPHU.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC

Lô Văn Thắng
"""


@pytest.fixture()
def huyen_notice() -> str:
    return HUYEN_NOTICE


@pytest.fixture()
def crash_on_job(monkeypatch):
    """``crash_on_job(n)``: the n-th input of the next run raises KeyboardInterrupt (an interrupted
    run); returns a function that undoes it."""
    import vntasks.run.engines as engines

    real = engines.run_one

    def arm(n: int):
        calls = []

        def crash(job):
            calls.append(job)
            if len(calls) == n:
                raise KeyboardInterrupt
            return real(job)

        monkeypatch.setattr(engines, "run_one", crash)
        return lambda: monkeypatch.setattr(engines, "run_one", real)

    return arm


_DISTRICT_NOTICE = """ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN MINH LONG                 Độc lập - Tự do - Hạnh phúc

Số: {number}                  Minh Long, ngày {day} tháng {month} năm 2024

THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân huyện tại cuộc họp về công tác chuyển đổi số

Ngày 01 tháng {month} năm 2024, Ủy ban nhân dân huyện tổ chức cuộc họp về công tác chuyển đổi số. \
Chủ tịch Ủy ban nhân dân huyện kết luận như sau:

{items}

Nơi nhận:
- Như trên;
- Lưu: VT.

TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Lê Văn An
"""


@pytest.fixture()
def district_notice():
    """A composed district conclusion notice (Minh Long, 2024): ``make(number, day, month, items)``
    with ``items`` the lines of its directive part."""

    def make(number: str, day: str, month: str, items: list[str]) -> str:
        return _DISTRICT_NOTICE.format(number=number, day=day, month=month, items="\n".join(items))

    return make

