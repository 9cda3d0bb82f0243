"""The web layer: a local dashboard and JSON API over one database file (see annalist/web/app.py)."""

from annalist.web.app import create_app
from annalist.web.serving import serving

__all__ = ["create_app", "serving"]
