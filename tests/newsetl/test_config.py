"""The Airflow settings a command run without ``make`` falls back to."""

import os

from newsetl.config import PROJECT_ROOT, use_project_airflow


def test_without_make_airflow_uses_the_project_metadata_and_dags(monkeypatch):
    for name in ("AIRFLOW_HOME", "AIRFLOW__CORE__DAGS_FOLDER", "AIRFLOW__CORE__LOAD_EXAMPLES"):
        monkeypatch.delenv(name, raising=False)
    use_project_airflow()
    assert os.environ["AIRFLOW_HOME"] == str(PROJECT_ROOT / ".airflow")  # not ~/airflow, which has no migrated db
    assert os.environ["AIRFLOW__CORE__DAGS_FOLDER"] == str(PROJECT_ROOT / "dags")
    assert os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] == "False"


def test_a_setting_already_made_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("AIRFLOW_HOME", str(tmp_path))
    use_project_airflow()
    assert os.environ["AIRFLOW_HOME"] == str(tmp_path)
