"""Careline telehealth API."""
