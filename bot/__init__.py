"""perezbot: answers questions about Ecuadorian race walker Jefferson Pérez."""

__version__ = "0.1.0"
