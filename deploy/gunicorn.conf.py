"""gunicorn settings for production: `.venv/bin/gunicorn -c deploy/gunicorn.conf.py`.

Every value can be changed through the environment (GUNICORN_*), so the same file serves a
small VM and a larger one. Requests come from nginx on the same machine (see README,
"Deploying").
"""

import multiprocessing
import os

wsgi_app = "sociale_kaart.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Searching is CPU work in Python: one process per core, plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak can never grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# nginx on the same machine sets X-Forwarded-Proto; trust only it.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = (
    '{"time":"%(t)s","remote":"%(h)s","request":"%(r)s","status":%(s)s,'
    '"bytes":"%(B)s","ms":%(M)s,"request_id":"%({x-request-id}o)s"}'
)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


def post_worker_init(worker):
    """Load the search index into a new worker before it takes requests (see
    ``search.query.warm_up``). A very large index may take longer than half the timeout
    (the worker's heartbeat interval): then the worker starts serving and the loading
    finishes beside it (a search meanwhile waits for it, as it would have without this)."""
    import threading

    from search.query import warm_up

    loading = threading.Thread(target=warm_up, name="search-warm-up", daemon=True)
    loading.start()
    loading.join(timeout=worker.timeout)
