"""Every write of reporting: targets, submissions and approval."""
