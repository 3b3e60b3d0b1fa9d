"""The pure core: facts, text normalisation, matching, calendar and rendering. Never imports discord."""
