"""The normalized view of the text read last, shared by the finders of the text stage.

The pipeline runs the date finder and the number finder one after the other on the same
document, and both match on the view of :func:`peyvand.text.normalize.normalize`; computing
it is a tenth of their time. ``normalized`` keeps the last view so that the second finder
reuses it. A view is immutable and is reused only for the very same text object and options,
so the result is always what ``normalize`` returns.
"""

from __future__ import annotations

from peyvand.text.normalize import NormalizedText, normalize

_last: tuple[str, bool, NormalizedText] | None = None


def normalized(text: str, *, turkic: bool = False) -> NormalizedText:
    """``normalize(text, turkic=turkic)``, reusing the view of the previous call if it was
    for the same text object with the same option."""
    global _last  # noqa: PLW0603 -- a one-entry cache; swapping one tuple is thread-safe
    last = _last
    if last is not None and last[0] is text and last[1] == turkic:
        return last[2]
    view = normalize(text, turkic=turkic)
    _last = (text, turkic, view)
    return view
