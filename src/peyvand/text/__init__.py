"""The text stage: a normalized view with an offset map, language, sentences, dates, numbers."""
