"""Analyze: a pure function of one Document to its Analysis (spaCy plus registered components)."""

from recoupe.analyze.registry import DEFAULT_PIPELINE, Context, component, components
from recoupe.analyze.runner import Analyzer, analyze_stream, pipeline_version

__all__ = ["DEFAULT_PIPELINE", "Analyzer", "Context", "analyze_stream", "component", "components", "pipeline_version"]
