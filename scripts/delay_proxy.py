#!/usr/bin/env python3
"""A TCP proxy on 127.0.0.1 that holds every chunk for a fixed time in each direction.

It stands in for distance on this machine (there is no netem here): a chunk read at time t
is written on at t + DELAY, in order, while later chunks keep being read. So a round trip
through it costs 2 x DELAY, however many round trips overlap or however much data flows: it
is not a bandwidth limit and it does not make one request wait for another's reply.

Usage:
    python3 scripts/delay_proxy.py --listen-port 0 --target-port 5432 --delay-ms 25

It prints "ready PORT" on standard output once it listens (port 0 picks a free one), and a
line of totals on standard error when it stops. With --log FILE it appends a line when each
connection opens and one when it closes, with its turns: how many times the client spoke
after the server had (the first message counts), which is the number of round trips the
client waited for, when it waits for each answer before it speaks again. It stops on SIGTERM or SIGINT, and by itself
after --max-seconds (default 900), so a forgotten proxy does not linger. It listens on
127.0.0.1 only and forwards only to a loopback address. Python 3.11 standard library only.
"""

import argparse
import asyncio
import collections
import ipaddress
import signal
import socket
import sys

# Reading pauses while this much is held in one direction (a guard, not a bandwidth limit:
# the benchmark's traffic is far below it).
MAX_HELD_BYTES = 64 * 1024 * 1024
READ_SIZE = 256 * 1024


class Totals:
    def __init__(self):
        self.connections = 0
        self.chunks = {"to target": 0, "to client": 0}
        self.bytes = {"to target": 0, "to client": 0}


class Conversation:
    """Who spoke last on one connection, to count the client's turns."""

    def __init__(self):
        self.turns = 0
        self.server_spoke = True  # the client's first message is a turn
        self.bytes = {"to target": 0, "to client": 0}

    def heard(self, name, size):
        self.bytes[name] += size
        if name == "to target":
            if self.server_spoke:
                self.turns += 1
            self.server_spoke = False
        else:
            self.server_spoke = True


class DelayedPipe:
    """One direction of one connection: reads chunks, writes each DELAY after it was read."""

    def __init__(self, reader, writer, delay, name, totals, conversation):
        self.conversation = conversation
        self.reader = reader
        self.writer = writer
        self.delay = delay
        self.name = name
        self.totals = totals
        self.held = collections.deque()  # (due time, bytes or None for end of stream)
        self.held_bytes = 0
        self.arrived = asyncio.Event()
        self.room = asyncio.Event()
        self.room.set()

    async def read_side(self):
        loop = asyncio.get_running_loop()
        try:
            while True:
                await self.room.wait()
                chunk = await self.reader.read(READ_SIZE)
                due = loop.time() + self.delay
                if not chunk:
                    break
                self.totals.chunks[self.name] += 1
                self.totals.bytes[self.name] += len(chunk)
                self.conversation.heard(self.name, len(chunk))
                self.held.append((due, chunk))
                self.held_bytes += len(chunk)
                if self.held_bytes >= MAX_HELD_BYTES:
                    self.room.clear()
                self.arrived.set()
        except (ConnectionError, OSError):
            due = loop.time() + self.delay
        # End of stream (or a reset): passed on after the same delay, behind what came before.
        self.held.append((due, None))
        self.arrived.set()

    async def write_side(self):
        loop = asyncio.get_running_loop()
        try:
            while True:
                while not self.held:
                    self.arrived.clear()
                    await self.arrived.wait()
                due, chunk = self.held[0]
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                self.held.popleft()
                if chunk is None:
                    if self.writer.can_write_eof():
                        self.writer.write_eof()
                    return True
                self.held_bytes -= len(chunk)
                if self.held_bytes < MAX_HELD_BYTES:
                    self.room.set()
                self.writer.write(chunk)
                await self.writer.drain()
        except (ConnectionError, OSError):
            return False


def log_line(args, text):
    if args.log:
        with open(args.log, "a") as f:
            f.write(text + "\n")


async def handle(client_reader, client_writer, args, totals, connections):
    task = asyncio.current_task()
    connections.add(task)
    totals.connections += 1
    number = totals.connections
    conversation = Conversation()
    opened = asyncio.get_running_loop().time()
    log_line(args, f"open {number}")
    target_writer = None
    try:
        try:
            target_reader, target_writer = await asyncio.open_connection(args.target_host, args.target_port)
        except OSError as error:
            print(f"delay_proxy: cannot reach {args.target_host}:{args.target_port}: {error}", file=sys.stderr)
            return
        for writer in (client_writer, target_writer):
            sock = writer.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        delay = args.delay_ms / 1000.0
        up = DelayedPipe(client_reader, target_writer, delay, "to target", totals, conversation)
        down = DelayedPipe(target_reader, client_writer, delay, "to client", totals, conversation)
        tasks = [asyncio.create_task(step) for step in
                 (up.read_side(), up.write_side(), down.read_side(), down.write_side())]
        try:
            pending = set(tasks)
            while pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                # A side that could not write: the connection is broken both ways.
                if any(task.result() is False for task in done):
                    break
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
    except asyncio.CancelledError:
        pass  # the proxy is stopping: close quietly
    finally:
        for writer in (client_writer, target_writer):
            if writer is not None:
                writer.close()
        connections.discard(task)
        seconds = asyncio.get_running_loop().time() - opened
        log_line(args, f"close {number} turns {conversation.turns} up {conversation.bytes['to target']} "
                       f"down {conversation.bytes['to client']} seconds {seconds:.3f}")


async def serve(args):
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.call_later(args.max_seconds, stop.set)

    totals = Totals()
    connections = set()
    server = await asyncio.start_server(lambda r, w: handle(r, w, args, totals, connections),
                                        host="127.0.0.1", port=args.listen_port, reuse_address=True)
    port = server.sockets[0].getsockname()[1]
    print(f"ready {port}", flush=True)
    async with server:
        await stop.wait()
        server.close()
        for task in list(connections):
            task.cancel()
        await asyncio.gather(*connections, return_exceptions=True)
    print(f"delay_proxy: stopped; {totals.connections} connections, "
          f"{totals.chunks['to target']} chunks ({totals.bytes['to target']} bytes) to the target, "
          f"{totals.chunks['to client']} chunks ({totals.bytes['to client']} bytes) back", file=sys.stderr)


def loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen-port", type=int, default=0, help="port on 127.0.0.1 (0: a free one)")
    parser.add_argument("--target-host", default="127.0.0.1", help="a loopback address (default 127.0.0.1)")
    parser.add_argument("--target-port", type=int, required=True)
    parser.add_argument("--delay-ms", type=float, default=25.0, help="held this long each way (default 25)")
    parser.add_argument("--max-seconds", type=float, default=900.0, help="stop by itself after this long (default 900)")
    parser.add_argument("--log", default="", help="append a line per connection opened and closed, with its turns")
    args = parser.parse_args()
    if not loopback(args.target_host):
        parser.error(f"--target-host {args.target_host} is not a loopback address; this proxy stays on this machine")
    if args.delay_ms < 0 or args.max_seconds <= 0:
        parser.error("--delay-ms must be 0 or more and --max-seconds more than 0")
    asyncio.run(serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
