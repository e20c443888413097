"""A minimal round-robin TCP proxy for the bench (no nginx or haproxy on this machine, and no
pip package of one that fits): each accepted connection goes to the next backend in turn.
The bench's clients send one request per connection (``Connection: close``), so connection
round robin is request round robin.

    python bench/deploy/proxy.py --port 9000 --backends 9001,9002

Prints "ready" once it listens.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools

HOST = "127.0.0.1"


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while chunk := await reader.read(65536):
            writer.write(chunk)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def serve(port: int, backends: list[int]) -> None:
    turn = itertools.cycle(backends)

    async def handle(
        client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter
    ) -> None:
        try:
            backend_reader, backend_writer = await asyncio.open_connection(HOST, next(turn))
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            pipe(client_reader, backend_writer), pipe(backend_reader, client_writer)
        )

    server = await asyncio.start_server(handle, HOST, port, backlog=4096)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--backends", required=True, help="ports, comma-separated")
    options = parser.parse_args()
    asyncio.run(serve(options.port, [int(port) for port in options.backends.split(",")]))


if __name__ == "__main__":
    main()
