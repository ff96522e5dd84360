#!/usr/bin/env python3
"""Measures planboard on generated plans of 10,000 and 100,000 actions (issue 10).

For each size it generates the plan (`planboard generate`, risks a tenth of the actions),
and measures, as medians of several runs:

  import             `planboard import plan.json` into a new file
  export JSON        `planboard export -o out.json`
  summary            `planboard summary`
  set                `planboard set REF --status green|complete` (one status change, committed)
  first frame        from the fork to the dashboard's first frame, in an 80x24 pty (bench_pty)
  VisiData           from the fork to VisiData's first screen of the same actions as CSV
                     (`planboard export --format csv`): the first burst of output showing the
                     first action's reference, ended by 50 ms of quiet, as for planboard
and, in one longer dashboard session on the same file:
  Down key bytes     in each view (keys 1 to 9), bytes written for one Down key
  follow             a `planboard set` from another process, until the dashboard has drawn it
                     (the app times it from noticing the change; PLANBOARD_BENCH_FILE)
  own edit           change-log lines the dashboard read after its own edit (g in triage)
  peak memory        VmHWM of the dashboard after visiting every view

Prints one table; exits 0 whatever the figures (it measures, it does not gate).
"""

import argparse
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import fcntl
import json
import termios

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_pty  # noqa: E402

HEADER = b"Synthetic Local Area"
ENV = {"PLANBOARD_TODAY": "2023-08-15", "TERM": "xterm-256color"}


def env(**extra):
    e = dict(os.environ)
    for name in ("NO_COLOR", "PLANBOARD_DB", "TMUX", "PLANBOARD_BENCH_FILE"):
        e.pop(name, None)
    e.update(ENV)
    e.update(extra)
    return e


CPU = {}  # name -> CPU ms (user + system) of each run, for machines shared with others


def run(argv, name):
    """Runs argv; returns wall ms, and records its CPU ms under name."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter() - start) * 1000.0
    child.returncode = os.waitstatus_to_exitcode(status)
    err = child.stderr.read() if child.stderr else b""
    if child.returncode != 0:
        raise RuntimeError(f"{argv} failed: {err.decode(errors='replace')}")
    CPU.setdefault(name, []).append((usage.ru_utime + usage.ru_stime) * 1000.0)
    return wall


def timed(argv, runs, name):
    """Median wall time in ms of running argv `runs` times."""
    times = [run(argv, name) for _ in range(runs)]
    return statistics.median(times), times


def spawn(argv, extra_env, cols=80, rows=24):
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(argv[0], argv, env(**extra_env))
        finally:
            os._exit(127)
    return pid, fd


def stop(pid, fd):
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
    os.close(fd)


def first_screen(argv, marker, extra_env=None):
    """ms from the fork to the end of the first burst of output containing marker."""
    started = time.perf_counter()
    pid, fd = spawn(argv, extra_env or {})
    deadline = started + 60
    try:
        seen = bytearray()
        while True:
            chunk, last = bench_pty.read_until_quiet(fd, bench_pty.QUIET_FRAME_MS, deadline)
            if not chunk and not seen:
                continue
            seen += chunk
            if marker in seen:
                return (last - started) * 1000.0
            # Quiet before the marker: a splash or a progress line while the rows load;
            # keep waiting until the deadline.
    finally:
        stop(pid, fd)


def session(binary, db, ref, workdir):
    """One dashboard session: Down bytes per view, follow, own edit, peak memory."""
    bench_file = os.path.join(workdir, "session.txt")
    open(bench_file, "w").close()
    pid, fd = spawn([binary, "--db", db, "--user", "bench"], {"PLANBOARD_BENCH_FILE": bench_file})
    deadline = time.perf_counter() + 120
    out = {}
    try:
        seen = bytearray()
        while HEADER not in seen:
            chunk, _ = bench_pty.read_until_quiet(fd, 50, deadline)
            seen += chunk
        rest, _ = bench_pty.read_until_quiet(fd, 300, deadline)
        seen += rest
        down = bench_pty.DOWN_APPLICATION if bench_pty.DECCKM_ON in seen else bench_pty.DOWN_NORMAL
        downs = {}
        for view in "123456789":
            os.write(fd, view.encode())
            bench_pty.read_until_quiet(fd, 400, deadline)
            os.write(fd, down)
            response, _ = bench_pty.read_until_quiet(fd, 300, deadline)
            downs[view] = len(response)
        out["down"] = downs
        # Back to the opening screen (its roll-ups take in every action) to watch a change arrive.
        os.write(fd, b"1")
        bench_pty.read_until_quiet(fd, 400, deadline)
        # A change from another process, noticed by the dashboard's poll and drawn.
        subprocess.run([binary, "set", ref, "--status", "green", "--db", db, "--user", "other"],
                       check=True, env=env(), stdout=subprocess.DEVNULL)
        bench_pty.read_until_quiet(fd, 1000, deadline)
        subprocess.run([binary, "set", ref, "--status", "complete", "--db", db, "--user", "other"],
                       check=True, env=env(), stdout=subprocess.DEVNULL)
        bench_pty.read_until_quiet(fd, 1000, deadline)
        # The dashboard's own edit: Green on the first action in triage.
        os.write(fd, b"7")
        bench_pty.read_until_quiet(fd, 400, deadline)
        os.write(fd, b"g")
        bench_pty.read_until_quiet(fd, 600, deadline)
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    out["peak_mb"] = int(line.split()[1]) / 1024.0
        os.write(fd, b"q")
        while time.perf_counter() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                pid = None
                break
            bench_pty.read_until_quiet(fd, 20, deadline)
    finally:
        if pid:
            stop(pid, fd)
        else:
            os.close(fd)
    figures = bench_pty.read_bench_file(bench_file)
    out["follow"] = figures.get("follow_ms", [])
    out["own_edit_lines"] = figures.get("own_edit_log_lines", [])
    out["whole"] = figures.get("whole_plan_ms", [])
    return out


def measure_size(binary, actions, runs, workdir, vd):
    p = os.path.join(workdir, f"plan-{actions}")
    os.makedirs(p, exist_ok=True)
    json_file = os.path.join(p, "plan.json")
    subprocess.run([binary, "generate", "--actions", str(actions), "--risks", str(actions // 10), "-o", json_file],
                   check=True, env=env())
    print(f"planboard bench: {actions} actions generated", file=sys.stderr)
    few = max(3, runs // 3)

    def fresh(i):
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(os.path.join(p, f"import-{i}.sqlite{suffix}"))
            except FileNotFoundError:
                pass
    imports = []
    for i in range(few):
        fresh(i)
        imports.append(run([binary, "import", json_file, "--db", os.path.join(p, f"import-{i}.sqlite")], f"import{actions}"))
    db = os.path.join(p, "import-0.sqlite")
    r = {"import": statistics.median(imports)}
    print(f"  import {r['import']:.0f} ms", file=sys.stderr)
    r["export"], _ = timed([binary, "export", "--db", db, "-o", os.path.join(p, "out.json")], few, f"export{actions}")
    print(f"  export {r['export']:.0f} ms", file=sys.stderr)
    r["summary"], _ = timed([binary, "summary", "--db", db], runs, f"summary{actions}")
    print(f"  summary {r['summary']:.0f} ms", file=sys.stderr)
    ref = "7.1"
    sets = []
    for i in range(runs):
        status = "green" if i % 2 == 0 else "complete"
        sets.append(run([binary, "set", ref, "--status", status, "--db", db, "--user", "bench"], f"set{actions}"))
    r["set"] = statistics.median(sets)
    print(f"  set {r['set']:.1f} ms", file=sys.stderr)

    frames = []
    for i in range(runs + 1):
        bench_file = os.path.join(p, f"frame-{i}.txt")
        ms = first_screen([binary, "--db", db, "--user", "bench"], HEADER, {"PLANBOARD_BENCH_FILE": bench_file})
        if i > 0:
            frames.append(ms)
    r["frame"] = statistics.median(frames)
    cpus = []
    for i in range(1, runs + 1):
        cpus += bench_pty.read_bench_file(os.path.join(p, f"frame-{i}.txt")).get("first_frame_cpu_ms", [])
    if cpus:
        r["frame_cpu"] = statistics.median(cpus)
    print(f"  first frame {r['frame']:.0f} ms", file=sys.stderr)

    if vd:
        csv = os.path.join(p, "actions.csv")
        subprocess.run([binary, "export", "--format", "csv", "--db", db, "-o", csv], check=True, env=env())
        vds = []
        for i in range(runs + 1):
            ms = first_screen([vd, "-N", csv], b"1.1", {"HOME": p})
            if i > 0:
                vds.append(ms)
        r["visidata"] = statistics.median(vds)
        print(f"  VisiData {r['visidata']:.0f} ms", file=sys.stderr)

    r["session"] = session(binary, db, "9.2", p)
    print(f"  session {r['session']}", file=sys.stderr)
    return r


def core_figures(path):
    """From planboard-bench's output at 80x24: {view: Down key ms} and the search's ms."""
    downs, search = {}, None
    with open(path) as f:
        for line in f:
            if line.strip().startswith("160"):
                break  # only the 80x24 section
            if line.startswith("  key \u2193 on "):
                downs[line[len("  key \u2193 on "):40].strip()] = float(line[40:].split()[0])
            elif line.startswith("  search / to first match"):
                search = float(line[40:].split()[0])
    return downs, search


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--visidata", default="", help="the vd executable (none: VisiData not measured)")
    parser.add_argument("--core", default="", help="planboard-bench output file per size, as SIZE=FILE,...")
    parser.add_argument("--sample", default="", help="bench_pty.py's medians (--json) for the sample plan")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    with tempfile.TemporaryDirectory(prefix="planboard-large-") as workdir:
        for n in sizes:
            results[n] = measure_size(args.binary, n, args.runs, workdir, args.visidata or None)
    for item in filter(None, args.core.split(",")):
        n, path = item.split("=", 1)
        if int(n) in results and os.path.exists(path):
            results[int(n)]["core_down"], results[int(n)]["search"] = core_figures(path)
    sample = {}
    if args.sample and os.path.exists(args.sample):
        with open(args.sample) as f:
            sample = json.load(f)
    for name in ("set", "summary", "import", "export"):
        for n in sizes:
            if f"{name}{n}" in CPU:
                results[n][f"{name}_cpu"] = statistics.median(CPU[f"{name}{n}"])
    print_table(args.runs, sizes, results, sample)
    return 0


def slowest(downs):
    name = max(downs, key=downs.get)
    return downs[name], name


# (measure, how to show it, target, limit per size (None: no verdict), the value judged)
ROWS = [
    ("First frame, outside (ms)", lambda r: f"{r['frame']:.0f}", "<= 40 ms / <= 300 ms", [40, 300], lambda r: r["frame"]),
    ("  first frame, CPU time (ms)", lambda r: f"{r['frame_cpu']:.0f}", "(the process, to it)", None, None),
    ("  whole plan in, inside (ms)", lambda r: f"{r['session']['whole'][0]:.0f}", "(keys wait for it)", None, None),
    ("VisiData opening CSV (ms)", lambda r: f"{r['visidata']:.0f}", "", None, None),
    ("VisiData / planboard", lambda r: f"{r['visidata'] / r['frame']:.1f}x", ">= 5x", [5, 5], lambda r: r["visidata"] / r["frame"]),
    ("planboard set (ms)", lambda r: f"{r['set']:.1f}", "<= 30 ms at 100k", [30, 30], lambda r: r["set"]),
    ("  set, CPU time (ms)", lambda r: f"{r['set_cpu']:.1f}", "(user + system)", None, None),
    ("planboard summary (ms)", lambda r: f"{r['summary']:.0f}", "<= 200 ms", [200, 200], lambda r: r["summary"]),
    ("  summary, CPU time (ms)", lambda r: f"{r['summary_cpu']:.0f}", "", None, None),
    ("planboard import (ms)", lambda r: f"{r['import']:.0f}", "<= 5000 ms", [5000, 5000], lambda r: r["import"]),
    ("  import, CPU time (ms)", lambda r: f"{r['import_cpu']:.0f}", "", None, None),
    ("planboard export JSON (ms)", lambda r: f"{r['export']:.0f}", "<= 3000 ms", [3000, 3000], lambda r: r["export"]),
    ("  export, CPU time (ms)", lambda r: f"{r['export_cpu']:.0f}", "", None, None),
    ("Change elsewhere shown (ms)", lambda r: f"{statistics.median(r['session']['follow']):.1f}", "<= 20 ms at 100k", [20, 20],
     lambda r: statistics.median(r["session"]["follow"])),
    ("Log lines read after own edit", lambda r: f"{r['session']['own_edit_lines'][-1]:.0f}", "only its own (1)", [1, 1],
     lambda r: r["session"]["own_edit_lines"][-1]),
    ("Search / to first match (ms)", lambda r: f"{r['search']:.1f}", "<= 30 ms (core)", [30, 30], lambda r: r["search"]),
    ("Down key, slowest view (ms)", lambda r: f"{slowest(r['core_down'])[0]:.2f}", "<= 1 ms (core)", [1, 1],
     lambda r: slowest(r["core_down"])[0]),
    ("Down key, most bytes of 9 views", lambda r: f"{max(r['session']['down'].values())}", "<= 200 bytes", [200, 200],
     lambda r: max(r["session"]["down"].values())),
    ("Peak memory, all views (MB)", lambda r: f"{r['session']['peak_mb']:.0f}", "<= 150 MB at 100k", [150, 150],
     lambda r: r["session"]["peak_mb"]),
]
HIGHER_IS_BETTER = {"VisiData / planboard"}
YES, NO = "\u2713", "\u2717"


def print_table(runs, sizes, results, sample):
    def cell(n, show):
        try:
            return show(results[n])
        except (KeyError, ValueError, IndexError, ZeroDivisionError):
            return "n/a"

    names = [f"{n:,} actions" for n in sizes]
    load = os.getloadavg()[0]
    print(f"planboard on generated plans: medians of {runs} runs, release build, 80x24 pty; "
          f"load average {load:.1f} on {os.cpu_count()} cores (CPU times are steadier than wall times when it is high)")
    print(f"{'Measure':<34}" + "".join(f"{n:>16}" for n in names) + f"  {'Target':<22} Met")
    if sample:
        ok = YES if sample["external_ms"] <= 25 else NO
        print(f"{'Sample first frame, outside (ms)':<34}{sample['external_ms']:>16.1f}" + " " * 16 * (len(sizes) - 1)
              + f"  {'<= 25 ms (Devon sample)':<22} {ok}")
    for name, show, target, limits, value in ROWS:
        verdicts = []
        for k, n in enumerate(sizes):
            limit = limits[min(k, len(limits) - 1)] if limits else None
            if limit is None or value is None:
                continue
            try:
                v = value(results[n])
            except (KeyError, ValueError, IndexError, ZeroDivisionError):
                verdicts.append(f"{n // 1000}k n/a")
                continue
            ok = v >= limit if name in HIGHER_IS_BETTER else v <= limit
            verdicts.append(f"{n // 1000}k {YES if ok else NO}")
        print(f"{name:<34}" + "".join(f"{cell(n, show):>16}" for n in sizes) + f"  {target:<22} {' '.join(verdicts)}")
    for n in sizes:
        r = results[n]
        s = r["session"]
        print(f"Down key bytes per view at {n:,}: " + ", ".join(f"{v}:{b}" for v, b in s["down"].items()))
        if r.get("core_down"):
            print(f"Down key in the core at {n:,} (ms): " + ", ".join(f"{v} {t:.2f}" for v, t in r["core_down"].items()))


if __name__ == "__main__":
    sys.exit(main())
