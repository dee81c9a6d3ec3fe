"""Geometry and drawing: where each mark of a card and a sheet goes, in millimetres."""
