"""``python -m routes`` runs the CLI, for environments where the script is not on PATH."""

from routes.cli import main

main()
