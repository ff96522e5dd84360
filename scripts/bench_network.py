#!/usr/bin/env python3
"""Measures planboard on a shared (PostgreSQL) plan across a network of 25 ms each way.

It starts its own throwaway PostgreSQL cluster (as the `postgres` account when run as root,
in a folder under /tmp, on a free port on 127.0.0.1, with scram-sha-256 passwords), sets up
the illustrative Devon plan on it with `planboard server init` and `planboard import`, adds
people (editors sam and w01..w16, a chair jackie), and puts scripts/delay_proxy.py in front
of it: every measured command and dashboard connects through the proxy, which holds each
chunk DELAY ms each way (a round trip costs 2 x DELAY). The cluster and the proxy are
stopped and removed at the end, whatever happens.

Measures (medians of RUNS runs, after one warm-up run that is not counted):

  a. key -> saved          in an 80x24 pty, an editor's dashboard on area 1 (view 2, Enter);
                           `g` / `c` (alternating) on action 1a; from writing the key to the
                           screen showing "1a is now Green." / "1a is now Complete.";
  b. first frame           from spawning `planboard --db URL` to the first complete frame
                           (the plan's header and the key bar on screen); the app's own figure
                           from PLANBOARD_BENCH_FILE is shown beside it;
  c. set                   `planboard set 3b --status green|complete`, wall time;
  d. summary               `planboard summary`, wall time;
  e. change seen elsewhere two dashboards (sam and jackie) on area 1; a key in the first
                           (0-100 ms after the screens settle, spread evenly over the
                           dashboard's loop turn); t1 = the first shows its saved message,
                           t2 = the second shows 1a's new status; t2 - t1;
  f. 16 writers            16 editors at once, each `planboard batch -` (one process and one
                           connection per writer, K `set REF --note ...` lines on its own
                           action; K from the warm-up, so that a run takes about 5 s, at
                           least 2) through the proxy; edits a second = all edits / wall time
                           from the first spawn to the last exit; then every note is checked
                           to be in the plan (`planboard export`) and in the change log
                           (planboard.change, read with psql) exactly once. The same with one
                           `planboard set` process per edit is shown for comparison (each pays
                           process start and a SCRAM login).

Then, once each, it counts the round trips of each operation: the proxy logs every
connection's turns (each time the client spoke after the server had), so an operation's
turns are the round trips it waited for (`set`, `summary`, opening a dashboard, one status
key, a batch edit).

The screens are read through scripts/term_screen.py, a small xterm emulator: ncurses writes
only the cells that change, so a message is looked for on the screen, not in the bytes.

Usage: bench_network.py --binary PATH [--runs 5] [--delay-ms 25] [--json FILE]
Prints one table with each target and whether the median meets it. Exits 0 either way (it
measures, it does not gate), 1 if the set-up or a check fails.
"""

import argparse
import json
import os
import pty
import random
import re
import select
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from term_screen import Screen  # noqa: E402

import fcntl  # noqa: E402
import termios  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "sample-data", "devon-app-illustrative.json")
TODAY = "2023-08-15"
HEADER = "Devon Local Area"
COLS, ROWS = 80, 24
TIMEOUT_S = 30.0           # any one step; a shared plan over 50 ms round trips is slow today
QUIET_MS = 200             # the screen is settled when quiet this long
PERSON_PASSWORD = "bench-pw-7c1d"
DASHBOARD_ACTION = "1a"    # the first action of area 1, selected when the area opens
SET_ACTION = "3b"
# Each writer's own action: area 3's, but 3b (`set` above).
WRITER_ACTIONS = ["3a.i", "3a.ii", "3a.iii", "3c", "3c.i", "3c.ii", "3c.iii", "3d", "3e", "3f",
                  "3g", "3h", "3i", "3j", "3k", "3l", "3m", "3n", "3o", "3p.i", "3p.ii"]
DECCKM_ON = b"\x1b[?1h"

TARGETS = {  # name: (label, target text, limit, higher is better)
    "key_saved_ms": ("Dashboard key -> \"saved\" (ms)", "<= 75 ms", 75.0, False),
    "first_frame_ms": ("Dashboard first frame (ms)", "<= 250 ms", 250.0, False),
    "set_ms": ("`planboard set 3b --status` (ms)", "<= 250 ms", 250.0, False),
    "summary_ms": ("`planboard summary` (ms)", "<= 250 ms", 250.0, False),
    "seen_elsewhere_ms": ("Change seen in another dashboard (ms)", "<= 100 ms", 100.0, False),
    "writers_edits_per_s": ("16 writers (batch), edits/s", ">= 100 /s", 100.0, True),
}


def log(text):
    print(f"bench-network: {text}", file=sys.stderr, flush=True)


class Failure(Exception):
    pass


# ---------------------------------------------------------------------------------------
# The throwaway PostgreSQL cluster, as Sources/TestSupport/PostgresCluster.swift makes it.

def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_captured(argv, env=None, input_bytes=None, timeout=120):
    """Runs a program, its output in temporary files (pg_ctl leaves the server running with
    our pipes otherwise). Returns (status, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        result = subprocess.run(argv, env=env, input=input_bytes, stdout=out, stderr=err, timeout=timeout,
                                stdin=None if input_bytes is not None else subprocess.DEVNULL)
        out.seek(0)
        err.seek(0)
        return result.returncode, out.read().decode(errors="replace"), err.read().decode(errors="replace")


class Cluster:
    superuser = "postgres"

    def __init__(self):
        self.bin = self.binaries()
        self.run_as = "postgres" if os.geteuid() == 0 else None
        self.password = "pw-" + os.urandom(6).hex()
        # As root the server runs as `postgres`, which must reach the folder: /tmp, not a
        # private $TMPDIR. The socket path must stay short.
        base = "/tmp" if self.run_as else None
        self.folder = tempfile.mkdtemp(prefix="planboard-pg-bench-", dir=base)
        self.data = os.path.join(self.folder, "data")
        self.log_file = os.path.join(self.folder, "server.log")
        self.running = False
        self.port = None

    @staticmethod
    def binaries():
        root = "/usr/lib/postgresql"
        versions = sorted((int(v) for v in os.listdir(root) if v.isdigit()), reverse=True) if os.path.isdir(root) else []
        for version in versions:
            path = os.path.join(root, str(version), "bin")
            if os.access(os.path.join(path, "initdb"), os.X_OK):
                return path
        raise Failure("PostgreSQL is not installed: found no /usr/lib/postgresql/*/bin/initdb (scripts/setup installs it)")

    def server_program(self, name, args):
        program = os.path.join(self.bin, name)
        env = dict(os.environ, LC_ALL="C")
        if self.run_as:
            # In the cluster's own folder: the unprivileged account may not enter ours.
            argv = ["/usr/sbin/runuser", "-u", self.run_as, "--", "/bin/sh", "-c", 'cd "$0" && exec "$@"',
                    self.folder, program] + args
        else:
            argv = [program] + args
        status, out, err = run_captured(argv, env=env)
        if status != 0:
            server_log = ""
            if os.path.exists(self.log_file):
                with open(self.log_file, errors="replace") as f:
                    server_log = f.read()[-2000:]
            raise Failure(f"{name} exited {status}: {err}{out}\n{server_log}")

    def start(self):
        os.chmod(self.folder, 0o700)
        if self.run_as:
            shutil.chown(self.folder, self.run_as)
        pwfile = os.path.join(self.folder, "pwfile")
        with open(pwfile, "w") as f:
            f.write(self.password + "\n")
        if self.run_as:
            shutil.chown(pwfile, self.run_as)
        self.port = free_port()
        self.server_program("initdb", ["-D", self.data, "-U", self.superuser, f"--pwfile={pwfile}", "-E", "UTF8",
                                       "--no-locale", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"])
        os.remove(pwfile)
        self.server_program("pg_ctl", ["-D", self.data, "-l", self.log_file, "-w", "-t", "60", "-o",
                                       f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                                       f"-c fsync=off -c max_connections=100", "start"])
        self.running = True

    def destroy(self):
        if self.running:
            try:
                self.server_program("pg_ctl", ["-D", self.data, "-w", "-t", "60", "-m", "immediate", "stop"])
            except Exception as error:  # still remove the folder
                log(f"could not stop the cluster: {error}")
            self.running = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def psql(self, sql, database="postgres"):
        env = dict(os.environ, PGPASSWORD=self.password, PGCONNECT_TIMEOUT="10", LC_ALL="C")
        status, out, err = run_captured([os.path.join(self.bin, "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                                         "-h", "127.0.0.1", "-p", str(self.port), "-U", self.superuser,
                                         "-d", database, "-c", sql], env=env)
        if status != 0:
            raise Failure(f"psql exited {status}: {err.strip()}")
        return out.strip()

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.destroy()
            raise
        return self

    def __exit__(self, *exc):
        self.destroy()


# ---------------------------------------------------------------------------------------
# The delay proxy.

class Proxy:
    def __init__(self, target_port, delay_ms, max_seconds, log_file):
        self.log_file = log_file
        self.argv = [sys.executable, os.path.join(ROOT, "scripts", "delay_proxy.py"), "--listen-port", "0",
                     "--target-port", str(target_port), "--delay-ms", str(delay_ms), "--max-seconds", str(max_seconds),
                     "--log", log_file]
        self.process = None
        self.port = None

    def __enter__(self):
        self.process = subprocess.Popen(self.argv, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, bufsize=0)
        deadline = time.monotonic() + 10
        line = b""
        while not line.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self.process.stdout], [], [], max(0, remaining))
            if not ready:
                self.__exit__()
                raise Failure("the delay proxy did not say it was ready within 10 s")
            byte = os.read(self.process.stdout.fileno(), 1)  # unbuffered: select sees what is left
            if not byte:
                self.__exit__()
                raise Failure("the delay proxy exited before it was ready")
            line += byte
        words = line.decode().split()
        if len(words) != 2 or words[0] != "ready":
            self.__exit__()
            raise Failure(f"the delay proxy said {line!r}, not 'ready PORT'")
        self.port = int(words[1])
        return self

    def log(self):
        """{connection: turns or None while open}, from the proxy's log."""
        connections = {}
        if os.path.exists(self.log_file):
            with open(self.log_file) as f:
                for line in f:
                    words = line.split()
                    if len(words) >= 2 and words[0] == "open":
                        connections.setdefault(int(words[1]), None)
                    elif len(words) >= 4 and words[0] == "close":
                        connections[int(words[1])] = int(words[3])
        return connections

    def turns(self, action):
        """Runs action() and returns (the client turns over every connection it opened, how
        many connections), once the proxy has seen them all close (polled, with a deadline)."""
        before = set(self.log())
        action()
        deadline = time.monotonic() + 10
        while True:
            mine = {c: t for c, t in self.log().items() if c not in before}
            if mine and all(t is not None for t in mine.values()):
                return sum(mine.values()), len(mine)
            if time.monotonic() > deadline:
                raise Failure(f"the proxy did not see the connections close: {mine}")
            time.sleep(0.01)  # not a measurement: waiting for the proxy's log

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process and self.process.stdout:
            self.process.stdout.close()


# ---------------------------------------------------------------------------------------
# planboard.

class Planboard:
    def __init__(self, binary, workdir, database):
        self.binary = binary
        self.database = database
        home = os.path.join(workdir, "home")
        os.makedirs(home, exist_ok=True)
        self.env = dict(os.environ)
        for name in ("NO_COLOR", "PLANBOARD_DB", "TMUX", "PGPASSFILE", "PGPASSWORD", "PLANBOARD_BENCH_FILE"):
            self.env.pop(name, None)
        # Nobody's config.toml or ~/.pgpass: the bench's own home.
        self.env.update({"PLANBOARD_TODAY": TODAY, "HOME": home, "XDG_CONFIG_HOME": os.path.join(home, ".config"),
                         "XDG_DATA_HOME": os.path.join(home, ".local", "share"), "SWIFT_BACKTRACE": "interactive=no"})

    def url(self, user, port):
        return f"postgres://{user}@127.0.0.1:{port}/{self.database}?sslmode=disable"

    def environment(self, password, extra=None):
        env = dict(self.env, PGPASSWORD=password)
        env.update(extra or {})
        return env

    def run(self, args, user, port, password=PERSON_PASSWORD, stdin=None, check=True, timeout=TIMEOUT_S * 4, extra=None):
        """Runs `planboard ARGS --db URL`; returns (wall ms, stdout)."""
        argv = [self.binary] + args + ["--db", self.url(user, port)]
        started = time.perf_counter()
        result = subprocess.run(argv, env=self.environment(password, extra), input=stdin, capture_output=True, timeout=timeout,
                                stdin=None if stdin is not None else subprocess.DEVNULL)
        wall = (time.perf_counter() - started) * 1000.0
        if check and result.returncode != 0:
            raise Failure(f"planboard {' '.join(args)} as {user} exited {result.returncode}: "
                          f"{result.stderr.decode(errors='replace').strip()[:800]}")
        return wall, result.stdout.decode(errors="replace")


class Dashboard:
    """planboard's dashboard in its own 80x24 pty, its screen kept by term_screen.Screen."""

    def __init__(self, planboard, user, port, bench_file=None):
        env = planboard.environment(PERSON_PASSWORD, {"TERM": "xterm-256color"})
        if bench_file:
            env["PLANBOARD_BENCH_FILE"] = bench_file
        argv = [planboard.binary, "--db", planboard.url(user, port)]
        self.screen = Screen(COLS, ROWS)
        self.raw = bytearray()
        self.user = user
        self.last_output = None
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become planboard
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
                os.execve(planboard.binary, argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.closed = False

    def take(self):
        """Reads what is waiting (the caller knows there is some); False at end of output."""
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the pty
            chunk = b""
        if not chunk:
            self.closed = True
            return False
        self.last_output = time.perf_counter()
        self.raw += chunk
        self.screen.feed(chunk)
        return True

    def send(self, keys):
        now = time.perf_counter()
        os.write(self.fd, keys)
        return now

    def key(self, name):
        """Bytes for a key as xterm sends them in the mode the app asked for."""
        application = DECCKM_ON in self.raw
        return {"down": b"\x1bOB" if application else b"\x1b[B", "enter": b"\r"}.get(name, name.encode())

    def describe(self):
        return f"{self.user}'s dashboard shows:\n{self.screen.text()}"

    def close(self):
        if self.closed and self.pid is None:
            return
        try:
            if self.pid is not None:
                try:
                    os.write(self.fd, b"q")
                except OSError:
                    pass
                deadline = time.perf_counter() + 5
                while time.perf_counter() < deadline:
                    done, _ = os.waitpid(self.pid, os.WNOHANG)
                    if done:
                        self.pid = None
                        break
                    # Drain its output, so it is never blocked writing while it quits.
                    ready, _, _ = select.select([self.fd], [], [], 0.02)
                    if ready:
                        self.take()
        finally:
            if self.pid is not None:
                try:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
                except OSError:
                    pass
                self.pid = None
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.closed = True


def wait_for(dashboards, condition, what, timeout=TIMEOUT_S):
    """Reads every dashboard until condition() holds after some output; returns the time the
    output that made it hold was read. Polls with a deadline; never sleeps blindly."""
    if condition():
        return time.perf_counter()
    deadline = time.perf_counter() + timeout
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise Failure(f"timed out after {timeout:.0f} s waiting for {what}\n" +
                          "\n".join(d.describe() for d in dashboards))
        open_fds = [d.fd for d in dashboards if not d.closed]
        if not open_fds:
            raise Failure(f"the dashboards exited while waiting for {what}\n" + "\n".join(d.describe() for d in dashboards))
        ready, _, _ = select.select(open_fds, [], [], remaining)
        for d in dashboards:
            if d.fd in ready:
                d.take()
        if condition():
            return time.perf_counter()


def settle(dashboards, quiet_ms=QUIET_MS, timeout=TIMEOUT_S):
    """Reads until no dashboard has written for quiet_ms."""
    deadline = time.perf_counter() + timeout
    last = time.perf_counter()
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise Failure("the dashboards kept writing past the deadline")
        open_fds = [d.fd for d in dashboards if not d.closed]
        if not open_fds:
            return
        ready, _, _ = select.select(open_fds, [], [], min(quiet_ms / 1000.0, remaining))
        if not ready:
            if time.perf_counter() - last >= quiet_ms / 1000.0:
                return
            continue
        for d in dashboards:
            if d.fd in ready:
                d.take()
        last = time.perf_counter()


def idle(dashboards, seconds):
    """Reads whatever the dashboards write until `seconds` have passed (a bounded wait)."""
    deadline = time.perf_counter() + seconds
    while True:
        remaining = deadline - time.perf_counter()
        open_fds = [d.fd for d in dashboards if not d.closed]
        if remaining <= 0 or not open_fds:
            return
        ready, _, _ = select.select(open_fds, [], [], remaining)
        for d in dashboards:
            if d.fd in ready:
                d.take()


def first_frame_shown(d):
    """The opening screen is complete: the header at the top and the key bar at the bottom."""
    return HEADER in d.screen.line(0) and "Quit" in d.screen.line(ROWS - 1)


def action_row(d, ref):
    """The screen row that lists action ref (its reference at the start of the text), or None."""
    pattern = re.compile(r"(^|[\s│▶>*])" + re.escape(ref) + r"\s")
    for y in range(1, ROWS - 1):
        if pattern.search(d.screen.line(y)):
            return y
    return None


def open_area_one(d):
    """From the opening screen: view 2 (Areas), then Enter on area 1, whose first action is selected."""
    d.send(b"2")
    wait_for([d], lambda: "Areas of weakness" in d.screen.line(1) and "Strategic plans" in d.screen.text(), "the Areas view")
    settle([d])
    d.send(d.key("enter"))
    wait_for([d], lambda: action_row(d, DASHBOARD_ACTION) is not None and action_row(d, "1b") is not None,
             f"area 1's actions ({DASHBOARD_ACTION}, 1b)")
    settle([d])


STATUS_KEYS = {"Green": b"g", "Complete": b"c"}


class Statuses:
    """What each alternated action's status is now, so every key and `set` changes it."""

    def __init__(self):
        self.now = {DASHBOARD_ACTION: "Amber", SET_ACTION: "Amber"}  # as sample-data has them

    def next(self, ref):
        return "Complete" if self.now[ref] == "Green" else "Green"


def saved_message(ref, status):
    return f"{ref} is now {status}."


def shows_status(d, ref, status):
    y = action_row(d, ref)
    return y is not None and status in d.screen.line(y)


# ---------------------------------------------------------------------------------------
# The measurements.

def dashboard_session(pb, port, statuses, press):
    """Opens sam's dashboard on area 1, presses the next status key if press, quits."""
    d = Dashboard(pb, "sam", port)
    try:
        wait_for([d], lambda: first_frame_shown(d), "the first frame")
        settle([d])
        open_area_one(d)
        if press:
            status = statuses.next(DASHBOARD_ACTION)
            message = saved_message(DASHBOARD_ACTION, status)
            d.send(STATUS_KEYS[status])
            wait_for([d], lambda: d.screen.contains(message), f"“{message}”")
            statuses.now[DASHBOARD_ACTION] = status
            settle([d])
    finally:
        d.close()


def count_round_trips(pb, proxy, statuses):
    """The client's turns through the proxy (round trips it waited for), once each."""
    port = proxy.port
    counts = {}
    counts["set_first"] = proxy.turns(lambda: measure_set(pb, port, statuses, remembered=False))
    counts["set"] = proxy.turns(lambda: measure_set(pb, port, statuses))
    counts["summary"] = proxy.turns(lambda: measure_summary(pb, port))
    open_only = proxy.turns(lambda: dashboard_session(pb, port, statuses, press=False))
    with_key = proxy.turns(lambda: dashboard_session(pb, port, statuses, press=True))
    counts["dashboard_open"] = open_only
    counts["dashboard_key"] = (with_key[0] - open_only[0], with_key[1])

    def batch(k, tag):
        lines = "".join(f"{SET_ACTION} --note bench-turns-{tag}-e{e + 1:03d}\n" for e in range(k)).encode()
        pb.run(["batch", "-"], "sam", port, stdin=lines)

    one = proxy.turns(lambda: batch(1, "a"))
    three = proxy.turns(lambda: batch(3, "b"))
    counts["batch_first_edit"] = one
    counts["batch_each_further_edit"] = ((three[0] - one[0]) / 2, three[1])
    return counts


def measure_dashboard(pb, port, statuses, workdir, index):
    """One run of a and b: first frame, then a status key on 1a in area 1."""
    bench_file = os.path.join(workdir, f"dashboard-{index}.txt")
    open(bench_file, "w").close()
    d = Dashboard(pb, "sam", port, bench_file)
    try:
        shown = wait_for([d], lambda: first_frame_shown(d), "the first frame")
        first_frame = (shown - d.started) * 1000.0
        settle([d])
        open_area_one(d)
        status = statuses.next(DASHBOARD_ACTION)
        message = saved_message(DASHBOARD_ACTION, status)
        pressed = d.send(STATUS_KEYS[status])
        saved = wait_for([d], lambda: d.screen.contains(message), f"“{message}”")
        statuses.now[DASHBOARD_ACTION] = status
        settle([d])
    finally:
        d.close()
    inside = None
    with open(bench_file) as f:
        for line in f:
            words = line.split()
            if len(words) == 2 and words[0] == "first_frame_ms":
                inside = float(words[1])
                break
    return first_frame, inside, (saved - pressed) * 1000.0, status


def measure_seen_elsewhere(pb, port, statuses, phase):
    """One run of e: sam's key, jackie's dashboard; t2 - t1. The key goes `phase` seconds
    after the screens settle: a dashboard looks for news once a turn of its loop (up to
    100 ms when idle), and pressing at a fixed time after the last output would always land
    at the same point of that turn."""
    first = Dashboard(pb, "sam", port)
    second = None
    try:
        second = Dashboard(pb, "jackie", port)
        both = [first, second]
        wait_for(both, lambda: first_frame_shown(first) and first_frame_shown(second), "both first frames")
        settle(both)
        open_area_one(first)
        open_area_one(second)
        settle(both)
        status = statuses.next(DASHBOARD_ACTION)
        if not shows_status(second, DASHBOARD_ACTION, statuses.now[DASHBOARD_ACTION]):
            raise Failure(f"jackie's dashboard does not show {DASHBOARD_ACTION} as {statuses.now[DASHBOARD_ACTION]} "
                          f"before the change\n{second.describe()}")
        message = saved_message(DASHBOARD_ACTION, status)
        times = {}

        def check():
            now = time.perf_counter()
            if "t1" not in times and first.screen.contains(message):
                times["t1"] = now
            if "t2" not in times and shows_status(second, DASHBOARD_ACTION, status):
                times["t2"] = now
            return len(times) == 2

        idle(both, phase)
        first.send(STATUS_KEYS[status])
        wait_for(both, check, f"“{message}” in sam's dashboard and {status} on {DASHBOARD_ACTION} in jackie's")
        statuses.now[DASHBOARD_ACTION] = status
        settle(both)
    finally:
        first.close()
        if second:
            second.close()
    return (times["t2"] - times["t1"]) * 1000.0


def measure_set(pb, port, statuses, remembered=True):
    """`set` as a project lead's second update in a row (the plan their first one left is
    remembered: one call), or, with remembered=False, as their first (nothing remembered:
    a read and a write, which leaves the plan remembered for the next)."""
    if not remembered:
        shutil.rmtree(os.path.join(pb.env["HOME"], ".cache", "planboard"), ignore_errors=True)
    status = statuses.next(SET_ACTION)
    wall, _ = pb.run(["set", SET_ACTION, "--status", status.lower()], "sam", port)
    statuses.now[SET_ACTION] = status
    return wall


def measure_summary(pb, port):
    wall, out = pb.run(["summary"], "sam", port)
    if HEADER not in out and "Devon" not in out:
        raise Failure(f"planboard summary printed no plan:\n{out[:500]}")
    return wall


def writers_run(pb, port, writers, edits, run, mode, timeout):
    """16 writers at once, each on its own action. mode 'batch': one `planboard batch -` per
    writer with its K lines on stdin; 'set': one `planboard set` process per edit, one after
    another in each writer. Returns (edits a second, the markers written)."""
    markers = []
    lines = {}
    for w in range(writers):
        ref = WRITER_ACTIONS[w % len(WRITER_ACTIONS)]
        mine = []
        for e in range(edits):
            marker = f"bench-{mode}-r{run}-w{w + 1:02d}-e{e + 1:03d}"
            mine.append((ref, marker))
            markers.append(marker)
        lines[w] = mine
    deadline = time.perf_counter() + timeout
    started = time.perf_counter()
    failures = []
    if mode == "batch":
        procs = []
        for w in range(writers):
            stdin = "".join(f"{ref} --note {marker}\n" for ref, marker in lines[w]).encode()
            argv = [pb.binary, "batch", "-", "--db", pb.url(f"w{w + 1:02d}", port)]
            p = subprocess.Popen(argv, env=pb.environment(PERSON_PASSWORD), stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            procs.append((w, p, stdin))
        # Feed and collect every writer at once (communicate one by one would serialise the pipes).
        try:
            results = collect([(p, stdin) for _, p, stdin in procs], deadline)
        except BaseException:
            for _, p, _ in procs:
                if p.poll() is None:
                    p.kill()
                    p.wait()
            raise
        finished = time.perf_counter()
        for (w, p, _), (status, out, err) in zip(procs, results):
            oks = sum(1 for line in out.splitlines() if line.startswith("ok "))
            if status != 0 or oks != edits:
                failures.append(f"w{w + 1:02d}: exit {status}, {oks} of {edits} ok: {err.strip()[:300]} {out.strip()[-300:]}")
    else:
        # Each writer runs its edits one after another; the writers run side by side.
        queues = {w: list(lines[w]) for w in range(writers)}
        running = {}

        def spawn(w):
            ref, marker = queues[w].pop(0)
            argv = [pb.binary, "set", ref, "--note", marker, "--db", pb.url(f"w{w + 1:02d}", port)]
            return subprocess.Popen(argv, env=pb.environment(PERSON_PASSWORD), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

        for w in range(writers):
            running[w] = spawn(w)
        try:
            wait_writers(running, queues, spawn, failures, deadline, mode, timeout)
        except BaseException:
            for p in running.values():
                if p.poll() is None:
                    p.kill()
                    p.wait()
            raise
        finished = time.perf_counter()
    if failures:
        raise Failure(f"{len(failures)} writer(s) failed ({mode}):\n" + "\n".join(failures[:8]))
    total = writers * edits
    return total / (finished - started), markers


def wait_writers(running, queues, spawn, failures, deadline, mode, timeout):
    """Starts each writer's next `set` as its last one exits, until every queue is empty."""
    while running:
        if time.perf_counter() > deadline:
            for p in running.values():
                p.kill()
                p.wait()
            raise Failure(f"the writers ({mode}) did not finish within {timeout:.0f} s")
        for w, p in list(running.items()):
            if p.poll() is None:
                continue
            err = p.stderr.read().decode(errors="replace")
            p.stderr.close()
            if p.returncode != 0:
                failures.append(f"w{w + 1:02d}: exit {p.returncode}: {err.strip()[:300]}")
            if queues[w]:
                running[w] = spawn(w)
            else:
                del running[w]
        if running:
            # Poll for the next exit: a bounded wait on one child, then check them all.
            try:
                next(iter(running.values())).wait(timeout=0.005)
            except subprocess.TimeoutExpired:
                pass


def collect(procs, deadline):
    """Writes each process's input and reads its output, all at once; returns (status, out, err)."""
    import selectors
    sel = selectors.DefaultSelector()
    outs = {}
    for i, (p, stdin) in enumerate(procs):
        outs[i] = [bytearray(), bytearray()]
        sel.register(p.stdout, selectors.EVENT_READ, (i, 0))
        sel.register(p.stderr, selectors.EVENT_READ, (i, 1))
        # The input is small (well under a pipe's 64 KB): write it whole and close.
        try:
            p.stdin.write(stdin)
            p.stdin.close()
        except BrokenPipeError:
            pass
    open_streams = 2 * len(procs)
    while open_streams:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            for p, _ in procs:
                p.kill()
            raise Failure("the writers did not finish before the deadline")
        for key, _ in sel.select(timeout=remaining):
            i, which = key.data
            chunk = os.read(key.fileobj.fileno(), 65536)
            if chunk:
                outs[i][which] += chunk
            else:
                sel.unregister(key.fileobj)
                key.fileobj.close()
                open_streams -= 1
    results = []
    for i, (p, _) in enumerate(procs):
        remaining = max(0.1, deadline - time.perf_counter())
        status = p.wait(timeout=remaining)
        results.append((status, outs[i][0].decode(errors="replace"), outs[i][1].decode(errors="replace")))
    return results


def verify_writes(pb, cluster, direct_port, markers):
    """Every marker once in the plan's notes and once in the change log. Returns a short account."""
    _, exported = pb.run(["export"], "postgres", direct_port, password=cluster.password)
    plan = json.loads(exported)
    in_plan = {}
    for area in plan.get("areas", []):
        for action in area.get("actions", []):
            for note in action.get("notes", []) or []:
                text = note.get("text", "") if isinstance(note, dict) else str(note)
                for marker in re.findall(r"bench-[a-z]+-r\d+-w\d+-e\d+", text):
                    in_plan[marker] = in_plan.get(marker, 0) + 1
    rows = cluster.psql(
        "SELECT m, count(*) FROM (SELECT (regexp_matches(edit, 'bench-[a-z]+-r[0-9]+-w[0-9]+-e[0-9]+', 'g'))[1] AS m "
        "FROM planboard.change WHERE kind = 'edit') s GROUP BY m", database=pb.database)
    in_log = {}
    for row in rows.splitlines():
        if "|" in row:
            marker, count = row.rsplit("|", 1)
            in_log[marker] = int(count)
    wanted = set(markers)
    problems = []
    for where, seen in (("plan", in_plan), ("change log", in_log)):
        missing = [m for m in markers if seen.get(m, 0) == 0]
        twice = [m for m in markers if seen.get(m, 0) > 1]
        if missing:
            problems.append(f"{len(missing)} edit(s) missing from the {where}, e.g. {missing[:3]}")
        if twice:
            problems.append(f"{len(twice)} edit(s) more than once in the {where}, e.g. {twice[:3]}")
    if problems:
        raise Failure("the writers' edits are not all there exactly once: " + "; ".join(problems))
    return len(wanted)


# ---------------------------------------------------------------------------------------

def median(values):
    return statistics.median(values) if values else float("nan")


def setup_plan(pb, cluster, writers, people_too=True):
    cluster.psql(f'CREATE DATABASE "{pb.database}"')
    port = cluster.port
    su = dict(user="postgres", port=port, password=cluster.password)
    pb.run(["server", "init"], **su)
    pb.run(["import", SAMPLE], **su)
    people = [("sam", "editor"), ("jackie", "chair")] + [(f"w{w + 1:02d}", "editor") for w in range(writers)]
    # People are the server's, shared by every plan database on it: added once.
    for name, role in people if people_too else []:
        pb.run(["people", "add", name, "--role", role, "--password-stdin"], stdin=(PERSON_PASSWORD + "\n").encode(), **su)
    return people


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="a release planboard")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1, help="runs first, not counted (default 1)")
    parser.add_argument("--delay-ms", type=float, default=25.0, help="each way (default 25)")
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--edits", type=int, default=0,
                        help="edits per writer per run (default: enough for about --writers-seconds, from the warm-up)")
    parser.add_argument("--writers-seconds", type=float, default=5.0)
    parser.add_argument("--no-set-writers", action="store_true", help="skip the one-process-per-edit comparison")
    parser.add_argument("--json", default="", help="also write the figures here as JSON")
    args = parser.parse_args()
    if not 1 <= args.writers <= len(WRITER_ACTIONS):
        parser.error(f"--writers must be 1 to {len(WRITER_ACTIONS)} (one action each)")
    binary = os.path.abspath(args.binary)

    # SIGTERM ends the run the way Ctrl-C does, so the cluster and the proxy are removed.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))

    figures = {}
    with tempfile.TemporaryDirectory(prefix="planboard-bench-net-") as workdir, Cluster() as cluster:
        pb = Planboard(binary, workdir, "plan_bench")
        # The writers add thousands of notes: they write to a plan of their own, so every
        # other figure is measured on the sample as it is, run after run.
        pbw = Planboard(binary, workdir, "plan_writers")
        log(f"PostgreSQL cluster on 127.0.0.1:{cluster.port} ({cluster.bin}), folder {cluster.folder}")
        setup_plan(pb, cluster, args.writers)
        setup_plan(pbw, cluster, args.writers, people_too=False)
        log(f"plan set up: server init, import {os.path.relpath(SAMPLE, ROOT)}, sam (editor), jackie (chair), "
            f"w01..w{args.writers:02d} (editors)")
        # Long enough for every run, and bounded: the proxy stops by itself afterwards.
        with Proxy(cluster.port, args.delay_ms, max_seconds=3600, log_file=os.path.join(workdir, "proxy.log")) as proxy:
            port = proxy.port
            log(f"delay proxy on 127.0.0.1:{port}: {args.delay_ms:g} ms each way; every measured command goes through it")
            statuses = Statuses()
            phases = random.Random(19)  # the same spread of key times on every run of the bench
            first, inside, key, seen, sets, first_sets, summaries = [], [], [], [], [], [], []
            batch_rates, set_rates = [], []
            edits = args.edits
            set_edits = max(1, args.edits // 4) if args.edits else 0
            verified = 0
            total = args.warmup + args.runs
            for i in range(total):
                counted = i >= args.warmup
                tag = f"run {i - args.warmup + 1}" if counted else "warm-up"
                f_ms, in_ms, k_ms, status = measure_dashboard(pb, port, statuses, workdir, i)
                s_ms = measure_seen_elsewhere(pb, port, statuses, phases.uniform(0.0, 0.1))
                first_set_ms = measure_set(pb, port, statuses, remembered=False)
                set_ms = measure_set(pb, port, statuses)
                sum_ms = measure_summary(pb, port)
                # The writers: the warm-up works out K (edits per writer) for about --writers-seconds.
                k = edits or 2
                rate, markers = writers_run(pbw, port, args.writers, k, i, "batch", timeout=600)
                verified += verify_writes(pbw, cluster, cluster.port, markers)
                if not edits:
                    edits = max(2, min(200, round(args.writers_seconds * rate / args.writers)))
                    log(f"writers: {rate:.1f} edits/s with K=2; K={edits} edits per writer from here")
                set_rate = None
                if not args.no_set_writers:
                    sk = set_edits or 1
                    set_rate, markers = writers_run(pbw, port, args.writers, sk, i, "set", timeout=600)
                    verified += verify_writes(pbw, cluster, cluster.port, markers)
                    if not set_edits:
                        set_edits = max(1, min(50, round(args.writers_seconds * set_rate / args.writers)))
                log(f"{tag}: first frame {f_ms:.0f} ms ({in_ms if in_ms is not None else float('nan'):.0f} inside), "
                    f"key -> saved {k_ms:.0f} ms ({status}), seen elsewhere +{s_ms:.0f} ms, set {set_ms:.0f} ms "
                    f"(first of a run {first_set_ms:.0f} ms), "
                    f"summary {sum_ms:.0f} ms, batch writers {rate:.1f} edits/s (K={k})"
                    + (f", set writers {set_rate:.1f} edits/s" if set_rate is not None else ""))
                if not counted:
                    continue
                first.append(f_ms)
                if in_ms is not None:
                    inside.append(in_ms)
                key.append(k_ms)
                seen.append(s_ms)
                sets.append(set_ms)
                first_sets.append(first_set_ms)
                summaries.append(sum_ms)
                batch_rates.append(rate)
                if set_rate is not None:
                    set_rates.append(set_rate)
            log("counting round trips (the client's turns through the proxy), once each")
            trips = count_round_trips(pb, proxy, statuses)
            changes = cluster.psql("SELECT count(*) FROM planboard.change", database=pbw.database)

    figures = {
        "key_saved_ms": median(key), "first_frame_ms": median(first), "first_frame_inside_ms": median(inside),
        "set_ms": median(sets), "set_first_ms": median(first_sets), "summary_ms": median(summaries), "seen_elsewhere_ms": median(seen),
        "writers_edits_per_s": median(batch_rates),
        "writers_set_edits_per_s": median(set_rates) if set_rates else None,
        "runs": args.runs, "delay_ms_each_way": args.delay_ms, "writers": args.writers,
        "edits_per_writer_batch": edits, "edits_per_writer_set": set_edits if set_rates else None,
        "edits_verified": verified, "change_log_lines": int(changes),
        "round_trips": {name: {"turns": turns, "connections": conns} for name, (turns, conns) in trips.items()},
        "all": {"key_saved_ms": key, "first_frame_ms": first, "first_frame_inside_ms": inside, "set_ms": sets, "set_first_ms": first_sets,
                "summary_ms": summaries, "seen_elsewhere_ms": seen, "writers_edits_per_s": batch_rates,
                "writers_set_edits_per_s": set_rates},
    }

    print(f"planboard on a shared plan (PostgreSQL) across {args.delay_ms:g} ms each way: release build, "
          f"medians of {args.runs} runs (+{args.warmup} warm-up), 80x24 pty")
    print(f"{'Measure':<40} {'Median':>8} {'Min':>8} {'Max':>8}  {'Target':<10} Meets")
    rows = [("key_saved_ms", key), ("first_frame_ms", first), ("set_ms", sets), ("summary_ms", summaries),
            ("seen_elsewhere_ms", seen), ("writers_edits_per_s", batch_rates)]
    for name, values in rows:
        label, target, limit, higher = TARGETS[name]
        med = median(values)
        ok = med >= limit if higher else med <= limit
        print(f"{label:<40} {med:>8.1f} {min(values):>8.1f} {max(values):>8.1f}  {target:<10} {'✓' if ok else '✗'}")
    if inside:
        print(f"{'  first frame, the app own figure (ms)':<40} {median(inside):>8.1f} {min(inside):>8.1f} {max(inside):>8.1f}")
    print(f"{'  set, first of a run: read + write (ms)':<40} {median(first_sets):>8.1f} {min(first_sets):>8.1f} {max(first_sets):>8.1f}")
    if set_rates:
        print(f"{'  16 writers, a `set` process per edit':<40} {median(set_rates):>8.1f} {min(set_rates):>8.1f} "
              f"{max(set_rates):>8.1f}  (for comparison: each pays process start and a login)")
    print(f"Writers: {args.writers} editors at once, each `planboard batch -` (one process, one connection) with "
          f"K={edits} `set REF --note ...` lines on its own action; {verified} edits checked: each once in the plan "
          f"(planboard export) and once in the change log (planboard.change).")
    print(f"Round trips through the proxy, once each (the client's turns: it spoke after the server had; "
          f"at {2 * args.delay_ms:g} ms a round trip):")
    for name, label in (("set", "`planboard set 3b --status`, whole process"),
                        ("set_first", "  the same, nothing remembered"),
                        ("summary", "`planboard summary`, whole process"),
                        ("dashboard_open", "dashboard: open, area 1, quit"),
                        ("dashboard_key", "dashboard: one status key (with - without)"),
                        ("batch_first_edit", "`planboard batch`, process with 1 edit"),
                        ("batch_each_further_edit", "`planboard batch`, each further edit")):
        turns, conns = trips[name]
        print(f"  {label:<46} {turns:>6g} turns ({conns} connection{'s' if conns != 1 else ''})")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=2)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as error:
        log(f"failed: {error}")
        sys.exit(1)
    except KeyboardInterrupt:
        log("interrupted; the cluster and the proxy were stopped")
        sys.exit(130)
