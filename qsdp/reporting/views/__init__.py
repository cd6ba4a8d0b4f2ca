"""The reporting pages."""
