"""The report and the review page as a reader sees them: rendered by headless Chromium (Debian's
``chromium`` package; ``make chromium`` installs it), no console message, every image loaded,
screenshots written (to ``$VNTASKS_SCREENSHOTS`` too when it is set, to look at them)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from vntasks.cli import main

ROOT = Path(__file__).resolve().parents[2]
WIDTH = 1280

#: appended to a copy of a page (never to the page itself): reports the images once loaded
CHECK = """<script>window.addEventListener("load", () => {
  const imgs = [...document.images];
  const broken = imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute("src"));
  console.log("vntasks-check images=" + imgs.length + " broken=" + broken.join(","));
});</script>"""
CONSOLE = re.compile(r":CONSOLE[^\]]*\] \"(?P<msg>.*)\", source: (?P<src>\S+)")


def _chromium() -> str:
    for name in (os.environ.get("VNTASKS_CHROMIUM", ""), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    pytest.skip("headless Chromium is not installed (`make chromium`, or Debian: apt-get install chromium)")


def render(page: Path, shot: Path, height: int) -> list[str]:
    """Render a copy of ``page`` (beside it, so relative links resolve) with :data:`CHECK`
    appended; write a screenshot of ``WIDTH`` x ``height``; return the console messages."""
    probe = page.with_name(f"_probe_{page.name}")
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", CHECK + "</body>"), encoding="utf-8")
    try:
        r = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            "--no-first-run", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000",
                            f"--window-size={WIDTH},{height}", f"--screenshot={shot}", probe.as_uri()],
                           capture_output=True, text=True, timeout=120, cwd=page.parent)
    finally:
        probe.unlink()
    assert r.returncode == 0, r.stderr[-2000:]
    keep = os.environ.get("VNTASKS_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)
    return [m.group("msg") for m in CONSOLE.finditer(r.stderr)]


def _looks_drawn(shot: Path, height: int) -> None:
    from PIL import Image

    with Image.open(shot) as im:
        assert im.size == (WIDTH, height)
        colours = im.convert("RGB").resize((160, 160)).getcolors(maxcolors=160 * 160)
    assert len(colours) > 50  # text, tables and charts, not a blank page


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert main(["extract", str(ROOT / "corpus"), "--out", str(out), "--quiet"]) == 0
    return out


@pytest.mark.parametrize("by", ["level", "province"])
def test_report_renders_without_console_messages(out_dir, tmp_path, by):
    rdir = tmp_path / "report"
    assert main(["report", str(out_dir), "--by", by, "--out", str(rdir), "--quiet"]) == 0
    page = rdir / "index.html"
    n_img = len(re.findall(r"<img ", page.read_text(encoding="utf-8")))
    shot = tmp_path / f"report-{by}.png"
    messages = render(page, shot, 4000)
    assert messages == [f"vntasks-check images={n_img} broken="], messages
    _looks_drawn(shot, 4000)


def test_review_page_renders_without_console_messages(tmp_path):
    page = tmp_path / "review.html"
    assert main(["show", str(ROOT / "corpus" / "huyen_phu-tho_ubnd-tuyen-quan.txt"), "--html", str(page)]) == 0
    shot = tmp_path / "review.png"
    messages = render(page, shot, 2400)
    assert messages == ["vntasks-check images=0 broken="], messages
    _looks_drawn(shot, 2400)


def test_a_script_error_would_be_seen(tmp_path):
    """The check itself: a page with a failing script and a missing image is caught."""
    page = tmp_path / "bad.html"
    page.write_text('<html><body><p>x</p><img src="missing.png"><script>nosuch();</script></body></html>',
                    encoding="utf-8")
    messages = render(page, tmp_path / "bad.png", 300)
    assert any("Uncaught ReferenceError" in m for m in messages)
    assert "vntasks-check images=1 broken=missing.png" in messages
