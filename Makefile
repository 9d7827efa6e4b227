# Two commands set everything up on a fresh machine: `make run` and `make test`.
# Both are idempotent: a second call reinstalls nothing and reloads nothing.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8

# Settings (see README): override on the command line, e.g.
#   make run NEWSETL_INPUT_DIR=my/folder NEWSETL_WAREHOUSE=my/news.duckdb
NEWSETL_INPUT_DIR ?= seeds/articles
NEWSETL_WAREHOUSE ?= warehouse/news.duckdb
DOCS_PORT ?= 8081
# Gold data for `make eval` (never copied into the repository).
NEWSETL_DATA_DIR ?= ../shared/data
export NEWSETL_INPUT_DIR NEWSETL_WAREHOUSE

# Airflow keeps its metadata (SQLite) inside the repository, away from ~/airflow.
export AIRFLOW_HOME := $(CURDIR)/.airflow
export AIRFLOW__CORE__DAGS_FOLDER := $(CURDIR)/dags
export AIRFLOW__CORE__LOAD_EXAMPLES := False
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION := False
export DBT_SEND_ANONYMOUS_USAGE_STATS := False
export GX_ANALYTICS_ENABLED := False
export DO_NOT_TRACK := 1

.PHONY: run test install airflow-init airflow docs report eval bench train-ner lint clean help

help:
	@echo "make run      install, then run the DAGs on $(NEWSETL_INPUT_DIR) into $(NEWSETL_WAREHOUSE)"
	@echo "make test     install, then run the tests"
	@echo "make airflow  start Airflow (UI on http://localhost:8080)"
	@echo "make docs     build the dbt docs site and serve it on http://localhost:$(DOCS_PORT)"
	@echo "make report   write the coverage report to $(dir $(NEWSETL_WAREHOUSE))report/index.html"
	@echo "make eval     score extraction on the gold data in $(NEWSETL_DATA_DIR)"
	@echo "make bench N=1000  time the DAGs on the first N articles of the AllSides corpus in $(NEWSETL_DATA_DIR)"
	@echo "make train-ner  retrain the NER component on CoNLL-2003 train in $(NEWSETL_DATA_DIR) (~15 min)"
	@echo "make lint     ruff on the Python code, sqlfluff on the dbt models"

run: install airflow-init
	$(BIN)/python -m newsetl.cli run $(if $(REEXTRACT),--reextract)
	@$(BIN)/python -m newsetl.cli summary

test: install airflow-init lint
	$(BIN)/python -m pytest

install: $(VENV)/.installed

# uv installs the hash-pinned lock in seconds; pip would take minutes.
$(VENV)/.installed: requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $@

airflow-init: $(AIRFLOW_HOME)/.initialised

$(AIRFLOW_HOME)/.initialised: $(VENV)/.installed
	@mkdir -p $(AIRFLOW_HOME)
	$(BIN)/airflow db migrate > $(AIRFLOW_HOME)/db-migrate.log 2>&1 || { tail -20 $(AIRFLOW_HOME)/db-migrate.log; exit 1; }
	$(BIN)/airflow pools set duckdb_writer 1 "One DuckDB writer at a time" > /dev/null
	@touch $@

# Airflow's all-in-one mode: scheduler, DAG processor, triggerer and the UI.
# It starts each component as an `airflow` subprocess, hence the PATH.
# The admin password is printed in the output and kept in .airflow/.
airflow: install airflow-init
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/airflow standalone

docs: install
	$(BIN)/python -m newsetl.cli docs
	@echo "serving the dbt docs on http://localhost:$(DOCS_PORT) (Ctrl-C to stop)"
	$(BIN)/python -m http.server $(DOCS_PORT) --bind 127.0.0.1 --directory $(dir $(NEWSETL_WAREHOUSE))docs

# The coverage report of the last build (the build_marts DAG also writes it after each build).
report: install
	$(BIN)/python -m newsetl.cli report

# Precision/recall/F1 of extraction on CoNLL-2003, NewsQuant and gun-violence dev data.
eval: install
	$(BIN)/python -m newsetl.evaluation.report --data-dir $(NEWSETL_DATA_DIR) --json $(dir $(NEWSETL_WAREHOUSE))eval.json $(EVAL_ARGS)

# Throughput of the real DAGs on the first N AllSides articles against spaCy NER alone
# (scratch warehouse and landing folder in $(dir $(NEWSETL_WAREHOUSE))bench-N/, figures in bench-N.json).
N ?= 1000
bench: install airflow-init
	NEWSETL_DATA_DIR=$(NEWSETL_DATA_DIR) $(BIN)/python -m newsetl.benchmark --n $(N) $(BENCH_ARGS)

# Retrain the committed NER component (include/newsetl/models/ner_news) from the gold data.
train-ner: install
	$(BIN)/python -m newsetl.training.ner --data-dir $(NEWSETL_DATA_DIR)

# sqlfluff's dbt templater compiles the project; it gets a scratch warehouse so it never creates the real one.
lint: install
	$(BIN)/ruff check dags include tests
	cd dbt_project && NEWSETL_WAREHOUSE=$$(mktemp -d)/lint.duckdb ../$(BIN)/sqlfluff lint models --disable-progress-bar --nocolor

clean:
	rm -rf $(AIRFLOW_HOME) warehouse/*.duckdb* warehouse/*_staging warehouse/*_dbt_target warehouse/docs warehouse/report warehouse/logs
