# perezbot in a small image: `docker compose up -d --build` (see README, "Operating it").
# Build stage: install the package and its dependencies into a virtualenv.
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv
WORKDIR /src
COPY pyproject.toml setup.py README.md ./
COPY bot ./bot
# The fact base goes into the package (bot/facts), found through importlib.resources like any install.
COPY facts ./facts
RUN /opt/venv/bin/pip install .

# Runtime stage: the virtualenv (fact base included), an unprivileged user, data in a volume.
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DATA_DIR=/data
RUN useradd --system --uid 10001 --user-group --home-dir /app --no-create-home perezbot \
    && mkdir -p /data \
    && chown perezbot:perezbot /data
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
USER perezbot
# The SQLite database (questions log, post ledger, server settings) and the voter salt live here.
VOLUME ["/data"]
# Python turns SIGINT into a clean shutdown even as PID 1; SIGHUP reloads the facts.
STOPSIGNAL SIGINT
ENTRYPOINT ["perezbot"]
CMD ["run"]
