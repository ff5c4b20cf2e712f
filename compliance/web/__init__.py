"""The advisers' workbench: a local web application over the library (``compliance serve``).

An interface beside the command line; neither imports the other. :func:`app.create_app`
is the application factory uvicorn starts."""
