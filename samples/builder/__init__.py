"""Builders for the sample PDFs in ``samples/`` (entry point: ``samples/build_samples.py``)."""
