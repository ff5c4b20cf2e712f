"""The workbench's routers, one module per area, each exposing ``router`` (a FastAPI
``APIRouter``); :mod:`compliance.web.app` includes them."""
