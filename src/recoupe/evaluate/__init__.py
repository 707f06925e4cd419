"""Evaluation of a dossier against hand annotations (gold files)."""
