import sys

from partykg.cli.main import main

sys.exit(main())
