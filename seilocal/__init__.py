"""SEI-LPR lokal: the LPR3 reporting form, offline."""

__version__ = "0.1.0"
