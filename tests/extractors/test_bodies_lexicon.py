"""The body lexicon (extractors.bodies.lexicon): head kinds and scopes parsed and validated on
load, a new data row picked up by the scanner, longest-match phrase tables, and the head words
the regex pre-checks outside the scanner take from it (SUBJECT_START, the table-cell split).
"""
from __future__ import annotations

import pytest
import regex

import vntasks.extractors.bodies as bodies
from vntasks.extractors.bodies import canonical, find_responsible, lexicon, mentions
from vntasks.extractors.bodies.lexicon import (
    HEAD_COLUMNS,
    HeadKind,
    Lexicon,
    LexiconError,
    OpenerUse,
    Phrases,
    Scope,
    opener_words,
    parse_heads,
)
from vntasks.text import lexicon as tables


def _clear_caches() -> None:
    for f in (tables.load_table, lexicon.lex, lexicon.opener_words, canonical.canonical_name,
              canonical.body_type_of, mentions.local_level, bodies._tables):
        f.cache_clear()


@pytest.fixture
def extra_lines(monkeypatch):
    """Lines added to data files for one test: {file name: [line, ...]}. Every table cache is
    cleared before and after, so the test reads the changed files and later tests the real ones."""
    extra: dict[str, list[str]] = {}
    real = tables.data_text

    def data_text(name: str) -> str:
        return real(name) + "".join(line + "\n" for line in extra.get(name, ()))

    monkeypatch.setattr(tables, "data_text", data_text)
    _clear_caches()
    yield extra
    monkeypatch.undo()
    _clear_caches()


def _row(head="tổ phản ứng nhanh", canonical="Tổ phản ứng nhanh", body_type="other", kind="complete",
         scope="local") -> dict:
    return dict(zip(HEAD_COLUMNS, (head, canonical, body_type, kind, scope), strict=True))


# (row cells that differ from a good row, error fragment or the kind and scope parsed)
HEAD_ROWS = [
    ({}, (HeadKind.COMPLETE, Scope.LOCAL)),
    ({"kind": "org"}, (HeadKind.ORG, Scope.LOCAL)),
    ({"kind": "role_alone", "body_type": "role", "scope": "any"}, (HeadKind.ROLE_ALONE, Scope.ANY)),
    ({"kind": "block", "body_type": "-", "scope": "-"}, (HeadKind.BLOCK, Scope.NONE)),
    ({"kind": "level", "body_type": "-", "scope": "unit"}, (HeadKind.LEVEL, Scope.UNIT)),
    ({"kind": "level", "body_type": "-", "scope": "phrase"}, (HeadKind.LEVEL, Scope.PHRASE)),
    ({"kind": "name_word", "body_type": "-", "scope": "-"}, (HeadKind.NAME_WORD, Scope.NONE)),
    ({"kind": "compleet"}, "bad kind 'compleet'"),
    ({"kind": "Complete"}, "bad kind 'Complete'"),
    ({"kind": "role alone"}, "bad kind 'role alone'"),
    ({"scope": "regional"}, "bad scope 'regional'"),
    ({"body_type": "army"}, "bad body_type 'army'"),
]


@pytest.mark.parametrize(("cells", "expected"), HEAD_ROWS)
def test_head_rows_are_parsed_and_validated(cells, expected):
    if isinstance(expected, str):
        with pytest.raises(LexiconError, match=regex.escape(expected)):
            parse_heads([_row(**cells)])
    else:
        (head,) = parse_heads([_row(**cells)])
        assert (head.kind, head.scope) == expected


def test_the_head_table_validates_and_uses_every_kind():
    heads = parse_heads(tables.load_table("body_heads.tsv", HEAD_COLUMNS))
    assert len(heads) > 400
    assert {h.kind for h in heads} == set(HeadKind)


def test_a_bad_kind_in_the_data_file_raises_on_load(extra_lines):
    extra_lines["body_heads.tsv"] = ["tổ phản ứng nhanh\tTổ phản ứng nhanh\tother\tcompleted\tlocal"]
    with pytest.raises(LexiconError, match="body_heads.tsv: head 'tổ phản ứng nhanh': bad kind 'completed'"):
        Lexicon()


def test_a_bad_cue_role_in_the_data_file_raises_on_load(extra_lines):
    extra_lines["directive_cues.tsv"] = ["khẩn trương\tadverb"]
    with pytest.raises(LexiconError, match="bad role 'adverb'"):
        Lexicon()


# (sentence, notice level, leads without the new row, leads with it)
NEW_HEAD = [
    ("Tổ phản ứng nhanh xã khẩn trương trực ban.", "xã", [], ["Tổ phản ứng nhanh xã"]),
    ("Đề nghị Tổ phản ứng nhanh khẩn trương xử lý.", "xã", [], ["Tổ phản ứng nhanh xã"]),
    ("Tổ phản ứng nhanh, Công an xã phối hợp xử lý.", "xã", [], ["Tổ phản ứng nhanh xã", "Công an xã"]),
]


@pytest.mark.parametrize(("text", "level", "before", "after"), NEW_HEAD)
def test_a_new_head_row_is_picked_up(extra_lines, text, level, before, after):
    def leads() -> list[str]:
        return [m.name for m in find_responsible(text, level) if m.role == "lead"]

    assert leads() == before
    extra_lines["body_heads.tsv"] = ["tổ phản ứng nhanh\tTổ phản ứng nhanh\tother\tcomplete\tlocal"]
    _clear_caches()
    assert leads() == after


# (phrases, tokens, start, longest match or None)
PHRASES = [
    (["ban", "ban chỉ đạo"], ["ban", "chỉ", "đạo", "tỉnh"], 0, (3, "ban chỉ đạo")),
    (["ban", "ban chỉ đạo"], ["ban", "chỉ", "huy"], 0, (1, "ban")),
    (["ban chỉ đạo"], ["ban", "chỉ"], 0, None),
    (["Uỷ ban"], ["ủy", "ban"], 0, (2, "Uỷ ban")),  # keys in modern tone placement, lower case
    (["sở"], ["các", "sở"], 1, (2, "sở")),
    (["sở"], ["các", "sở"], 2, None),
    (["phòng, chống"], ["phòng", ",", "chống"], 0, (3, "phòng, chống")),
]


@pytest.mark.parametrize(("phrases", "tokens", "start", "expected"), PHRASES)
def test_phrases_match_the_longest_entry(phrases, tokens, start, expected):
    assert Phrases((p, p) for p in phrases).match(tokens, start) == expected


# (text, whether it opens with a directive's subject)
SUBJECT_STARTS = [
    ("Đề nghị các xã rà soát.", True),
    ("Từng thành viên Ban Chỉ đạo theo dõi địa bàn.", True),
    ("Các đồng chí thủ trưởng các cơ quan quán triệt.", True),
    ("Doanh nghiệp kê khai thuế đúng hạn.", True),
    ("“UBND huyện chỉ đạo ...", True),
    ("Tổ công tác rà soát hồ sơ.", True),
    ("Tổng hợp báo cáo kết quả.", False),
    ("Bảo đảm an toàn giao thông.", False),
    ("Trước ngày 30/6, hoàn thành.", False),
]


@pytest.mark.parametrize(("text", "expected"), SUBJECT_STARTS)
def test_subject_start_takes_its_heads_from_the_lexicon(text, expected):
    assert bool(regex.match(lexicon.subject_start_pattern(), text)) is expected


def test_every_opener_opens_a_subject_or_splits_a_cell():
    from vntasks.resolve.inherit import _CELL_SPLIT

    subject = regex.compile(lexicon.subject_start_pattern())
    for word in opener_words(OpenerUse.SUBJECT):
        assert subject.match(f"{word} xã rà soát."), word
        assert subject.match(f"Các {word.upper()} rà soát."), word
    for word in opener_words(OpenerUse.CELL):
        assert len(_CELL_SPLIT.split(f"Sở Y tế, {word} Tân An")) == 2, word
        assert len(_CELL_SPLIT.split(f"Sở Y tế, {word.lower()} Tân An")) == 1, word
    assert _CELL_SPLIT.split("Phòng Kinh tế, Hạ tầng và Đô thị; Công an huyện") == [
        "Phòng Kinh tế, Hạ tầng và Đô thị", "Công an huyện"]


@pytest.mark.parametrize(("line", "error"), [
    ("Quân khu\tcell", "'Quân khu' starts no head or generic addressee"),
    ("Sở\trow", "bad use 'row'"),
])
def test_a_bad_opener_raises(extra_lines, line, error):
    extra_lines["body_openers.tsv"] = [line]
    with pytest.raises(LexiconError, match=error):
        opener_words(OpenerUse.CELL)
