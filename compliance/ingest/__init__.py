"""Ingestion: parliamentary references in letters, motion records from the House's open data."""
