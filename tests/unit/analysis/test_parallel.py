"""A long document shared with a helper process gives exactly what one process gives."""

from concurrent.futures import Future

import pytest

from caveat.analysis import parallel
from caveat.analysis import run as analyze_module
from caveat.analysis.chunks import chunked
from caveat.analysis.run import analyze
from caveat.document import Block, Document


@pytest.fixture(scope="module")
def spawned_helper():
    # spawn, not fork: GUI tests in the same session may have started Qt threads.
    helper = parallel.HelperProcess(start_method="spawn")
    helper.warming.result(timeout=120)
    yield helper
    helper.close()


def _long_document(bundled_sample) -> Document:
    paragraphs = [p for p in bundled_sample.read_text(encoding="utf-8").split("\n\n") if p]
    text = "\n\n".join(paragraphs * 6)
    blocks, pos = [], 0
    for part in text.split("\n\n"):
        blocks.append(Block(pos, pos + len(part)))
        pos += len(part) + 2
    return Document(text, tuple(blocks), "txt")


def test_shared_run_equals_single_process_run(
    spawned_helper, pipeline, bundled_sample, monkeypatch
):
    monkeypatch.setattr(parallel, "_shared", spawned_helper)
    monkeypatch.setattr(analyze_module, "HELPER_ABOVE_WORDS", 500)
    monkeypatch.setattr(analyze_module, "CHUNK_WORDS", 200)
    document = _long_document(bundled_sample)
    alone = analyze(document, pipeline=pipeline, use_cache=False, parallel=False)
    shared = analyze(document, pipeline=pipeline, use_cache=False, parallel=True)
    assert shared.all_findings() == alone.all_findings()
    assert shared.block_metrics == alone.block_metrics
    assert shared.metrics == alone.metrics
    assert len(alone.all_findings()) > 50


def test_chunks_cover_every_block_once_in_order(bundled_sample):
    document = _long_document(bundled_sample)
    indices = list(range(len(document.blocks)))
    chunks = chunked(indices, document, 300, smallest=100)
    assert [i for chunk in chunks for i in chunk] == indices
    assert len(chunks) > 3


def test_chunks_are_smallest_where_the_two_processes_meet():
    paragraph = "one two three four five six seven eight nine ten"
    text = "\n\n".join([paragraph] * 5000)
    step = len(paragraph) + 2
    blocks = tuple(Block(n * step, n * step + len(paragraph)) for n in range(5000))  # 10 words
    document = Document(text, blocks, "txt")
    sizes = [10 * len(c) for c in chunked(range(5000), document, 2000, smallest=400)]
    assert sum(sizes) == 50_000
    assert sizes[:5] == sizes[-6:-1] == [2000] * 5  # at either end (the last: what is left)
    smallest = [k for k, size in enumerate(sizes) if size == 400]
    assert len(smallest) > 3
    for k in smallest:  # around the middle of the words
        assert abs(sum(sizes[:k]) - 25_000) <= 2000
    first, last = smallest[0], smallest[-1]
    assert sizes[:first] == sorted(sizes[:first], reverse=True)  # shrinking towards it
    assert sizes[last:-1] == sorted(sizes[last:-1])  # and growing after


def test_cancel_stops_a_shared_run(spawned_helper, pipeline, bundled_sample, monkeypatch):
    monkeypatch.setattr(parallel, "_shared", spawned_helper)
    monkeypatch.setattr(analyze_module, "HELPER_ABOVE_WORDS", 500)
    monkeypatch.setattr(analyze_module, "CHUNK_WORDS", 200)
    result = analyze(
        _long_document(bundled_sample), pipeline=pipeline, use_cache=False, cancelled=lambda: True
    )
    assert result.cancelled


class _FakeHelper:
    """Stands for the helper process: its futures finish only when the test says so."""

    def __init__(self) -> None:
        self.futures: list[tuple[list[int], Future]] = []

    def analyse(self, layers, indices, measure=True):
        future: Future = Future()
        self.futures.append((indices, future))
        return future

    def finish_one(self) -> None:
        """Do the next chunk the helper would take: the last one not taken back."""
        for indices, future in self.futures:  # submitted from the back of the document
            if not future.done() and future.set_running_or_notify_cancel():
                future.set_result([f"helper {i}" for i in indices])
                return


def test_the_helpers_chunks_arrive_as_they_are_done_not_all_at_the_end():
    helper = _FakeHelper()
    chunks = [[0], [1], [2], [3], [4], [5]]
    events = []

    def run_here(group):
        events.append(("here", group))
        helper.finish_one()  # meanwhile the helper finishes a chunk of its own
        return True

    rest = parallel.share_work(
        helper, ("hedge",), chunks, run_here, take=1, arrived=lambda r: events.append(r)
    )
    assert events == [
        ("here", [0]),
        ["helper 5"],
        ("here", [1]),
        ["helper 4"],
        ("here", [2]),
        ["helper 3"],
    ]
    assert rest == []


_FORKED_HELPER_SCRIPT = """
import sys
from caveat.analysis.parallel import HelperProcess
from caveat.analysis.pipeline.blocks import iter_block_results
from caveat.analysis.pipeline.load import load_pipeline
from caveat.document import Block, Document

class Unpicklable(Document):
    def __reduce__(self):
        raise AssertionError("the document was pickled for the helper")

text = "\\n\\n".join(["Officials said about 3,800 people may have left."] * 50)
blocks = tuple(Block(n * 51, n * 51 + 49) for n in range(50))
document = Unpicklable(text, blocks, "txt")
nlp, _info = load_pipeline("rules")
helper = HelperProcess("rules", start_method="fork", inherit=document)
helper.warming.result(timeout=60)
helper.receive(document)
there = helper.analyse(("hedge",), list(range(50))).result(timeout=60)
here = list(iter_block_results(document, ("hedge",), nlp))
assert [r.findings for r in there] == [r.findings for r in here], "results differ"
assert here[0].findings
other = Document(text.replace("about", "perhaps"), blocks, "txt")  # the next one is sent
helper.receive(other)
there = helper.analyse(("hedge",), [0]).result(timeout=60)
here = list(iter_block_results(other, ("hedge",), nlp, [0]))
assert [r.findings for r in there] == [r.findings for r in here]
helper.close()
print("ok")
"""


def test_a_forked_helper_uses_the_document_it_inherited_without_a_copy():
    # In a fresh process: this one may run Qt's threads, which make fork unsafe.
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _FORKED_HELPER_SCRIPT], capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


_WARMED_HELPER_SCRIPT = """
from caveat.analysis.parallel import HelperProcess
from caveat.analysis.pipeline import blocks
from caveat.analysis.pipeline.load import load_pipeline
from caveat.layers import layer_ids

nlp, _info = load_pipeline("rules")
blocks.warm_up(nlp, layer_ids())

def again(*args, **kwargs):
    raise AssertionError("warmed up again")

blocks.iter_block_results = again  # what the forked helper inherits
helper = HelperProcess("rules", start_method="fork")
helper.warming.result(timeout=60)
helper.close()
print("ok")
"""


def test_a_helper_forked_after_the_warm_up_does_not_warm_up_again():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _WARMED_HELPER_SCRIPT], capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_a_warm_up_runs_once_per_pipeline_and_layers(rules_pipeline, monkeypatch):
    from caveat.analysis.pipeline import blocks

    nlp, _info = rules_pipeline
    real = blocks.iter_block_results
    runs: list[tuple[str, ...]] = []

    def counted(document, layers, nlp, *args, **kwargs):
        runs.append(tuple(layers))
        return real(document, layers, nlp, *args, **kwargs)

    monkeypatch.setattr(blocks, "iter_block_results", counted)
    monkeypatch.setattr(blocks, "_warmed", blocks.WeakKeyDictionary())
    blocks.warm_up(nlp, ("hedge",))
    blocks.warm_up(nlp, ("hedge",))
    blocks.warm_up(nlp, ("hedge",), measure=False)  # measured already
    blocks.warm_up(nlp, ("hedge", "number"), measure=False)
    blocks.warm_up(nlp, ("hedge", "number"))  # now with the readability
    assert runs == [("hedge",), ("hedge", "number"), ("hedge", "number")]


_MEASURED_EARLY_SCRIPT = """
import sys
from caveat.analysis.readability.early import early_readability
from caveat.analysis.run import HELPER_ABOVE_WORDS
from caveat.document import Block, Document

paragraph = "Officials said about 3,800 people may have left, a study suggests. It is unclear."
count = HELPER_ABOVE_WORDS // 14 + 50
text = "\\n\\n".join(f"{paragraph} Part {n}." for n in range(count))
blocks, pos = [], 0
for part in text.split("\\n\\n"):
    blocks.append(Block(pos, pos + len(part)))
    pos += len(part) + 2
document = Document(text, tuple(blocks), "txt")
with early_readability(document) as early:
    from caveat.analysis.run import analyze

    shared = analyze(document, model="rules", use_cache=False, readability=early)
assert "textstat" not in sys.modules, "this process measured readability"
alone = analyze(document, model="rules", use_cache=False, parallel=False)
assert shared.all_findings() == alone.all_findings(), "findings differ"
assert shared.block_metrics == alone.block_metrics, "block metrics differ"
assert shared.metrics == alone.metrics, "metrics differ"
print("ok")
"""


def test_a_long_document_measured_early_is_analysed_as_by_one_process():
    # In a fresh process, as the command line runs: this one may run Qt's threads.
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _MEASURED_EARLY_SCRIPT], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
