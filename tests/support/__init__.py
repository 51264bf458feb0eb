"""Helpers shared by the test tiers: `browser` (the waits of the browser tier), `keyboard` (keyboard paths
through the form)."""
