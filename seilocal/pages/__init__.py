"""NiceGUI pages and widgets: the only package that imports nicegui."""
