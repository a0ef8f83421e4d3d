"""CLI subcommands, one module per domain (see ``cli.COMMAND_MODULES``)."""
