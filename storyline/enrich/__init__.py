"""Enrichment: entities, quotes, times, places and events over the clean text."""
from storyline.enrich.pipeline import Document, enrich, run_pipeline

__all__ = ["Document", "enrich", "run_pipeline"]
