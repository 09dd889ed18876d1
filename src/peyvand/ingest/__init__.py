"""The ingest stage: sources (files, folders) → Documents with text, metadata and hash."""
