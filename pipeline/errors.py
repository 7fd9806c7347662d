"""Errors that carry the stage they come from."""
from __future__ import annotations

from .model import STAGES, Stage

__all__ = ["STAGES", "PipelineError"]


class PipelineError(Exception):
    """A failure in one stage for one input: ``stage`` names the stage, ``message`` says why."""

    def __init__(self, stage: Stage, message: str):
        if stage not in STAGES:
            raise ValueError(f"unknown stage {stage!r}")
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message
