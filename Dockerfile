# The app image: the web process (gunicorn), Celery worker and beat all run from it.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY tracker ./tracker
COPY claims ./claims
RUN pip install .
COPY . .

RUN useradd --create-home --uid 10001 tracker && chown -R tracker /app
USER tracker

EXPOSE 8000
# gthread workers with a long timeout: a large CSV export streams for minutes, and a sync
# worker's 30 s timeout would cut it mid-file after the 200 status was sent.
CMD ["gunicorn", "tracker.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--threads", "4", "--worker-class", "gthread", "--timeout", "300", "--access-logfile", "-"]
