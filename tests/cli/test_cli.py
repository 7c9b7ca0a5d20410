"""The `jobcoach` command line against its own SQLite files: framework validation, accounts, tokens,
migrations and the audit chain check, with their exit codes and messages."""
import os
import re
import shutil
import sqlite3
import datetime
import subprocess

import pytest

from settings import BIN

FRAMEWORKS = os.path.join(os.path.dirname(__file__), "..", "..", "Sources", "JobcoachCore", "Resources", "Frameworks")


def run(args, database=None, stdin=None, data=None):
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    if database:
        env["DATABASE_URL"] = f"sqlite://{database}"
    env["JOBCOACH_DATA_DIR"] = str(data or os.path.join(os.path.dirname(str(database or "/tmp/jobcoach-cli")), "data"))
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120)


def test_shipped_frameworks_validate():
    result = run(["frameworks", "validate"])
    assert result.returncode == 0, result.stderr
    assert "ok  register-jobcoach 2021" in result.stdout
    assert "14 indicators" in result.stdout and "45 indicators" in result.stdout
    assert "7 files valid." in result.stdout
    assert re.search(r"ok  condition vocabulary: \d+ needs, \d+ demands", result.stdout)
    assert re.search(r"ok  places: \d+ with coordinates", result.stdout)
    assert "ok  programme uk-job-coach-curriculum: 6 modules" in result.stdout
    assert "ok  programme pl-job-coach-minimum: 7 modules" in result.stdout


def test_the_training_benchmark_prints_figures():
    result = run(["training", "benchmark", "--trainees", "200", "--runs", "1"])
    assert result.returncode == 0, result.stderr
    assert "CASE export of every framework version" in result.stdout
    assert re.search(r"coverage of 200 trainees against register-jobcoach \S+: median [0-9.]+ ms", result.stdout)
    assert run(["training", "benchmark", "--trainees", "0"]).returncode == 2


def test_a_case_package_becomes_a_framework_file_that_validates(tmp_path):
    import json
    import urllib.request
    from settings import BASE_URL
    with urllib.request.urlopen(BASE_URL + "/api/v1/frameworks/pl-training-guidelines/case?lang=en") as response:
        package = json.loads(response.read())
    source = tmp_path / "package.json"
    source.write_text(json.dumps(package))
    target = tmp_path / "pl.yaml"
    result = run(["frameworks", "import-case", str(source), "--output", str(target)])
    assert result.returncode == 0, result.stderr
    assert "id: pl-training-guidelines" in target.read_text()
    checked = run(["frameworks", "validate", str(target)])
    assert checked.returncode == 0, checked.stderr
    assert "ok  pl-training-guidelines 2015" in checked.stdout
    printed = run(["frameworks", "import-case", str(source)])
    assert printed.stdout == target.read_text()

    # An item without its parent association is named by its CF identifier, and nothing is written.
    orphan = package["CFAssociations"].pop()
    source.write_text(json.dumps(package))
    broken = tmp_path / "broken.yaml"
    refused = run(["frameworks", "import-case", str(source), "--output", str(broken)])
    assert refused.returncode == 1
    assert orphan["originNodeURI"]["identifier"] in refused.stderr
    assert not broken.exists()
    assert run(["frameworks", "import-case"]).returncode == 2


def test_a_broken_condition_vocabulary_is_named(tmp_path):
    source = os.path.join(FRAMEWORKS, "..", "Matching", "conditions.yaml")
    broken = tmp_path / "conditions.yaml"
    text = open(source, encoding="utf-8").read()
    broken.write_text(text.replace("id: fixed-routine\n", "id: quiet-environment\n", 1), encoding="utf-8")
    result = run(["frameworks", "validate", str(broken)])
    assert result.returncode == 1
    assert str(broken) in result.stderr and "quiet-environment" in result.stderr
    good = run(["frameworks", "validate", source])
    assert good.returncode == 0 and "ok  condition vocabulary" in good.stdout


def test_a_broken_file_is_named_with_its_item(tmp_path):
    source = os.path.join(FRAMEWORKS, "register-jobcoach", "2021.yaml")
    broken = tmp_path / "2021.yaml"
    text = open(source, encoding="utf-8").read()
    broken.write_text(text.replace("id: task-4-2\n", "id: task-4-1\n", 1), encoding="utf-8")
    result = run(["frameworks", "validate", str(broken)])
    assert result.returncode == 1
    assert f"{broken}:" in result.stderr
    assert "task-4-1: duplicate id" in result.stderr
    good = run(["frameworks", "validate", source])
    assert good.returncode == 0 and "1 file valid." in good.stdout


def test_a_missing_file_is_an_error(tmp_path):
    result = run(["frameworks", "validate", str(tmp_path / "nope.yaml")])
    assert result.returncode == 1
    assert "no such file" in result.stderr


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "cli.sqlite"
    result = run(["migrate", "--yes"], database=path)
    assert result.returncode == 0, result.stderr
    return path


def test_accounts_and_tokens(database):
    created = run(["user", "create", "--email", "Script@Example.org", "--role", "job-coach", "--name", "Script"],
                  database, stdin="a long enough password\n")
    assert created.returncode == 0, created.stderr
    assert "created script@example.org (job-coach)" in created.stdout
    again = run(["user", "create", "--email", "script@example.org", "--role", "trainer"], database, stdin="another long password\n")
    assert again.returncode == 1 and "already exists" in again.stderr
    weak = run(["user", "create", "--email", "weak@example.org", "--role", "trainer"], database, stdin="short\n")
    assert weak.returncode == 1 and "at least 12 characters" in weak.stderr
    no_role = run(["user", "create", "--email", "x@example.org", "--role", "boss"], database, stdin="a long enough password\n")
    assert no_role.returncode == 2 and "--role must be one of" in no_role.stderr
    token = run(["token", "create", "--email", "script@example.org"], database)
    assert token.returncode == 0, token.stderr
    assert token.stdout.strip().startswith("jc_") and len(token.stdout.strip()) > 40
    unknown = run(["token", "create", "--email", "nobody@example.org"], database)
    assert unknown.returncode == 1 and "no account" in unknown.stderr
    with sqlite3.connect(database) as db:
        hashes = [row[0] for row in db.execute("SELECT token_hash FROM api_tokens")]
        assert hashes and token.stdout.strip() not in hashes
        assert [row[0] for row in db.execute("SELECT password_hash FROM users")][0].startswith("$2")


def test_audit_verify_finds_a_change(database):
    for index in range(3):
        assert run(["user", "create", "--email", f"u{index}@example.org", "--role", "trainer"], database,
                   stdin="a long enough password\n").returncode == 0
    # Each command sealed what it wrote before it ended.
    intact = run(["audit", "verify"], database)
    assert intact.returncode == 0, intact.stderr
    assert "audit trail intact: 3 entries in 1 chain" in intact.stdout
    assert "administration: all 3 entries are intact." in intact.stdout
    only = run(["audit", "verify", "--chain", "administration"], database)
    assert only.returncode == 0 and "3 entries in 1 chain" in only.stdout
    assert run(["audit", "verify", "--chain", "nowhere"], database).returncode == 2
    with sqlite3.connect(database) as db:
        second = db.execute("SELECT position FROM audit_seals WHERE chain_id = 'administration' AND sequence = 2").fetchone()[0]
        try:
            db.execute("UPDATE audit_events SET actor = 'x' WHERE position = ?", (second,))
            raise AssertionError("the append-only trigger let an update through")
        except sqlite3.DatabaseError as error:
            assert "append-only" in str(error)
        db.execute("DROP TRIGGER audit_events_no_update")
        db.execute("UPDATE audit_events SET actor = 'someone else' WHERE position = ?", (second,))
    broken = run(["audit", "verify"], database)
    assert broken.returncode == 1
    assert "audit trail broken in the chain administration: entry 2:" in broken.stderr


def test_checkpoints_kept_elsewhere_show_a_truncated_chain(database, tmp_path):
    for index in range(3):
        assert run(["user", "create", "--email", f"c{index}@example.org", "--role", "trainer"], database,
                   stdin="a long enough password\n").returncode == 0
    taken = run(["audit", "checkpoint"], database)
    assert taken.returncode == 0 and "took 1 checkpoints" in taken.stdout, taken.stdout + taken.stderr
    copy = tmp_path / "checkpoints.jsonl"
    exported = run(["audit", "checkpoint", "--export", "--output", str(copy)], database)
    assert exported.returncode == 0 and "wrote 1 checkpoints" in exported.stdout
    line = copy.read_text().splitlines()[0]
    assert '"chain":"administration"' in line and '"sequence":3' in line and '"token":"' in line
    assert run(["audit", "verify", "--against", str(copy)], database).returncode == 0
    # The last entry goes, with its seal and the stored checkpoint: the chain still links, the copy shows it.
    with sqlite3.connect(database) as db:
        for table in ["audit_events", "audit_seals", "audit_checkpoints"]:
            db.execute(f"DROP TRIGGER {table}_no_delete")
        last = db.execute("SELECT position FROM audit_seals WHERE chain_id = 'administration' ORDER BY sequence DESC").fetchone()[0]
        db.execute("DELETE FROM audit_seals WHERE position = ?", (last,))
        db.execute("DELETE FROM audit_events WHERE position = ?", (last,))
        db.execute("DELETE FROM audit_checkpoints")
    assert run(["audit", "verify"], database).returncode == 0
    against = run(["audit", "verify", "--against", str(copy)], database)
    assert against.returncode == 1
    assert "ends at entry 2, but the checkpoint of" in against.stderr and "entry 3" in against.stderr


def test_the_sealer_killed_mid_batch_seals_everything_exactly_once(tmp_path):
    """Entries written by an instance that does not seal; a server that seals in small batches is
    killed (-9) while it works, three times; the fourth run finishes. Every entry has one seal, each
    chain counts 1, 2, 3, ... without gaps, and the trail verifies."""
    import signal
    import time
    database = tmp_path / "sealer.sqlite"
    quiet = dict(JOBCOACH_AUDIT_SEALER="off")
    made = run(["demo", "--agency", "small", "--coaches", "2", "--clients", "4", "--workplaces", "4"], database)
    assert made.returncode == 0, made.stderr
    rows = "".join(f"SEAL-{index};Cliënt {index}\n" for index in range(3000))
    clients = tmp_path / "clients.csv"
    clients.write_text("Cliëntnummer;Naam\n" + rows, encoding="utf-8")
    env_run = dict(os.environ, DATABASE_URL=f"sqlite://{database}", JOBCOACH_DATA_DIR=str(tmp_path / "data"), **quiet)
    env_run.pop("JOBCOACH_AUDIT_SEAL_BATCH", None)
    imported = subprocess.run([BIN, "import", "clients", str(clients), "--as", "coach-1-1@synthetic.jobcoach.test", "--execute"],
                              capture_output=True, text=True, env=env_run, timeout=600)
    assert imported.returncode == 0, imported.stderr
    with sqlite3.connect(database) as db:
        pending = db.execute("SELECT count(*) FROM audit_pending").fetchone()[0]
    assert pending > 3000

    def sealed():
        with sqlite3.connect(database, timeout=10) as db:
            return db.execute("SELECT count(*) FROM audit_seals").fetchone()[0]

    env_serve = dict(env_run, JOBCOACH_AUDIT_SEALER="on", JOBCOACH_AUDIT_SEAL_BATCH="2", JOBCOACH_AUDIT_SEAL_MILLISECONDS="10")
    kills = 0
    start = sealed()
    for _ in range(3):
        server = subprocess.Popen([BIN, "serve", "--hostname", "127.0.0.1", "--port", "8299"], env=env_serve,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        before = sealed()
        deadline = time.time() + 60
        while sealed() < before + 200 and time.time() < deadline:
            time.sleep(0.02)
        server.send_signal(signal.SIGKILL)
        server.wait()
        kills += 1
    after_kills = sealed()
    assert start < after_kills, "the sealer made progress between the kills"
    server = subprocess.Popen([BIN, "serve", "--hostname", "127.0.0.1", "--port", "8299"], env=env_serve,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 180
    try:
        while time.time() < deadline:
            with sqlite3.connect(database, timeout=10) as db:
                if db.execute("SELECT count(*) FROM audit_pending").fetchone()[0] == 0:
                    break
            time.sleep(0.1)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    with sqlite3.connect(database) as db:
        events = db.execute("SELECT count(*) FROM audit_events").fetchone()[0]
        assert db.execute("SELECT count(*) FROM audit_seals").fetchone()[0] == events
        assert db.execute("SELECT count(DISTINCT position) FROM audit_seals").fetchone()[0] == events
        assert db.execute("SELECT count(*) FROM audit_events e LEFT JOIN audit_seals s ON s.position = e.position "
                          "WHERE s.position IS NULL").fetchone()[0] == 0
        for chain, count, top in db.execute("SELECT chain_id, count(*), max(sequence) FROM audit_seals GROUP BY chain_id"):
            assert count == top, f"{chain}: {count} seals up to {top}"
    assert kills == 3
    verified = run(["audit", "verify"], database, data=tmp_path / "data")
    assert verified.returncode == 0, verified.stderr
    assert re.search(r"audit trail intact: \d+ entries in \d+ chains?", verified.stdout)


def test_a_database_url_that_cannot_be_used_is_named():
    env = dict(os.environ, DATABASE_URL="mysql://localhost/x")
    result = subprocess.run([BIN, "audit", "verify"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "DATABASE_URL" in result.stderr


def test_synthetic_register_recheck_and_key_rotation(database, tmp_path):
    made = run(["demo", "--register", "40"], database)
    assert made.returncode == 0, made.stderr
    assert "40 certified coaches added" in made.stdout
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM certificates").fetchone()[0] == 40
        assert db.execute("SELECT count(*) FROM users WHERE email LIKE '%@synthetic.jobcoach.test'").fetchone()[0] == 40
    old = tmp_path / "recheck-2021.csv"
    result = run(["register", "recheck", "--framework", "register-jobcoach", "--version", "2021", "--output", str(old)], database)
    assert result.returncode == 0, result.stderr
    assert "40 certified coaches checked" in result.stderr
    lines = old.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "registration_number,name,certificate,reasons"
    current = run(["register", "recheck", "--framework", "register-jobcoach", "--version", "2023"], database)
    assert current.returncode == 0, current.stderr
    current_lines = current.stdout.strip().splitlines()
    # Sara Werkt diplomas count from the 2022 revision on, so the 2021 version fails more people.
    assert len(lines) > len(current_lines) >= 1
    unknown = run(["register", "recheck", "--framework", "register-jobcoach", "--version", "1999"], database)
    assert unknown.returncode == 1 and "no version '1999'" in unknown.stderr
    usage = run(["register", "recheck", "--framework", "register-jobcoach"], database)
    assert usage.returncode == 2
    data = os.path.join(os.path.dirname(str(database)), "data", "keys")
    before = [name for name in os.listdir(data) if name.endswith(".pem")]
    rotated = run(["keys", "rotate"], database)
    assert rotated.returncode == 0, rotated.stderr
    after = [name for name in os.listdir(data) if name.endswith(".pem")]
    assert len(after) == len(before) + 1
    assert open(os.path.join(data, "current")).read().strip() + ".pem" in after
    verified = run(["audit", "verify"], database)
    assert verified.returncode == 0 and "intact" in verified.stdout


def test_the_core_recheck_benchmark_prints_figures():
    result = run(["register", "benchmark", "--portfolios", "2000"])
    assert result.returncode == 0, result.stderr
    assert re.search(r"re-check of 2000 portfolios against register-jobcoach \d+: median [0-9.]+ s", result.stdout)


def test_a_synthetic_agency_is_made_and_ranked(database):
    made = run(["demo", "--agency", "small", "--coaches", "3", "--clients", "30", "--workplaces", "150"], database)
    assert made.returncode == 0, made.stderr
    assert re.search(r"Agency .+ made: 3 coaches, 30 clients, 150 workplaces in [0-9.]+ s\.", made.stdout), made.stdout
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM clients").fetchone()[0] == 30
        assert db.execute("SELECT count(*) FROM workplaces").fetchone()[0] == 150
        assert db.execute("SELECT count(*) FROM trajectories").fetchone()[0] == 30
        # every coach's clients stay within their own organisation and team
        assert db.execute("SELECT count(*) FROM clients c JOIN memberships m ON m.user_id = c.coach_id "
                          "WHERE m.organisation_id <> c.organisation_id").fetchone()[0] == 0
    bad = run(["demo", "--agency", "huge"], database)
    assert bad.returncode != 0 and "--agency" in (bad.stderr + bad.stdout)
    ranked = run(["matching", "benchmark", "--workplaces", "2000", "--runs", "3"], database)
    assert ranked.returncode == 0, ranked.stderr
    assert re.search(r"rank 2000 workplaces for one client, best 20 explained: median [0-9.]+ ms", ranked.stdout), ranked.stdout
    assert re.search(r"stored agency '.+': loading \d+ open workplaces into the index \d+ ms", ranked.stdout), ranked.stdout
    usage = run(["matching", "benchmark", "--workplaces", "0"])
    assert usage.returncode == 2


def test_privacy_purge_is_a_dry_run_until_told_and_keeps_outcome_counts(database):
    made = run(["demo", "--agency", "small", "--coaches", "2", "--clients", "40", "--workplaces", "50"], database)
    assert made.returncode == 0, made.stderr
    with sqlite3.connect(database) as db:
        # The demo's history already holds some trajectories past the default retention of 24 months;
        # three more, still open, are made to have ended in 2020.
        today = datetime.date.today()
        cutoff = datetime.datetime(today.year - 2, today.month, min(today.day, 28), tzinfo=datetime.timezone.utc).timestamp()
        already = db.execute("SELECT count(*) FROM trajectories WHERE ended_at IS NOT NULL AND ended_at < ?", (cutoff,)).fetchone()[0]
        ids = [row[0] for row in db.execute("SELECT id FROM trajectories WHERE ended_at IS NULL ORDER BY id LIMIT 3")]
        db.executemany("UPDATE trajectories SET phase = 'ended', ended_at = 1590000000 WHERE id = ?", [(i,) for i in ids])
        names = [row[0] for row in db.execute(
            "SELECT c.name || '|' || c.id FROM clients c JOIN trajectories t ON t.client_id = c.id WHERE t.id IN (%s)" % ",".join("?" * len(ids)), ids)]
        before = db.execute("SELECT count(*) FROM clients").fetchone()[0]
    dry = run(["privacy", "purge"], database)
    assert dry.returncode == 0, dry.stderr
    expected = already + 3
    assert "Dry run" in dry.stdout and f"would erase {expected} trajectories; {expected} clients entirely" in dry.stdout, dry.stdout
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM clients").fetchone()[0] == before
    done = run(["privacy", "purge", "--execute"], database)
    assert done.returncode == 0, done.stderr
    assert f"erased {expected} trajectories; {expected} clients entirely" in done.stdout, done.stdout
    assert f"clients: {expected} of {expected} (100%)" in done.stdout
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM clients").fetchone()[0] == before - expected
        for entry in names:
            client_id = entry.split("|")[1]
            assert db.execute("SELECT count(*) FROM clients WHERE id = ?", (client_id,)).fetchone()[0] == 0
            assert db.execute("SELECT count(*) FROM audit_events WHERE lower(subject) = lower(?) AND action = 'client.purged'",
                              ("client:" + client_id,)).fetchone()[0] == 1
        assert db.execute("SELECT sum(count) FROM outcome_counts").fetchone()[0] >= 3
        # The anonymous counts per year and quarter that keep the agency's figures: served, at least.
        assert db.execute("SELECT sum(count) FROM outcome_period_counts WHERE measure = 'served' AND grouping = 'all'").fetchone()[0] >= expected
    again = run(["privacy", "purge", "--execute"], database)
    assert "erased 0 trajectories" in again.stdout
    assert run(["audit", "verify"], database).returncode == 0
    assert run(["privacy", "forget"], database).returncode == 2


def test_import_checks_every_line_then_imports_at_once(tmp_path):
    database = tmp_path / "import.sqlite"
    made = run(["demo", "--agency", "small", "--coaches", "2", "--clients", "4", "--workplaces", "4"], database)
    assert made.returncode == 0, made.stderr
    coach = "coach-1-1@synthetic.jobcoach.test"
    template = subprocess.run([BIN, "import", "template", "clients"], capture_output=True, timeout=60).stdout
    assert template.startswith("\ufeffCliëntnummer;Naam *;".encode("utf-8"))

    missing_as = run(["import", "clients", str(tmp_path / "none.csv")], database)
    assert missing_as.returncode == 2 and "--as is missing" in missing_as.stderr

    problems = tmp_path / "problems.csv"
    problems.write_bytes("Name,Date of birth,Phase\nAnouk de Vries,31-02-1998,Intake\n,1-1-1990,almost done\n".encode("cp1252"))
    refused = run(["import", "clients", str(problems), "--as", coach, "--execute"], database)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "Line 2, column B (Date of birth): This is not a date." in refused.stdout
    assert "Line 3, column A (Name): Fill in the client's name." in refused.stdout
    assert "Line 3, column C (Phase): This phase is unknown." in refused.stdout
    assert "3 problem(s): nothing was imported" in refused.stderr

    clean = tmp_path / "clean.csv"
    clean.write_bytes("Cliëntnummer;Naam;Fase\nCLI-1;Zoë Müller;Begeleiding op de werkplek\nCLI-2;Daan Smit;\n".encode("cp1252"))
    dry = run(["import", "clients", str(clean), "--as", coach], database)
    assert dry.returncode == 0, dry.stderr
    assert "read 2 rows (Windows-1252, separated by ;)" in dry.stdout
    assert "Dry run: nothing was written." in dry.stdout
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM clients WHERE reference LIKE 'CLI-%'").fetchone()[0] == 0
    done = run(["import", "clients", str(clean), "--as", coach, "--execute"], database)
    assert done.returncode == 0, done.stderr
    assert "clients: 2 of 2 (100%)" in done.stdout and "Imported 2 clients" in done.stdout
    with sqlite3.connect(database) as db:
        names = [row[0] for row in db.execute("SELECT name FROM clients WHERE reference LIKE 'CLI-%' ORDER BY reference")]
        assert names == ["Zoë Müller", "Daan Smit"]
    assert run(["audit", "verify"], database).returncode == 0


def test_the_json_log_has_one_line_per_request_with_its_route_and_no_ids(tmp_path):
    """With LOG_FORMAT=json every answered request is one JSON line: request id, method, the route's
    pattern, status and duration; no id of a record and no query string (a search for a name)."""
    import json
    import signal
    import time
    import urllib.error
    import urllib.request
    database = tmp_path / "log.sqlite"
    assert run(["migrate", "--yes"], database).returncode == 0
    env = dict(os.environ, DATABASE_URL=f"sqlite://{database}", JOBCOACH_DATA_DIR=str(tmp_path / "data"), LOG_FORMAT="json")
    log = open(tmp_path / "server.log", "w")
    server = subprocess.Popen([BIN, "serve", "--hostname", "127.0.0.1", "--port", "8298"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = "http://127.0.0.1:8298"
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        record = "5d4b5c1e-2f77-4c3e-9a43-0c6f1b7a9d21"
        for path in ["/health", f"/clients/{record}", "/clients?q=Anouk+de+Vries", "/no/such/page"]:
            try:
                urllib.request.urlopen(base + path, timeout=5)
            except urllib.error.HTTPError:
                pass
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
    lines = [json.loads(line) for line in (tmp_path / "server.log").read_text().splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("message") == "request"]
    routes = [(line["method"], line["route"], line["status"]) for line in requests]
    assert ("GET", "/health", "200") in routes
    assert ("GET", "/clients/:client", "303") in routes, routes
    assert ("GET", "/clients", "303") in routes, routes
    assert ("GET", "unmatched", "404") in routes, routes
    for line in requests:
        assert line["request-id"] and float(line["duration_ms"]) >= 0
    text = (tmp_path / "server.log").read_text()
    assert record not in text and "Anouk" not in text
