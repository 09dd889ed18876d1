"""Analyses over reviewed records: what sources claim, and where they disagree."""
