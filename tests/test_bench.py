"""Smoke tests of the benchmark (scripts.bench): the corpus builder and the report format (no timing)."""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import pytest

from scripts.bench import corpus, measure, profile, report, run

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def notices():
    if not any(CORPUS.glob("*.txt")):
        pytest.skip("corpus/ is empty")
    return corpus.load_notices(CORPUS)


# A notice made up for these tests: header, intro, three items, closing line, recipients, signer.
NUMBERED = """ỦY BAN NHÂN DÂN
XÃ AN PHÚ

Số: 12/TB-UBND

THÔNG BÁO
Kết luận của Chủ tịch UBND xã tại cuộc họp về thủy lợi

Ngày 02/3/2024, Chủ tịch UBND xã chủ trì cuộc họp và kết luận như sau:

1. Giao công chức Địa chính nạo vét kênh nội đồng trước ngày 30/4/2024.
- Lập danh sách các tuyến kênh.

2. Giao Trưởng các ấp vận động nhân dân tham gia.

3. Văn phòng theo dõi, tổng hợp.

UBND xã thông báo để các bộ phận biết, thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT.

CHỦ TỊCH

Trần Văn Bình
"""

# Prose without numbered items: the body is cut into paragraphs.
PROSE = """BAN CHỈ ĐẠO
Số: 5-TB/BCĐ

THÔNG BÁO

""" + "Ban Chỉ đạo đã họp và thống nhất các nội dung sau đây về công tác chuẩn bị cho mùa mưa bão năm nay, " \
      "giao các cơ quan rà soát phương án. " * 2 + """

Thứ nhất, Phòng Kinh tế rà soát các hồ chứa trước ngày 15/5.

Thứ hai, Công an xã bảo đảm an ninh trật tự.

Nơi nhận:
- Lưu: VT.
"""


@pytest.mark.parametrize("text, header_end, n_units, first_unit, footer_start", [
    (NUMBERED, "kết luận như sau:", 3, "1. Giao công chức", "UBND xã thông báo để"),
    (PROSE, "giao các cơ quan rà soát phương án. ", 2, "Thứ nhất, Phòng Kinh tế", "Nơi nhận:"),
])
def test_split_notice(text, header_end, n_units, first_unit, footer_start):
    n = corpus.split_notice("x", text)
    assert n.header.rstrip().endswith(header_end.rstrip())
    assert len(n.units) == n_units
    assert n.units[0].startswith(first_unit)
    assert n.footer.startswith(footer_start)
    # nothing of the text is lost but blank lines
    assert "".join((n.header + "".join(n.units) + n.footer).split()) == "".join(text.split())


@pytest.mark.parametrize("units, expected", [
    (["3. a", "7. b"], ["1. a", "2. b"]),
    (["II. A", "5) x", "1- y", "IV. B", "9. z"], ["I. A", "1) x", "2- y", "II. B", "1. z"]),
    (["Thứ nhất, a", "4. b"], ["Thứ nhất, a", "1. b"]),
])
def test_renumber(units, expected):
    assert corpus._renumber(units) == expected


def test_build_corpus_deterministic_and_utf8(notices, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    n, size = corpus.build_corpus(CORPUS, a, 12, seed=3)
    corpus.build_corpus(CORPUS, b, 12, seed=3)
    files = sorted(a.iterdir())
    assert n == 12 and len(files) == 12
    assert size == sum(f.stat().st_size for f in files)
    assert [f.read_bytes() for f in files] == [f.read_bytes() for f in sorted(b.iterdir())]
    headers = {x.header for x in notices}
    footers = {x.footer for x in notices}
    for f in files:
        text = f.read_bytes().decode("utf-8")  # UTF-8, no BOM
        assert not text.startswith("\ufeff")
        assert any(text.startswith(h) for h in headers)
        assert any(text.rstrip("\n").endswith(ft) for ft in footers)
        assert 500 < len(text) < 40_000


def test_prefix_stable_across_sizes(notices):
    small = list(corpus.iter_notices(notices, 5, seed=9))
    big = list(corpus.iter_notices(notices, 40, seed=9))
    assert big[:5] == small
    assert len(set(big)) > 30  # recombination gives distinct notices


def test_recombine_draws_from_several_notices(notices):
    rng = random.Random(1)
    unit_owner = {u: x.name for x in notices for u in x.units}
    owners = set()
    for _ in range(30):
        text = corpus.recombine(notices, rng)
        for para in text.split("\n\n"):
            stripped = corpus.ARABIC_START.sub("", para, count=1)
            owners |= {o for u, o in unit_owner.items() if corpus.ARABIC_START.sub("", u, count=1) == stripped}
    assert len(owners) > 5


@pytest.mark.parametrize("key", ["1.", "So", "nospace", "dash", "truoc-ngay", "ref", "items"])
def test_pathological_sizes(key):
    text = corpus.PATHOLOGICAL[key][1](50_000)
    size = len(text.encode("utf-8"))
    assert 40_000 <= size <= 50_001
    if key == "nospace":
        assert " " not in text


def test_ordinary_blob(notices):
    blob = corpus.ordinary_blob(CORPUS, 30_000)
    assert 20_000 < len(blob.encode("utf-8")) <= 30_000


def fake_results(n=20, quick=True):
    machine = {"uname": "Linux x 6.1", "cpu": "Test CPU", "cores": 2, "ram": "1.0 GiB", "python": "3.11.2",
               "underthesea": "9.5.0", "date": "2025-01-02T03:04:05+00:00", "commit": "abc123", "load": "0.1"}
    res = report.Results(n, quick, f"python -m scripts.bench --n {n}", machine)
    res.checks = [report.Check("extract vs word_tokenize-only (wall time ratio)", "2.0x", ">= 10x", "FAIL"),
                  report.Check("peak RSS, 8x corpus / 1x corpus", "1.01", "<= 1.3", "PASS")]
    res.throughput = [{"run": "extract --jobs 1", "docs": n, "mb": 0.07, "wall": 2.0, "cpu": 1.9, "rss": 100.0,
                       "tasks": 80},
                      {"run": "POS models", "docs": 0, "mb": 0.0, "wall": 0.6, "cpu": 0.6, "rss": 90.0}]
    res.pathological = [{"input": '"Số " repeated', "mb": 0.256, "wall": 1.5, "net": 0.5, "ratio": 1.2,
                         "timed_out": False, "verdict": "PASS"}]
    res.stages = {"n": 5, "wall": 0.3, "total": 0.3,
                  "modules": [{"module": "resolve", "self": 0.2, "self_pct": 66.0, "cum": 0.25, "calls": 5}],
                  "functions": [{"function": "resolve.resolve:10", "owner": "resolve", "tottime": 0.1,
                                 "cumtime": 0.2, "calls": 5}]}
    return res


def test_report_format():
    text = report.render(fake_results())
    assert text.startswith("<!-- bench:start n=20 quick -->")
    assert text.rstrip().endswith("<!-- bench:end n=20 quick -->")
    for needle in ("Command: `python -m scripts.bench --n 20`", "| CPU | Test CPU (2 cores) |", "| Commit | abc123 |",
                   "| Measurement | Value | Target | Result |", "**FAIL**", "**PASS**",
                   "| extract --jobs 1 | 20 | 0.07 | 2.00 | 1.90 | 10.0 | 0.035 | 100.0 | 80 |",
                   "| resolve | 0.200 | 66.0 | 0.250 | 5 |", '| "Số " repeated | 0.256 |',
                   "| POS models | — | — | 0.60 | 0.60 | — | — | 90.0 | — |"):
        assert needle in text, needle


def test_write_report_replaces_own_section(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    report.write_report(out, report.render(fake_results(20)))
    report.write_report(out, report.render(fake_results(40, quick=False)))
    second = fake_results(20)
    second.machine = dict(second.machine, commit="def456")
    report.write_report(out, report.render(second))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks")
    assert text.count("<!-- bench:start n=20 quick -->") == 1
    assert text.count("<!-- bench:start n=40 -->") == 1
    assert "def456" in text and "abc123" in text  # n=20 replaced; n=40 kept
    assert text.index("n=20 quick") < text.index("n=40 -->")


def test_module_of():
    assert profile.module_of(str(ROOT / "pipeline" / "resolve.py")) == "resolve"
    assert profile.module_of(str(ROOT / "pipeline" / "extractors" / "bodies.py")) == "extractors.bodies"
    assert profile.module_of("/usr/lib/python3/re.py") is None
    assert profile.module_of("~") is None


# A stand-in for valgrind: reports, as callgrind does on stderr, 1,000 instructions per notice
# (the last argument) plus 500 for start-up; exits with FAKE_RC.
FAKE_VALGRIND = """#!/bin/sh
for a in "$@"; do n="$a"; done
echo "==1== Collected : $((n * 1000 + 500))" >&2
exit "${FAKE_RC:-0}"
"""


@pytest.fixture
def fake_valgrind(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "valgrind"
    exe.write_text(FAKE_VALGRIND)
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    return bin_dir


def test_instructions_per_notice_subtracts_the_warm_up(fake_valgrind, tmp_path):
    assert measure._collected(tmp_path, 7) == 7500
    # (14 notices: 14,500) - (4 notices: 4,500), over the 10 counted
    assert measure.instructions_per_notice(tmp_path, warm=4, count=10) == pytest.approx(1000.0)


def test_instructions_per_notice_without_a_count(fake_valgrind, tmp_path, monkeypatch):
    monkeypatch.setenv("FAKE_RC", "1")  # valgrind failed: no figure rather than a wrong one
    assert measure._collected(tmp_path, 7) is None
    assert measure.instructions_per_notice(tmp_path, warm=4, count=10) is None
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))  # no valgrind on the machine
    assert measure.instructions_per_notice(tmp_path, warm=4, count=10) is None


def test_startup_runs_start_from_an_empty_folder(tmp_path, monkeypatch):
    """Each start-up run extracts: none may find the previous run's tables and cache."""
    out = tmp_path / "out-tiny"
    seen = []

    def fake_measure(label, cmd, timeout=0):
        target = Path(cmd[cmd.index("--out") + 1])
        seen.append(target.exists())
        (target / ".cache").mkdir(parents=True)  # what a real run leaves behind
        return measure.Run(label, 1.0 + len(seen), 1.0, 30.0, 0, False, "", "")

    monkeypatch.setattr(measure, "measure", fake_measure)
    run = measure.measure_startup(tmp_path, out, rounds=3)
    assert seen == [False, False, False]
    assert run.wall == 2.0  # the fastest of the three


def test_startup_notice_runs_every_stage_without_pos_tagging(monkeypatch):
    """The start-up row is the fixed cost of a run: its notice goes through every extractor but
    never needs underthesea's POS model (loaded on demand; the bench times that on its own)."""
    import vntasks.extractors.bodies as bodies
    from vntasks import extract

    tagged = []
    monkeypatch.setattr(bodies, "_pos_words", lambda s: tagged.append(s) or ())
    doc = extract(measure.STARTUP_NOTICE)
    assert doc.status == "ok"
    assert tagged == []
    assert len(doc.tasks) == 2
    assert doc.tasks[0].responsible[0].name.startswith("Phòng Nông nghiệp")
    assert doc.tasks[0].deadline is not None and doc.tasks[1].period is not None
    assert doc.tasks[0].references
    assert doc.doc_number == "45/TB-UBND" and doc.meeting_date.isoformat() == "2025-06-04"


@pytest.mark.parametrize("walls, expected", [
    ([3.0, 1.5, 2.0], 1),   # the least wall time, wherever it comes
    ([1.0, 1.0, 0.5], 2),
    ([2.0, 2.0], 0),        # a tie keeps the first run
    ([4.2], 0),
])
def test_fastest_is_the_run_of_least_wall_time(walls, expected):
    runs = [measure.Run(f"r{i}", w, 9.0 - w, 10.0, 0, False) for i, w in enumerate(walls)]
    assert measure.fastest(iter(runs)) is runs[expected]  # any iterable, a generator too


def test_profile_subprocess_runs_from_any_folder(tmp_path, monkeypatch):
    """The profile runs in a fresh ``python -m scripts.bench.profile`` process, which finds the
    scripts package from another working folder too, and charges time to pipeline modules."""
    notice = tmp_path / "notice.txt"
    notice.write_text(measure.STARTUP_NOTICE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    prof = profile.profile_subprocess([str(notice)], None, 120)
    assert prof["n"] == 1 and prof["wall"] > 0
    modules = {r["module"] for r in prof["modules"]}
    assert "structure.segment" in modules
    assert any(m.startswith("extractors.bodies.") for m in modules)  # the scanner's modules


# --- issue 21: the large run (notices/s) and refresh memory ---

@pytest.mark.parametrize("docs, wall, rss, big_docs, big_wall, big_rss, startup, rss_row, rate_row", [
    # 250 notices/s net at both sizes; RSS 1.30x is still within the target
    (2000, 8.4, 200.0, 16000, 64.4, 260.0, 0.4, ("1.30 (260 MB / 200 MB)", "PASS"), ("1.00", "PASS")),
    (2000, 8.4, 200.0, 16000, 64.4, 262.0, 0.4, ("1.31 (262 MB / 200 MB)", "FAIL"), ("1.00", "PASS")),
    # 10/s and 9.5/s net: exactly 0.95; one notice fewer is under it
    (100, 10.5, 100.0, 950, 100.5, 90.0, 0.5, ("0.90 (90 MB / 100 MB)", "PASS"), ("0.95", "PASS")),
    (100, 10.5, 100.0, 949, 100.5, 90.0, 0.5, ("0.90 (90 MB / 100 MB)", "PASS"), ("0.95", "FAIL")),
    # the slowdown the issue reported (0.75 at 8x)
    (2000, 8.4, 196.0, 16000, 85.73, 210.0, 0.4, ("1.07 (210 MB / 196 MB)", "PASS"), ("0.75", "FAIL")),
])
def test_large_checks(docs, wall, rss, big_docs, big_wall, big_rss, startup, rss_row, rate_row):
    mem, rate = run.large_checks(docs, wall, rss, big_docs, big_wall, big_rss, startup)
    assert mem.name == f"peak RSS, {big_docs:,} / {docs:,} notices"
    assert (mem.value, mem.target, mem.verdict) == (rss_row[0], "<= 1.3", rss_row[1])
    assert rate.name == f"notices/s net of start-up, {big_docs:,} / {docs:,} notices"
    assert (rate.value, rate.target, rate.verdict) == (rate_row[0], ">= 0.95", rate_row[1])


def _refresh_row(docs, main_mb, refreshed=1):
    return {"docs": docs, "jobs": 2, "fill_wall": 9.0, "wall": 1.0, "refreshed": refreshed, "main_mb": main_mb,
            "tree_mb": 300.0, "largest_mb": main_mb, "rc": 0}


@pytest.mark.parametrize("small, big, value, verdict", [
    (_refresh_row(2000, 150.0), _refresh_row(40000, 195.0), "1.30 (195 MB / 150 MB)", "PASS"),
    (_refresh_row(2000, 150.0), _refresh_row(40000, 196.0), "1.31 (196 MB / 150 MB)", "FAIL"),
    (_refresh_row(2000, 149.0), _refresh_row(40000, 874.0), "5.87 (874 MB / 149 MB)", "FAIL"),  # the issue's
    (_refresh_row(2000, 150.0), _refresh_row(40000, 150.0, refreshed=40000),  # a full run is no refresh
     "1.00 (150 MB / 150 MB); 40000 of 40,000 extracted again", "FAIL"),
    (_refresh_row(2000, 150.0, refreshed=-1), _refresh_row(40000, 150.0),  # no summary line to count
     "1.00 (150 MB / 150 MB); 2,000: no count of the notices extracted again", "FAIL"),
    (_refresh_row(2000, None), _refresh_row(40000, 150.0), "not measured", "FAIL"),
])
def test_refresh_check(small, big, value, verdict):
    c = run.refresh_check(small, big)
    assert c.name == "peak RSS of the main process, refresh with one notice changed, 40,000 / 2,000 notices"
    assert (c.value, c.target, c.verdict) == (value, "<= 1.3", verdict)


@pytest.mark.parametrize("stderr, expected", [
    ("vntasks: 40000 input(s), 40000 ok, 0 with errors, 39999 unchanged (cached) -> /tmp/o\n", (40000, 39999)),
    ("vntasks: a.txt: read: bad\nvntasks: 3 input(s), 2 ok, 1 with errors, 0 unchanged (cached) -> o\n", (3, 0)),
    ("vntasks: 3 input(s) unchanged since the last run; tables are current -> o\n", None),
    ("", None),
])
def test_cached_count(stderr, expected):
    assert measure.cached_count(stderr) == expected


@pytest.mark.parametrize("n, large, quick, key", [
    (2000, None, False, "n=2000"),
    (2000, 100000, False, "n=2000 large=100000"),
    (20, 40, True, "n=20 large=40 quick"),
])
def test_section_key(n, large, quick, key):
    assert report.section_key(n, quick, large) == key


def test_report_shows_refresh_rows_and_the_large_run():
    res = fake_results()
    res.large = 40
    res.refresh = [_refresh_row(20, 120.5), _refresh_row(400, 131.25, refreshed=-1)]
    res.refresh[0]["tree_mb"] = None
    text = report.render(res)
    assert text.startswith("<!-- bench:start n=20 large=40 quick -->")
    assert "## Run of 2025-01-02: 20 notices, large run 40 (quick)" in text
    assert "| 20 | 2 | 9.00 | 1.00 | 1 | 120.5 | — | 120.5 |" in text
    assert "| 400 | 2 | 9.00 | 1.00 | ? | 131.2 | 300.0 | 131.2 |" in text
    assert "### Refresh memory" not in report.render(fake_results())


@pytest.fixture
def small_corpus(tmp_path):
    if not any(CORPUS.glob("*.txt")):
        pytest.skip("corpus/ is empty")
    return tmp_path


def test_measure_main_reports_the_main_process(small_corpus):
    """The main process's own peak, from the process itself, and the process tree's, sampled."""
    src = small_corpus / "in"
    src.mkdir()
    (src / "startup.txt").write_text(measure.STARTUP_NOTICE, encoding="utf-8")
    r = measure.measure_main("one", measure.extract_args(src, small_corpus / "out", 1, quiet=False),
                             small_corpus / "peak")
    assert r.rc == 0 and measure.cached_count(r.stderr) == (1, 0)
    assert 20 < r.main_mb <= r.rss_mb + 0.01  # the largest process is at least the main one
    assert r.tree_mb is not None and r.tree_mb > 20
    assert measure.measure("no sampling", [sys.executable, "-c", "pass"]).tree_mb is None


def test_refresh_and_large_runs_make_their_rows(small_corpus):
    """Small end to end: 5 and 20 notices refreshed with one edited, a 40-notice run against 20."""
    args = argparse.Namespace(n=5, refresh_factor=4, seed=7, large=40, corpus=str(CORPUS))
    res = report.Results(5, True, "test", {})
    run._refresh_memory(args, CORPUS, small_corpus, res, 2)
    assert [r["docs"] for r in res.refresh] == [5, 20]
    for r in res.refresh:
        assert r["refreshed"] == 1 and r["rc"] == 0  # one notice edited, the rest from the cache
        assert r["main_mb"] > 20 and r["tree_mb"] >= r["main_mb"] * 0.9 and r["fill_wall"] > 0
    [mem, tree] = res.checks
    assert mem.name.endswith("20 / 5 notices") and mem.verdict in ("PASS", "FAIL")
    assert re.fullmatch(r"\d+\.\d\d \(\d+ MB / \d+ MB\)", mem.value)
    assert tree.verdict == "info" and tree.name.startswith("peak RSS of the process tree")
    assert not list(small_corpus.glob("corpus-refresh-*"))  # cleaned up

    args.n = 20
    one = small_corpus / "one"
    corpus.build_corpus(CORPUS, one, 20, 7)
    a = measure.measure("extract --jobs 1", measure.extract_cmd(one, small_corpus / "out-one", 1))
    startup = measure.Run("start-up", 0.3, 0.3, 90.0, 0, False)
    run._large_run(args, CORPUS, small_corpus, 20, a, startup, res)
    assert res.throughput[-1]["run"] == "extract --jobs 1, 40 notices (2x)" and res.throughput[-1]["docs"] == 40
    mem, rate = res.checks[-2:]
    assert mem.name == "peak RSS, 40 / 20 notices" and rate.name == "notices/s net of start-up, 40 / 20 notices"
    assert re.fullmatch(r"\d+\.\d\d", rate.value) and rate.verdict in ("PASS", "FAIL")
