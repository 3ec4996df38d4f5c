"""armstrace: who arms whom, from open-source reporting, every claim with its source."""
__version__ = "0.1.0"
