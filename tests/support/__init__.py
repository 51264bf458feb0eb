"""Helpers shared by the test tiers; a test module imports only from here, never from another test module
(tests/unit/test_layout.py checks it).

- `env`: the repository, the official LPR3 material and the suite's set day; `app`: the real app as a child process
- `browser`, `keyboard`: the browser tier's waits and keyboard paths; `user`: helpers of NiceGUI's user fixture
- `catalog`: catalog databases built once per process and copied per test (the `catalog_db` fixture)
- `dbfile`: database files read and damaged behind the app's back; `patient_data`: where patient data could leak
- `rules_fakes`, `form_edits`, `all_reports`, `submit_helpers`: forms and fake catalogs of the rule and submit tests
- `cda_corpus`, `cda_forms`, `cda_support`: LPR3 CDA forms, generators and the official validators
- `pdf`: the printed form's text; `big_import`: large uploads; `crash_child`: the crash tests' child process
- `stress`: `make test-stress`
"""
