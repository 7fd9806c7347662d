"""output.cells: the CSV cell policy (what a spreadsheet would compute is neutralised, item
markers stay readable) and its exact inverse."""
from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vntasks.output.cells import FORMULA_TRIGGERS, needs_quote, safe_cell, unsafe_cell
from vntasks.output.tables import cell

HYPERLINK = '=HYPERLINK("http://example.invalid","bấm vào đây")'

#: (text, neutralised?) — the policy as a reader sees it
POLICY = [
    # always: "=", "@", tab, carriage return first
    ("=1+1", True),
    (HYPERLINK, True),
    ("=", True),
    ("@SUM(A1)", True),
    ("@", True),
    ("\t=1", True),
    ("\tPhòng Nội vụ", True),
    ("\r=1", True),
    # "+" / "-" first: neutralised when something formula-like follows
    ("-1+1", True),
    ("-2+3+cmd|' /C calc'!A0", True),
    ("-cmd|' /C calc'!A0", True),
    ("+cmd|' /C calc'!A0", True),
    ("-SUM(A1)", True),
    ("+HYPERLINK(\"x\")", True),
    ("--1", True),
    ("-+1", True),
    ("+84 912", True),
    ("-5", True),
    ("- 5 ngày", True),
    ("-A1", True),
    ("- a)", True),
    ("-$A$1", True),
    ("- \"x\"", True),
    # ... and left readable when only plain words follow (item markers, labels)
    ("-", False),
    ("+", False),
    ("- a", False),
    ("-a", False),
    ("+ b", False),
    ("- Giao Phòng Nội vụ", False),
    ("- Giao Phòng Nội vụ, Công an huyện; Văn phòng.", False),
    ("- Tổ chức tập huấn:", False),
    ("-   ", False),
    # not a trigger first: as written
    ("Phòng Nội vụ", False),
    ("1.", False),
    ("a)", False),
    ("a=1", False),
    (" =1", False),
    ("", False),
    ("x-1+1", False),
    # an apostrophe first: quoted only when the rest would be (so reading back is exact)
    ("'=1", True),
    ("'-1+1", True),
    ("''=1", True),
    ("'-", False),
    ("'x", False),
    ("'", False),
]


@pytest.mark.parametrize(("text", "quoted"), POLICY)
def test_policy(text, quoted):
    assert needs_quote(text) is quoted
    assert safe_cell(text) == ("'" + text if quoted else text)
    assert cell(text) == safe_cell(text)  # the CSV writer's inlined fast path agrees
    assert unsafe_cell(safe_cell(text)) == text


@pytest.mark.parametrize("value", [12, -3.5, None, True])
def test_non_text_is_left_alone(value):
    assert safe_cell(value) is value


def test_list_cells_follow_the_policy_as_one_cell():
    assert cell(["- a", "b"]) == "- a; b"
    assert cell(["=1+1", "b"]) == "'=1+1; b"
    assert cell(["-1", "b"]) == "'-1; b"
    assert cell([]) == ""


@given(st.text())
def test_round_trip(s):
    out = safe_cell(s)
    assert out in (s, "'" + s)
    assert unsafe_cell(out) == s


@given(st.text(alphabet=st.sampled_from("=+-@\t\r'1(|!$A ;,.a"), max_size=8))
def test_what_stays_unquoted_after_a_sign_is_plain_words(s):
    out = safe_cell(s)
    if out == s and s.startswith(FORMULA_TRIGGERS):
        assert s[0] in "+-" and not any(ch in s[1:] for ch in "=+-@'1(|!$")


def test_plain_csv_reader_sees_the_labels_as_written():
    """What pd.read_csv (or any CSV reader) shows: "-" and "+" labels without an apostrophe."""
    pd = pytest.importorskip("pandas")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["label", "text"])
    for label, text in [("-", "Giao Phòng Nội vụ"), ("+", "=1+1"), ("a)", "- a")]:
        w.writerow([cell(label), cell(text)])
    df = pd.read_csv(io.StringIO(buf.getvalue()), dtype=str)
    assert list(df["label"]) == ["-", "+", "a)"]
    assert list(df["text"]) == ["Giao Phòng Nội vụ", "'=1+1", "- a"]
