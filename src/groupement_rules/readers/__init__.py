"""Readers: the edges where documents become facts (DESIGN "Data flows one way")."""
