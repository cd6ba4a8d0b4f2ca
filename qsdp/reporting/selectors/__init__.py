"""Every read of reporting, scoped to the user's org units."""
