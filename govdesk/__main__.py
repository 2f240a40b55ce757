"""Allow ``python -m govdesk`` as well as the ``govdesk`` console script."""

from govdesk.cli import main

raise SystemExit(main())
