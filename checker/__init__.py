"""factcheck: find contradictions between news articles about the same story."""

__version__ = "0.1.0"
