"""Where batches run: worker processes on this machine, or a Dask cluster.

Both engines take a batch (a list of ArticleInput) and give back a future of its BatchResult.
A batch whose worker died raises WorkerLost from `result()`; the run sends it again (Dask has
already tried it on other workers by then), and then article by article, so an article that
kills its worker costs only itself. Any other failure of the engine is an EngineError.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Collection, Sequence
from concurrent import futures
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any, Protocol

from caveat import __version__
from caveat.batch.work import ArticleInput, BatchOptions, BatchResult, analyse_batch, worker_version


class WorkerLost(Exception):
    """The worker running a batch stopped (killed, out of memory, crashed)."""


class EngineError(Exception):
    """The engine cannot run the work (no scheduler, Caveat missing on the workers...)."""


class Engine(Protocol):
    #: how many times a lost batch is sent again before it is split into single articles
    retries: int

    def slots(self) -> int:
        """How many batches to keep sent at once: enough to keep every worker busy."""
        ...

    def describe(self) -> str: ...

    def submit(self, batch: Sequence[ArticleInput], options: BatchOptions) -> Any: ...

    def wait(self, pending: Collection[Any]) -> set[Any]:
        """The futures of `pending` that are done, waiting for at least one."""
        ...

    def result(self, future: Any) -> BatchResult: ...

    def close(self) -> None: ...


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"


# --- local processes ------------------------------------------------------------------------


def _watch_parent(parent: int) -> None:
    # A worker must not outlive the run that started it (killed with SIGKILL, say).
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _init_local_worker(parent: int) -> None:
    # Ctrl+C reaches the whole process group: the run stops the workers itself, and a worker's
    # own KeyboardInterrupt would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


class LocalEngine:
    """Worker processes on this machine (spawned: the sending process has threads)."""

    retries = 3  # a broken pool fails every batch in flight, not only the culprit's

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: futures.ProcessPoolExecutor | None = None
        self._pool_of: dict[futures.Future, futures.ProcessPoolExecutor] = {}

    def _current(self) -> futures.ProcessPoolExecutor:
        if self._pool is None:
            self._pool = futures.ProcessPoolExecutor(
                self.workers,
                mp_context=get_context("spawn"),
                initializer=_init_local_worker,
                initargs=(os.getpid(),),
            )
        return self._pool

    def _restart(self, broken: futures.ProcessPoolExecutor) -> None:
        if self._pool is broken:
            broken.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def slots(self) -> int:
        return 2 * self.workers

    def describe(self) -> str:
        return f"{self.workers} local worker process{'es' if self.workers > 1 else ''}"

    def submit(self, batch: Sequence[ArticleInput], options: BatchOptions) -> futures.Future:
        pool = self._current()
        try:
            future = pool.submit(analyse_batch, list(batch), options)
        except BrokenProcessPool:
            self._restart(pool)
            pool = self._current()
            future = pool.submit(analyse_batch, list(batch), options)
        self._pool_of[future] = pool
        return future

    def wait(self, pending: Collection[futures.Future]) -> set[futures.Future]:
        done, _ = futures.wait(pending, return_when=futures.FIRST_COMPLETED)
        return set(done)

    def result(self, future: futures.Future) -> BatchResult:
        pool = self._pool_of.pop(future)
        try:
            return future.result()
        except (BrokenProcessPool, futures.CancelledError) as exc:
            self._restart(pool)
            raise WorkerLost(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - anything else stops the run, named
            raise EngineError(f"a worker process failed ({_one_line(exc)})") from None

    def close(self) -> None:
        """Stop the workers now: what they are doing is not waited for (a run stopped early
        has written all it finished; a run that ended has nothing left in flight)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        stop = getattr(pool, "terminate_workers", None)
        if stop is not None:  # Python 3.14 and later
            stop()
            return
        # Before 3.14 ProcessPoolExecutor has no public way to stop busy workers: its process
        # table (taken before shutdown() forgets it) is the only handle on them.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)


# --- Dask -------------------------------------------------------------------------------------


#: how long to try reaching a scheduler before saying it cannot be reached
CONNECT_TIMEOUT = "15s"


class DaskEngine:
    """A Dask cluster: the scheduler at `address`, or a local cluster of `workers` processes
    with one thread each (the analysis holds the GIL: threads would only take turns)."""

    retries = 1  # Dask itself re-runs a lost task on other workers before it says so

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        import dask
        from distributed import Client, LocalCluster

        self.address = address
        self.cluster: Any = None
        try:
            if address:
                self.client = Client(address, timeout=CONNECT_TIMEOUT)
            else:
                # Ctrl+C reaches the whole process group: the run stops the cluster itself, and
                # workers that inherit an ignored SIGINT print no tracebacks of their own.
                # A worker samples its threads' stacks every 10 ms for a dashboard nobody sees
                # here: about 10 % of a worker's time on this analysis, measured.
                previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
                try:
                    with dask.config.set({"distributed.worker.profile.enabled": False}):
                        self.cluster = LocalCluster(
                            n_workers=workers or os.cpu_count() or 1,
                            threads_per_worker=1,
                            processes=True,
                            host="127.0.0.1",
                            dashboard_address="127.0.0.1:0",  # no dashboard on the network
                            silence_logs=logging.ERROR,
                        )
                finally:
                    signal.signal(signal.SIGINT, previous)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            where = f"the Dask scheduler at {address}" if address else "a local Dask cluster"
            raise EngineError(f"cannot reach {where} ({_one_line(exc)})") from None
        self._check_workers()
        self._slots = (0, 0.0)

    def _check_workers(self) -> None:
        try:
            versions = self.client.run(worker_version)
        except Exception as exc:  # noqa: BLE001 - e.g. caveat is not installed on a worker
            self.close()
            raise EngineError(
                f"the Dask workers cannot run Caveat ({_one_line(exc)}): install the same "
                "Caveat on every worker"
            ) from None
        other = sorted({v for v in versions.values() if v != __version__})
        if other:
            print(
                f"caveat: note: some Dask workers run Caveat {', '.join(other)}, "
                f"this is {__version__}; each article's row says which version analysed it",
                file=sys.stderr,
            )

    def slots(self) -> int:
        count, asked = self._slots
        if time.monotonic() - asked > 5:  # workers come and go on a real cluster
            count = sum(self.client.nthreads().values())
            self._slots = (count, time.monotonic())
        return max(2, 2 * count)

    def describe(self) -> str:
        workers = len(self.client.nthreads())
        where = f"the Dask cluster at {self.address}" if self.address else "a local Dask cluster"
        return f"{where} ({workers} worker{'s' if workers != 1 else ''})"

    def submit(self, batch: Sequence[ArticleInput], options: BatchOptions) -> Any:
        return self.client.submit(analyse_batch, list(batch), options, pure=False)

    def wait(self, pending: Collection[Any]) -> set[Any]:
        from distributed import wait

        return set(wait(list(pending), return_when="FIRST_COMPLETED").done)

    def result(self, future: Any) -> BatchResult:
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker as exc:
            raise WorkerLost(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - anything else stops the run, named
            raise EngineError(f"a Dask worker failed ({_one_line(exc)})") from None
        finally:
            future.release()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
