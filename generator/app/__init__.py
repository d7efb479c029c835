"""App: the commands. cli.py parses the command line, calls the pipeline, prints problems and sets the exit
code; serve.py is the live preview (devserver.py its MkDocs server); scaffold.py writes what `new` and
`suggest` propose."""
