"""The extract stage: from a document's mentions to records with evidence spans."""
