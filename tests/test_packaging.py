"""The package folder pipeline/ installs as ``vntasks``: every sub-package must be listed in
pyproject.toml (setuptools cannot find them by itself under the mapped name)."""
from __future__ import annotations

from pathlib import Path

import tomllib

import vntasks

ROOT = Path(__file__).resolve().parents[1]


def _folder_packages() -> set[str]:
    pkg = ROOT / "pipeline"
    return {
        ".".join(("vntasks", *p.parent.relative_to(pkg).parts)).rstrip(".")
        for p in pkg.rglob("__init__.py") if "__pycache__" not in p.parts
    }


def test_every_sub_package_is_listed_in_pyproject():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(conf["tool"]["setuptools"]["packages"])
    assert listed == _folder_packages()


def test_import_name_is_vntasks_and_maps_to_the_pipeline_folder():
    assert Path(vntasks.__file__).resolve().parent == (ROOT / "pipeline").resolve()
    assert vntasks.__name__ == "vntasks"
