#!/usr/bin/env python
import os
import sys


def start_embedded_database():
    """Without DATABASE_URL the site runs on the project's own PostgreSQL under var/pg.

    Started here rather than in settings, so that importing the settings never starts a
    server. Idempotent: runserver's reloader and its child both get here, and the second
    finds the server running. It keeps running after the command; `make db-stop` stops it.
    """
    if os.environ.get("DATABASE_URL"):
        return
    from cks_portal import embedded_db

    embedded_db.hold()
    embedded_db.ensure_running()


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cks_portal.settings")
    start_embedded_database()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
