"""Worker liveness: proof that a Celery worker still takes messages off the broker and runs them.

A worker can stay up while it no longer consumes: Celery workers were reported to go quiet after
a Redis reconnect (celery/celery#8030, #8384, #9054; fixed in kombu 5.4 by celery/kombu#2007),
and a connection the network drops without a reset looks the same. A live process, an open port
or an answer to a remote-control ping do not show that, so the check goes end to end:

1. Each worker, once ready, also consumes a queue of its own, ``worker-health.<nodename>``
   (`_consume_own_queue` below). It is added to the app's selected queues, so the consumer the
   worker rebuilds after a broker reconnect consumes it again.
2. ``manage.py worker_health`` sends a probe task (claims.tasks.worker_probe) to that queue,
   unless one is already waiting there (at most one probe waits per worker), and waits a few
   seconds for it to run.
3. The worker runs the probe like any task; the probe writes the time, by the Redis server's
   clock, to ``tracker:worker-heartbeat:<nodename>``.
4. The worker is healthy when that time is recent: within ``max_age`` seconds, by default the
   hard time limit plus a minute, because a busy worker takes the probe only once a pool slot
   frees and a task holds a slot for at most CELERY_TASK_TIME_LIMIT seconds.

With Redis unreachable the check fails (the worker cannot consume either); orchestrators should
allow a few failed checks before acting (docs/OPERATIONS.md).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from celery.signals import worker_ready
from django.conf import settings

HEARTBEAT_TTL = 24 * 3600  # a worker that is gone leaves no key behind for long


def probe_queue(node: str) -> str:
    """The queue only `node` (a worker's nodename, "celery@host") consumes."""
    return f"worker-health.{node}"


def heartbeat_key(node: str) -> str:
    return f"tracker:worker-heartbeat:{node}"


def default_max_age() -> float:
    return float(settings.CELERY_TASK_TIME_LIMIT + 60)


def _redis():
    import redis

    if not settings.REDIS_URL:
        raise RuntimeError("REDIS_URL is not set: tasks run in-process and there is no worker")
    return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3, socket_timeout=5)


def _server_time(client) -> float:
    seconds, micros = client.time()
    return seconds + micros / 1_000_000


def heartbeat_record(node: str) -> None:
    """Called by the probe task in the worker: `node` ran a probe now."""
    client = _redis()
    client.set(heartbeat_key(node), repr(_server_time(client)), ex=HEARTBEAT_TTL)


def heartbeat_age(node: str, client=None) -> float | None:
    """Seconds since `node` last ran a probe; None if it never did (or Redis lost the key)."""
    client = client or _redis()
    value = client.get(heartbeat_key(node))
    if value is None:
        return None
    return max(0.0, _server_time(client) - float(value))


def probe_send(node: str, client=None) -> bool:
    """Sends a probe to `node`'s own queue unless one already waits there; True if sent."""
    from claims import tasks  # tasks import this module

    client = client or _redis()
    queue = probe_queue(node)
    # kombu's Redis transport keeps a queue's messages of the default priority in a list named
    # after the queue.
    if client.llen(queue):
        return False
    tasks.worker_probe.apply_async(queue=queue)
    return True


@dataclass(frozen=True, slots=True)
class WorkerHealth:
    """What one check found out about one worker."""

    node: str
    age: float | None  # seconds since the worker last ran a probe
    max_age: float
    probe_sent: bool
    error: str = ""

    @property
    def healthy(self) -> bool:
        return not self.error and self.age is not None and self.age <= self.max_age

    def describe(self) -> str:
        if self.error:
            return f"{self.node}: cannot check: {self.error}"
        if self.age is None:
            return f"{self.node} has not run a health probe yet"
        state = "healthy" if self.healthy else f"stale (limit {self.max_age:.0f} s)"
        return f"{self.node} ran a health probe {self.age:.1f} s ago: {state}"


def worker_check(
    node: str, *, max_age: float | None = None, wait: float = 5.0, sleep=time.sleep
) -> WorkerHealth:
    """Sends `node` a probe and reports how recently it ran one (waiting up to `wait` seconds
    for this probe when the last one is not recent enough)."""
    max_age = default_max_age() if max_age is None else max_age
    try:
        client = _redis()
        sent = probe_send(node, client)
        deadline = time.monotonic() + wait
        age = heartbeat_age(node, client)
        # A fresh answer is better than an old one that is still within the limit, but a busy
        # worker must not be waited for: stop as soon as the probe ran or the time is up.
        while (age is None or age > min(max_age, wait)) and time.monotonic() < deadline:
            sleep(0.2)
            age = heartbeat_age(node, client)
    except Exception as exc:  # noqa: BLE001 - any failure to reach the broker is the answer
        return WorkerHealth(node, None, max_age, False, error=f"{type(exc).__name__}: {exc}")
    return WorkerHealth(node, age, max_age, sent)


@worker_ready.connect(weak=False, dispatch_uid="claims.health.consume_own_queue")
def _consume_own_queue(sender, **kwargs) -> None:
    # `sender` is the worker's consumer; its hostname is the nodename (celery@host).
    sender.add_task_queue(probe_queue(sender.hostname))
