# One image for every Airflow component of docker-compose.yml and for the dbt docs server.
# The tag must match the apache-airflow pin in pyproject.toml and requirements.lock
# (tests/test_docker_compose.py checks it).
FROM apache/airflow:3.3.2-python3.11

# docker-compose.yml mounts the repository's folders under this path.
ENV NEWSETL_PROJECT_ROOT=/opt/airflow/project

USER root
RUN mkdir -p /opt/airflow/project && chown airflow:0 /opt/airflow/project
USER airflow

# Dependencies first, so that editing the project does not reinstall them. Every
# distribution is pinned and hashed; the lock pins apache-airflow==3.3.2 itself, the
# version the base image ships, so pip keeps Airflow as it is.
COPY --chown=airflow:0 requirements.lock /opt/airflow/project/
RUN pip install --no-cache-dir --require-hashes -r /opt/airflow/project/requirements.lock

# The project itself, editable: the containers then import the bind-mounted include/,
# so a code change needs a restart, not a rebuild. --no-build-isolation builds it with
# the setuptools pinned (and hashed) in the lock instead of fetching an unpinned one.
COPY --chown=airflow:0 pyproject.toml README.md /opt/airflow/project/
COPY --chown=airflow:0 include/ /opt/airflow/project/include/
RUN pip install --no-cache-dir --no-deps --no-build-isolation -e /opt/airflow/project
