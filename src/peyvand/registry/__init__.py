"""The actor registry: names in text → actors with stable ids."""
