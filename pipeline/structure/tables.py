"""Task tables flattened one cell per line: the header, the group rows and the rows.

In: the stripped lines of a stretch of text (strings) and the index of a line. Out: the column
kinds of a table whose "STT"/"TT" cell stands there (:func:`table_header`), and the table read
from it (:func:`read_table`): its group rows and its rows, each row's cells as ranges of line
indices by column kind.

Layout, as plans and annexes print it once the table is flattened: the header cells one per
line ("STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm"); then each
row: its number alone on a line ("1", "1."), then its cells. Rows are bounded by the next number
(the row number plus one) or by a group row: a Roman numeral or a letter alone on a line and its
title ("II" / "NHÓM GIẢI PHÁP ..."), "II. TITLE" on one line, or an unnumbered title before a
row number ("Nhiệm vụ giao Sở Y tế chủ trì"). Group rows group the rows; they are not rows and
do not end the table.

Cells are not always one line each: a cell may be empty (the next cell follows at once) or run
over several lines (a result with its own bullets). The lines of a row are therefore placed in
the columns by their form (:class:`LineForm`: a date or span fits the time column, "Thông báo
số ..." the reference column, a body's name the lead or support column, a progress note
"Đã hoàn thành" a result column), keeping their order, by the best-scoring assignment.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache

import regex

from ..extractors.bodies.lexicon import OpenerUse, opener_words, subject_start_pattern
from ..text import patterns as P
from ..text.lexicon import LexiconError, load_table
from .fields import column_kind

_FILE = "table_cells.tsv"
_FORMS = ("time_word", "recurrence", "status", "document", "group", "annex", "task_title")

#: The first header cell of a task table.
HEAD_FIRST = regex.compile(r"(?i)^(?:tt|stt|số tt|số thứ tự)\.?$")
#: A row number alone on its line.
ROW_NUMBER = regex.compile(r"^(\d{1,3})[.)]?$")
#: A Roman numeral or a capital letter alone on its line: the number of a group row.
_GROUP_NUMBER = regex.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])[.)]?$")
#: "II. TITLE", "A - Title": a group row on one line.
_GROUP_MARKED = regex.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])[ \t]*[.)\-–:][ \t]*\S")
_ROMAN_VALID = regex.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
_TOKEN = regex.compile(r"[\p{L}\d]+")
_DIGIT = regex.compile(r"\d")
_DATE_NUMBER = regex.compile(r"(?<!\d)\d{4}(?!\d)|\d{1,2}/\d{1,2}")
_LETTER = regex.compile(r"\p{L}")
_REF_ID = regex.compile(r"\d+[/-]\p{Lu}|(?<!\p{L})số[ \t]*\d", regex.I)
_SECTION = regex.compile(P.PART_MARK + "|" + P.ROMAN_MARK)
_RECIPIENTS = regex.compile(P.RECIPIENTS_LINE)
_SUBJECT = regex.compile(subject_start_pattern())
_SENTENCE_END = (".", ";", "!", "?")

#: Header cells read at most (a task table has four to seven columns).
MAX_COLUMNS = 8
#: A header cell has a few words; a longer line is the first row's content or a title.
MAX_HEADER_WORDS = 8
#: Lines looked through for the next row number (a row with a long result cell runs to tens).
MAX_ROW_LINES = 60
#: Words of a group row's title, of a body cell, of a short cell.
MAX_TITLE_WORDS = 25
MAX_GROUP_TITLE_WORDS = 45  # "Nhiệm vụ giao Bộ trưởng, Thủ trưởng cơ quan ngang bộ, ..., Chủ tịch ... chỉ đạo"
MAX_BODY_WORDS = 30
MAX_SHORT_WORDS = 12


class LineForm(str, Enum):
    """What a line of a row looks like, whatever column it stands in."""

    TEXT = "text"  # a sentence: content, a result
    SHORT = "short"  # a few words, no sentence end: a short content, a body not in the lexicon
    BODY = "body"  # a body's name ("Sở Tài chính", "Các bộ, ngành")
    TIME = "time"  # a date, a span or a recurrence ("30/6/2026", "Quý IV/2025", "Thường xuyên")
    REF = "ref"  # the assigning document ("Thông báo số 12-TB/TU ngày 3/4/2025")
    STATUS = "status"  # a progress note ("Đã hoàn thành", "Đang thực hiện")
    NOISE = "noise"  # no letter and no time: a page number ("- 2 -")


#: Score of a line of each form as the first line of a column of each kind. Columns the table's
#: header names "other" (results, products, notes) take anything at no cost.
_FIRST: dict[LineForm, dict[str, float]] = {
    LineForm.TEXT: {"task": 2, "lead": -1.5, "support": -1.5, "time": -3, "ref": -1, "other": 0},
    LineForm.SHORT: {"task": 1, "lead": 0.5, "support": 0.5, "time": -3, "ref": -1, "other": 0},
    LineForm.BODY: {"task": 0, "lead": 3, "support": 3, "time": -3, "ref": -2, "other": 0},
    LineForm.TIME: {"task": -3, "lead": -3, "support": -3, "time": 3, "ref": -2, "other": -1},
    LineForm.REF: {"task": -1, "lead": -2, "support": -2, "time": -2, "ref": 3, "other": 0},
    LineForm.STATUS: {"task": -3, "lead": -3, "support": -3, "time": -2, "ref": -2, "other": 1},
}
#: A further line of a cell scores at most this much (support lists run over lines; a time or
#: a body cell rarely does).
_MORE_CAP = {"task": 0.5, "lead": 1, "support": 2, "time": 1, "ref": 1, "other": 0.3}
#: A short line that names no body ("05 lớp tập huấn", "Tin, bài, video clip") and does not visibly
#: continue the line above (lower-case start, or a line ending in "," ";" "-" "và") adds nothing to
#: a lead or support cell that a product or note column follows: it opens that column.
_SHORT_BODY_MORE = 0.0
_JOINS = regex.compile(r"(?:[,;\-–]|(?<!\p{L})(?:và|cùng))$")
#: The cost of a column left empty (the content cell must not be).
_EMPTY = {"task": -10, "lead": -2, "support": -1, "time": -1, "ref": -1, "other": -0.5}


@dataclass(frozen=True, slots=True)
class Row:
    """A row: the line of its number, the number as written, and its cells by column kind as
    (first line, last line) indices; the first column of a kind wins."""

    number_line: int
    label: str
    cells: dict[str, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Group:
    """A group row: its lines (a numeral line and its title, or the title alone)."""

    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Table:
    kinds: tuple[str, ...]  # "number" then the column kinds in order
    parts: tuple[Row | Group, ...]
    end: int  # the index of the first line after the table


@cache
def _words() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {f: set() for f in _FORMS}
    for row in load_table(_FILE, ("form", "words")):
        if row["form"] not in _FORMS:
            raise LexiconError(f"{_FILE}: unknown form {row['form']!r}")
        out[row["form"]].add(row["words"].lower())
    return {f: frozenset(v) for f, v in out.items()}


@cache
def _start(form: str) -> regex.Pattern:
    """The phrases of ``form`` at the start of a lower-cased line."""
    return regex.compile(r"^(?:" + P.word_set(_words()[form]) + r")(?!\p{L})")


@cache
def _opener() -> regex.Pattern:
    return regex.compile(r"^(?:" + P.word_set(opener_words(OpenerUse.CELL)) + r")(?!\p{L})")


def annex_heading() -> regex.Pattern:
    """The first words of an annex heading ("PHỤ LỤC II", "DANH MỤC NHIỆM VỤ ...") on a
    lower-cased line."""
    return _start("annex")


@cache
def _task_title() -> regex.Pattern:
    return regex.compile(r"(?<!\p{L})(?:" + P.word_set(_words()["task_title"]) + r")(?!\p{L})")


def names_tasks(title: str) -> bool:
    """Whether an annex's title says it assigns work ("DANH MỤC NHIỆM VỤ ...")."""
    return _task_title().search(title.lower()) is not None


def is_row_number(line: str) -> bool:
    return ROW_NUMBER.match(line) is not None


def _number(line: str) -> int:
    return int(ROW_NUMBER.match(line).group(1))


def _is_time(low: str, tokens: list[str]) -> bool:
    words = _words()["time_word"]
    if not tokens or len(tokens) > 14:
        return False
    if not all(t in words or t.isdigit() or _ROMAN_VALID.match(t.upper()) for t in tokens):
        return False
    if _DATE_NUMBER.search(low):  # a year or a day/month: "2026", "30/6"
        return True
    phrases = _words()["recurrence"]
    return any(t in phrases for t in tokens) or any(p in low for p in phrases if " " in p) \
        or (_DIGIT.search(low) is not None and any(not t.isdigit() for t in tokens))


def line_form(line: str) -> LineForm:
    """The form of one line of a row (see :class:`LineForm`)."""
    s = line.strip()
    low = s.lower()
    tokens = _TOKEN.findall(low)
    if _is_time(low, tokens):
        return LineForm.TIME
    if not _LETTER.search(s):
        return LineForm.NOISE
    n = len(tokens)
    if n <= 8 and _start("status").match(low):
        return LineForm.STATUS
    if n <= MAX_TITLE_WORDS and _start("document").match(low) and _REF_ID.search(s):
        return LineForm.REF
    ends = s.endswith(_SENTENCE_END)
    if n <= MAX_BODY_WORDS and not ends and (_SUBJECT.match(s) or _opener().match(s)):
        return LineForm.BODY
    if n <= MAX_SHORT_WORDS and not ends:
        return LineForm.SHORT
    return LineForm.TEXT


def _proper_after_first(cell: str) -> bool:
    """A mixed-case cell with a capitalised word after its first: a name, not a column name."""
    if cell.isupper():
        return False
    words = cell.split()[1:]
    return any(w[:1].isupper() for w in words if w[:1].isalpha())


def table_header(lines: Sequence[str], k: int) -> tuple[str, ...] | None:
    """The column kinds ("number" first) of the task table whose "STT" cell is ``lines[k]``, or
    None when no task table opens there. A task table names its content column and at least
    one of its lead, support and time columns."""
    if not HEAD_FIRST.match(lines[k]):
        return None
    kinds = ["number"]
    j = k + 1
    while j < len(lines) and len(kinds) < MAX_COLUMNS:
        cell = lines[j]
        if is_row_number(cell) or len(cell.split()) > MAX_HEADER_WORDS or _proper_after_first(cell):
            break
        kind = column_kind(cell)
        if kind is None:
            break
        kinds.append(kind if kind not in kinds or kind == "other" else "other")
        j += 1
    if "task" not in kinds and "lead" in kinds:
        kinds[kinds.index("lead")] = "task"
    if len(kinds) < 3 or "task" not in kinds or not {"lead", "support", "time"} & set(kinds):
        return None
    return tuple(kinds)


def _title_like(line: str, group_noun: bool) -> bool:
    """A group row's title: short, no sentence end, not a cell of a known form; with
    ``group_noun`` it must also be in capitals or open with a group word ("Nhiệm vụ giao ...")."""
    s = line.strip()
    n = len(s.split())
    if not s or n > MAX_GROUP_TITLE_WORDS or s.endswith(_SENTENCE_END):
        return False
    if line_form(s) in (LineForm.TIME, LineForm.STATUS, LineForm.REF, LineForm.NOISE, LineForm.BODY):
        return False
    named = (s.isupper() and n >= 2) or _start("group").match(s.lower()) is not None
    return named if group_noun or n > MAX_TITLE_WORDS else True


def _group_at(lines: Sequence[str], t: int, any_title: bool) -> int:
    """The number of lines of a group row that starts at ``lines[t]``, or 0."""
    n = len(lines)
    s = lines[t]
    num = t + 1 < n and is_row_number(lines[t + 1])
    if _GROUP_NUMBER.match(s):
        label = s.rstrip(".)")
        if len(label) > 1 and not _ROMAN_VALID.match(label):
            return 0
        if t + 2 < n and not is_row_number(lines[t + 1]) and _title_like(lines[t + 1], False) \
                and is_row_number(lines[t + 2]):
            return 2
        return 0
    if _GROUP_MARKED.match(s) and num and len(s.split()) <= MAX_TITLE_WORDS:
        return 1
    if num and _title_like(s, not any_title and _number(lines[t + 1]) != 1):
        return 1
    return 0


def _stops(line: str) -> bool:
    """A line no row runs over: another table's header, a section heading, the recipients."""
    return bool(HEAD_FIRST.match(line) or _SECTION.match(line) or _RECIPIENTS.match(line))


def _assign(forms: list[LineForm], cols: Sequence[str], tail: bool,
            joined: Sequence[bool] = ()) -> tuple[list[int], int]:
    """The best placement of a row's lines in its columns, in order: each line's column index,
    and how many lines are placed (fewer than all only with ``tail``: the table's last row, whose
    following lines may be the text after the table). ``joined[i]``: line i visibly continues
    line i - 1."""
    n, m = len(forms), len(cols)
    neg = float("-inf")
    # best[i][c]: score of placing lines[:i + 1] with line i in column c (columns before c that got
    # no line are charged as empty)
    best = [[neg] * m for _ in range(n)]
    back = [[-1] * m for _ in range(n)]
    empty_before = [0.0] * (m + 1)
    for c in range(m):
        empty_before[c + 1] = empty_before[c] + _EMPTY[cols[c]]
    for i, f in enumerate(forms):
        for c in range(m):
            first = _FIRST[f][cols[c]]
            if i == 0:
                best[0][c] = empty_before[c] + first
                continue
            more = min(first, _MORE_CAP[cols[c]])
            if f is LineForm.SHORT and cols[c] in ("lead", "support") and c + 1 < m and cols[c + 1] == "other" \
                    and not (joined and joined[i]):
                more = min(more, _SHORT_BODY_MORE)
            top, arg = best[i - 1][c] + more, c  # the line continues column c
            for p in range(c):  # or opens column c after column p
                v = best[i - 1][p] + (empty_before[c] - empty_before[p + 1]) + first
                if v > top:
                    top, arg = v, p
            best[i][c], back[i][c] = top, arg
    # the end: the columns after the last line's are empty
    end_score, end_i, end_c = empty_before[m], 0, -1  # no line placed at all
    for i in range(n):
        if i < n - 1 and not tail:
            continue
        for c in range(m):
            v = best[i][c] + (empty_before[m] - empty_before[c + 1])
            if v > end_score:
                end_score, end_i, end_c = v, i + 1, c
    cols_of = [0] * end_i
    c = end_c
    for i in range(end_i - 1, -1, -1):
        cols_of[i] = c
        c = back[i][c]
    return cols_of, end_i


#: How far a printed row number may stray from the one expected (tables are renumbered by hand:
#: "19, 22, 20, 21", "37, 37, 39").
_NUMBER_SLACK = (-3, 5)


def _next_row(lines: Sequence[str], t: int, n: int, seen: int) -> bool:
    """Whether the number at ``lines[t]`` starts the row after row ``n`` that has ``seen`` lines
    so far: the next number; or a number near it after at least two lines, followed by a
    content line (a number in a quantity column is followed by the next cell, not a sentence)."""
    got = _number(lines[t])
    if got == n + 1:
        return True
    if seen < 2 or not _NUMBER_SLACK[0] <= got - n <= _NUMBER_SLACK[1] or t + 1 >= len(lines):
        return False
    return line_form(lines[t + 1]) in (LineForm.TEXT, LineForm.SHORT)


def _read_row(lines: Sequence[str], j: int, kinds: tuple[str, ...]) -> tuple[Row, int]:
    """The row whose number is ``lines[j]``, and the index of the line after it."""
    n = _number(lines[j])
    cols = kinds[1:]
    r = j + 1
    limit = min(len(lines), r + MAX_ROW_LINES)
    bound = None
    t = r
    while t < limit:
        s = lines[t]
        if is_row_number(s) and _next_row(lines, t, n, t - r):
            bound = t
            # an unnumbered group title just before the next number, over the row's cells
            if t - 1 > r and t - 1 - r >= len(cols) and _title_like(lines[t - 1], True):
                bound = t - 1
            break
        if t > r and _group_at(lines, t, False):
            bound = t
            break
        if _stops(s):
            break
        t += 1
    tail = bound is None
    stop = bound if bound is not None else min(t, r + 2 * len(cols) + 4)
    idx = [i for i in range(r, stop) if line_form(lines[i]) is not LineForm.NOISE]
    forms = [line_form(lines[i]) for i in idx]
    joined = [k > 0 and (lines[i][:1].islower() or _JOINS.search(lines[idx[k - 1]].rstrip()) is not None)
              for k, i in enumerate(idx)]
    placed, used = _assign(forms, cols, tail, joined)
    cells: dict[str, tuple[int, int]] = {}
    firsts: dict[int, tuple[int, int]] = {}
    for line_i, c in zip(idx[:used], placed, strict=True):
        a, _ = firsts.get(c, (line_i, line_i))
        firsts[c] = (a, line_i)
    for c in sorted(firsts):
        cells.setdefault(cols[c], firsts[c])
    end = stop if not tail else (idx[used - 1] + 1 if used else r)
    return Row(j, lines[j], cells), end


def read_table(lines: Sequence[str], k: int, kinds: tuple[str, ...]) -> Table:
    """The table whose header (of ``kinds``) starts at ``lines[k]``."""
    j = k + len(kinds)
    parts: list[Row | Group] = []
    while j < len(lines):
        s = lines[j]
        if is_row_number(s):
            row, j = _read_row(lines, j, kinds)
            parts.append(row)
            continue
        g = _group_at(lines, j, True)
        if g:
            parts.append(Group(j, j + g - 1))
            j += g
            continue
        if line_form(s) is LineForm.NOISE:
            j += 1
            continue
        break
    return Table(kinds, tuple(parts), j)
