"""The web layer: pages rendered on the server over the Observatory API; assets served locally."""
