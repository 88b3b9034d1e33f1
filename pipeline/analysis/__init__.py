"""Understanding a read document: what it is (language, programme or minutes, municipality, body,
meeting date, period, title), Finnish word forms through Voikko, the spaCy pipeline, and
locating every record's quote and box on its page (provenance)."""
