"""The report's charts: horizontal bars, stacked bars and a heatmap, as deterministic PNG files.

In: row labels (the groups, sizes included), values and titles. Out: one PNG per call. Every
chart is drawn on matplotlib's Agg canvas directly (no pyplot, no global backend switch: safe
inside a notebook) with all text as plain text (``text.parse_math`` off: a "$" in an issuer's
name is a dollar sign, never mathtext). Bars carry their values; count axes have integer ticks;
a stacked chart shows at most ``MAX_PARTS`` categories, the rest as "other", with a legend
below the plot in a readable size and one distinct colour per category. Each function returns
its Figure (already saved).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# matplotlib is imported inside the functions (start-up of every command).

#: ten distinct colours (matplotlib's tab10 without its grey), then greys for the rest
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22",
           "#17becf", "#393b79")
GREY = "#a0a0a0"
#: categories drawn in grey, last: no information rather than a kind
GREY_NAMES = ("other", "none", "(không xác định)", "(không rõ)")
MAX_PARTS = 8
OTHER = "other"
BAR = "#4472c4"
BAR2 = "#ed7d31"
STYLE = {"text.parse_math": False, "font.size": 10, "axes.titlesize": 12, "axes.titleweight": "bold",
         "axes.labelsize": 10, "xtick.labelsize": 9, "ytick.labelsize": 9.5, "legend.fontsize": 9.5,
         "axes.spines.top": False, "axes.spines.right": False, "font.family": "DejaVu Sans"}


@contextmanager
def plain_text():
    """matplotlib settings of every chart: plain text (no mathtext), readable sizes."""
    import matplotlib

    with matplotlib.rc_context(STYLE):
        yield


def _figure(n_rows: int, width: float = 9.0, extra: float = 0.0):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    height = max(2.8, 0.42 * n_rows + 1.5 + extra)
    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def save_png(fig, path: Path) -> None:
    """PNG without the Software text chunk or any timestamp: same data, same bytes."""
    fig.savefig(path, format="png", metadata={"Software": None}, dpi=100, bbox_inches="tight")


def _integer_axis(ax, axis: str = "x") -> None:
    from matplotlib.ticker import MaxNLocator

    getattr(ax, f"{axis}axis").set_major_locator(MaxNLocator(integer=True))


def _safe(label: str) -> str:
    """A legend entry as written: matplotlib hides labels starting with "_"."""
    return " " + label if label.startswith("_") else label


@dataclass(frozen=True, slots=True)
class Panel:
    """One panel of :func:`bars`: a value per row (None: no value), its title and axis label,
    how a value is written at the end of its bar, and whether the axis counts (integer ticks)."""

    values: Sequence[float | None]
    title: str
    xlabel: str
    fmt: Callable[[float], str] = "{:.1f}".format
    integer: bool = False
    color: str = BAR


def bars(path: Path, labels: Sequence[str], panels: Sequence[Panel]):
    """Horizontal bars, one panel per :class:`Panel` side by side, rows labelled once on the
    left, each bar's value written at its end ("–" where there is none)."""
    with plain_text():
        fig = _figure(len(labels), width=5.5 + 3.6 * len(panels))
        y = list(range(len(labels)))
        for k, p in enumerate(panels):
            ax = fig.add_subplot(1, len(panels), k + 1)
            vals = [0.0 if v is None else float(v) for v in p.values]
            cont = ax.barh(y, vals, color=p.color, height=0.7)
            ax.bar_label(cont, labels=["–" if v is None else p.fmt(v) for v in p.values], padding=3, fontsize=9)
            ax.set_yticks(y, labels if k == 0 else [""] * len(labels))
            ax.invert_yaxis()
            ax.set_title(p.title, fontsize=11)
            ax.set_xlabel(p.xlabel)
            ax.set_xlim(0, max([*vals, 1.0]) * 1.18)
            if p.integer:
                _integer_axis(ax)
            ax.grid(axis="x", color="#e5e5e5", linewidth=0.8)
            ax.set_axisbelow(True)
        fig.subplots_adjust(wspace=0.12)
        save_png(fig, path)
    return fig


def limit_parts(parts: dict[str, list[float]], max_parts: int = MAX_PARTS) -> dict[str, list[float]]:
    """At most ``max_parts`` categories: the largest (by total) kept in their order, the others
    summed into "other"; grey categories ("none", "(không xác định)") kept, after the others."""
    grey = [n for n in parts if n in GREY_NAMES and n != OTHER]
    named = [n for n in parts if n not in grey and n != OTHER]
    keep_n = max_parts - len(grey) - 1 if len(named) > max_parts - len(grey) else len(named)
    ranked = sorted(named, key=lambda n: -sum(parts[n]))
    kept = set(ranked[:keep_n])
    out = {n: parts[n] for n in named if n in kept}
    rest = [n for n in named if n not in kept] + ([OTHER] if OTHER in parts else [])
    if rest:
        out[OTHER] = [sum(vals) for vals in zip(*(parts[n] for n in rest), strict=True)]
    for n in grey:
        out[n] = parts[n]
    return out


def colours(names: Sequence[str]) -> dict[str, str]:
    """One colour per name: the palette in order, greys for the grey names."""
    out, k = {}, 0
    greys = iter(("#a0a0a0", "#c8c8c8", "#7a7a7a", "#dcdcdc"))
    for n in names:
        if n in GREY_NAMES:
            out[n] = next(greys, GREY)
        else:
            out[n] = PALETTE[k % len(PALETTE)]
            k += 1
    return out


def stacked(path: Path, labels: Sequence[str], counts: dict[str, list[float]], title: str, *,
            share: bool = True, xlabel: str | None = None, totals_word: str = ""):
    """Stacked horizontal bars: per row, the ``counts`` of each category (at most
    ``MAX_PARTS``, :func:`limit_parts`), as percentages of the row (``share``) or as counts
    (integer axis). Each bar ends with its row's total; segments of 10 % or more carry their
    value; the legend sits below the plot."""
    parts = limit_parts(counts)
    names = list(parts)
    totals = [sum(vals) for vals in zip(*parts.values(), strict=True)] if parts else [0] * len(labels)
    colour = colours(names)
    with plain_text():
        n_legend_rows = -(-len(names) // 3)
        fig = _figure(len(labels), width=10.0, extra=0.3 * n_legend_rows)
        ax = fig.add_subplot(1, 1, 1)
        y = list(range(len(labels)))
        left = [0.0] * len(labels)
        for name in names:
            vals = [(100.0 * v / t if t else 0.0) if share else float(v) for v, t in zip(parts[name], totals,
                                                                                     strict=True)]
            cont = ax.barh(y, vals, left=left, label=_safe(name), color=colour[name], edgecolor="white",
                           linewidth=0.6, height=0.72)
            scale = 100.0 if share else max(totals or [1]) or 1
            ax.bar_label(cont, labels=[(f"{v:.0f}" if share else f"{v:g}") if v >= 0.1 * scale and v else ""
                                       for v in vals], label_type="center", fontsize=8.5, color="white")
            left = [a + b for a, b in zip(left, vals, strict=True)]
        end = 100.0 if share else max(totals or [1]) or 1
        for i, t in enumerate(totals):
            ax.text((100.0 if share else t) + end * 0.01, i, f"{t:g}{totals_word}", va="center", fontsize=9,
                    color="#333")
        ax.set_yticks(y, labels)
        ax.invert_yaxis()
        ax.set_xlim(0, end * 1.12)
        ax.set_xlabel(xlabel or ("% of the row" if share else "count"))
        if not share:
            _integer_axis(ax)
        ax.set_title(title)
        if names:  # below the axis label: 0.6 inch under the axes, whatever their height
            axes_h = fig.get_figheight() * (fig.subplotpars.top - fig.subplotpars.bottom)
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.55 / axes_h),
                      ncol=len(names) if len(names) <= 4 else 3, frameon=False)
        save_png(fig, path)
    return fig


def heatmap(path: Path, labels: Sequence[str], cols: Sequence[str], matrix: list[list[int]], title: str):
    """Counts per row and column, each non-zero cell written in it."""
    with plain_text():
        fig = _figure(len(labels), width=max(6.5, 3.5 + 0.55 * len(cols)))
        ax = fig.add_subplot(1, 1, 1)
        if cols:
            ax.imshow(matrix, aspect="auto", cmap="Blues", interpolation="nearest")
            top = max((v for row in matrix for v in row), default=0)
            for i, row in enumerate(matrix):
                for j, v in enumerate(row):
                    if v:
                        ax.text(j, i, str(v), ha="center", va="center", fontsize=8.5,
                                color="white" if v > top / 2 else "black")
        ax.set_xticks(range(len(cols)), cols, rotation=90 if len(cols) > 12 else 0)
        ax.set_yticks(range(len(labels)), labels)
        ax.spines[["top", "right", "left", "bottom"]].set_visible(False)
        ax.set_title(title)
        save_png(fig, path)
    return fig
