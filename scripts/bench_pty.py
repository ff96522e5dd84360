#!/usr/bin/env python3
"""Measures the planboard dashboard in a pseudo-terminal (stdlib only).

For each run it starts `planboard --db DB` in an 80x24 pty with TERM=xterm-256color and
PLANBOARD_BENCH_FILE set, and measures:

  first frame (internal)  what the app writes to PLANBOARD_BENCH_FILE: milliseconds from the
                          start of the dashboard command to the end of its first drawn frame;
  first frame (external)  from just before the fork to the last byte of the first burst of
                          output that contains "Devon Local Area" (the burst ends when the pty
                          has been quiet for QUIET_FRAME_MS);
  Down key (bytes)        once the screen has settled, one Down key is sent and the bytes the
                          app writes are counted until it has been quiet for 200 ms.

The Down key is sent as a terminal would send it. planboard (ncurses keypad mode) switches
the terminal to application cursor keys (it writes DECCKM, ESC [ ? 1 h), where xterm sends
Down as ESC O B; ESC [ B is what a terminal sends in normal cursor mode, and ncurses reads
it as Esc, '[' and 'B' there. So ESC O B is sent when the app asked for application cursor
keys, ESC [ B otherwise, and a run fails if the app did not take the key as Down.

Then it sends `q` and waits for the app to exit. Prints a plain table; exits 0.
"""

import argparse
import fcntl
import json
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

QUIET_FRAME_MS = 50     # a gap this long ends the first frame's burst of output
SETTLE_MS = 200         # quiet this long before the key is sent, and after it
HEADER = "Devon Local Area".encode()
DECCKM_ON = b"\x1b[?1h"
DOWN_NORMAL = b"\x1b[B"        # cursor keys in normal mode
DOWN_APPLICATION = b"\x1bOB"   # cursor keys in application mode (after DECCKM / smkx)
NOT_UNDERSTOOD = (b"does nothing here", b"Press q to quit")
TIMEOUT_S = 10.0

TARGET_FIRST_FRAME_MS = 25.0
TARGET_DOWN_BYTES = 200


def read_until_quiet(fd, quiet_ms, deadline):
    """Reads until nothing arrives for quiet_ms. Returns (bytes, time of the last byte)."""
    data = bytearray()
    last = time.perf_counter()
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise TimeoutError("the app kept writing past the deadline")
        ready, _, _ = select.select([fd], [], [], min(quiet_ms / 1000.0, remaining))
        if not ready:
            return bytes(data), last
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the pty
            return bytes(data), last
        if not chunk:
            return bytes(data), last
        data += chunk
        last = time.perf_counter()


def one_run(binary, db, cols, rows, workdir, index, header=HEADER):
    bench_file = os.path.join(workdir, f"first-frame-{index}.txt")
    env = dict(os.environ)
    for name in ("NO_COLOR", "PLANBOARD_DB", "TMUX"):
        env.pop(name, None)
    env.update({
        "TERM": "xterm-256color",
        "PLANBOARD_BENCH_FILE": bench_file,
        "PLANBOARD_TODAY": "2023-08-15",
    })
    argv = [binary, "--db", db, "--user", "bench"]

    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: size its terminal, then become planboard
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(binary, argv, env)
        finally:
            os._exit(127)

    deadline = started + TIMEOUT_S
    try:
        # The first frame: output until the header has been seen and the pty goes quiet.
        seen = bytearray()
        while True:
            chunk, last = read_until_quiet(fd, QUIET_FRAME_MS, deadline)
            if not chunk and not seen:
                continue  # nothing yet: still starting up
            seen += chunk
            if header in seen:
                break
            # Quiet before the header: the terminal is set up and the first frame is still
            # being worked out (a large plan); keep waiting until the deadline.
        external_ms = (last - started) * 1000.0

        # Let the screen settle (any follow-up output), then one Down key.
        rest, _ = read_until_quiet(fd, SETTLE_MS, deadline)
        seen += rest
        down = DOWN_APPLICATION if DECCKM_ON in seen else DOWN_NORMAL
        os.write(fd, down)
        response, _ = read_until_quiet(fd, SETTLE_MS, deadline)
        down_bytes = len(response)
        if not response or any(text in response for text in NOT_UNDERSTOOD):
            raise RuntimeError(f"the app did not take {down!r} as Down; it wrote {response!r}")

        # Quit, draining output so the app is never blocked writing to the pty.
        os.write(fd, b"q")
        status = None
        while time.perf_counter() < deadline:
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = raw
                break
            read_until_quiet(fd, 20, deadline)
        if status is None:
            raise TimeoutError("planboard did not quit after q")
        if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
            raise RuntimeError(f"planboard exited with status {status}")
    except BaseException:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
        raise
    finally:
        os.close(fd)

    figures = read_bench_file(bench_file)
    if "first_frame_ms" not in figures:
        raise RuntimeError(f"PLANBOARD_BENCH_FILE has no first_frame_ms: {figures!r}")
    return figures["first_frame_ms"][0], external_ms, down_bytes, down


def read_bench_file(path):
    """The `name value` lines the app wrote, as {name: [values in order]}."""
    figures = {}
    with open(path) as f:
        for line in f:
            words = line.split()
            if len(words) == 2:
                figures.setdefault(words[0], []).append(float(words[1]))
    return figures


def summary(values):
    return statistics.median(values), min(values), max(values)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--warmup", type=int, default=1, help="runs first, not counted (file cache, dynamic linker)")
    parser.add_argument("--cols", type=int, default=80)
    parser.add_argument("--rows", type=int, default=24)
    parser.add_argument("--json", default="", help="also write the medians here, for bench_large.py's table")
    args = parser.parse_args()

    internal, external, down = [], [], []
    with tempfile.TemporaryDirectory(prefix="planboard-bench-") as workdir:
        for i in range(args.warmup + args.runs):
            i_ms, e_ms, d_bytes, down_sent = one_run(args.binary, args.db, args.cols, args.rows, workdir, i)
            if i < args.warmup:
                continue
            internal.append(i_ms)
            external.append(e_ms)
            down.append(d_bytes)
            print(f"run {i - args.warmup + 1}: first frame {i_ms:.1f} ms inside, {e_ms:.1f} ms outside; "
                  f"Down key ({down_sent!r}) {d_bytes} bytes", file=sys.stderr)

    rows = [
        ("First frame, internal (ms)", summary(internal), f"<= {TARGET_FIRST_FRAME_MS:g} ms", TARGET_FIRST_FRAME_MS, "{:.1f}"),
        ("First frame, external (ms)", summary(external), f"<= {TARGET_FIRST_FRAME_MS:g} ms", TARGET_FIRST_FRAME_MS, "{:.1f}"),
        ("Down key, bytes written", summary(down), f"< {TARGET_DOWN_BYTES} bytes", TARGET_DOWN_BYTES - 0.5, "{:.0f}"),
    ]
    sys.stderr.flush()
    print(f"planboard dashboard benchmark: {args.runs} runs (+{args.warmup} warm-up), "
          f"{args.cols}x{args.rows} pty, TERM=xterm-256color, Down key on the opening screen")
    print(f"{'Measure':<28} {'Median':>8} {'Min':>8} {'Max':>8}  {'Target':<14} Median meets it")
    for name, (med, lo, hi), target, limit, fmt in rows:
        verdict = "\u2713" if med <= limit else "\u2717"
        print(f"{name:<28} {fmt.format(med):>8} {fmt.format(lo):>8} {fmt.format(hi):>8}  {target:<14} {verdict}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"internal_ms": summary(internal)[0], "external_ms": summary(external)[0],
                       "down_bytes": summary(down)[0]}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
