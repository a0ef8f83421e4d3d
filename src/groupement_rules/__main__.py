"""``python -m groupement_rules``: the ``groupement-rules`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
