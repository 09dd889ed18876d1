"""Peyvand: an evidence-linked observatory of cultural relations between countries."""

from peyvand.compiled import prefer_source

__version__ = "0.1.0"

prefer_source()  # only with PEYVAND_PURE_PYTHON=1: the compiled hot loops stay unused
