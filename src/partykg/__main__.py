from partykg.cli.main import run

run()
