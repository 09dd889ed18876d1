"""Peyvand: an evidence-linked observatory of cultural relations between countries."""

__version__ = "0.1.0"
