"""Analyze: a pure function of one Document to its Analysis (spaCy plus registered components)."""

from recoupe.analyze.registry import COMPONENTS, DEFAULT_PIPELINE, Context, component
from recoupe.analyze.runner import Analyzer, analyze_stream, pipeline_version

__all__ = ["COMPONENTS", "DEFAULT_PIPELINE", "Analyzer", "Context", "analyze_stream", "component", "pipeline_version"]
