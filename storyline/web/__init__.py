"""The web view of the archive (``storyline serve``): pages, their JSON twins, feeds.

Example::

    from storyline.web.app import create_app
    app = create_app("news.db")   # an ASGI app; `storyline serve --db news.db` runs it
"""
