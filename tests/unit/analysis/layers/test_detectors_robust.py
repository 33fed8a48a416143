"""No text makes a detector crash: odd digits, symbols, quotes and scripts from real documents."""

import random

import pytest

ODD_TEXTS = [
    "The area is 5 km² and ² stands alone.",
    "About ³ of voters said ٣٤ maybe; in ١٩٩٠ it was 40 percent.",
    "It costs ½ of it, or ⅔, or 1⁄4.",
    "\"\" '' “ ” ‘ ’ « » „ “",
    "$ € £ % %% $$ 3$ $3.5bn 1,,000 1.2.3 ...",
    "May may MAY could? Could! about— about about 10 about.",
    "🙂 may be 50 % 😀😀 perhaps 🙃",
    "数字 100 パーセント might 2020年",
    "\u00a0\u00a0may\u2009be\u200b 3\u202f000 people",
    "-",
    "(",
    "[3] (Smith, 2020) [",
]


def _random_texts(count: int, seed: int = 7) -> list[str]:
    pool = "abc may could 3 40 % $ , . “ ” \" ' ( ) [ ] ² ½ - — will wants theory \n about "
    rng = random.Random(seed)
    words = pool.split(" ")
    return [" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(count)]


@pytest.mark.parametrize("which", ["model", "rules"])
def test_detectors_survive_odd_text(which, pipeline, rules_pipeline):
    nlp, _info = pipeline if which == "model" else rules_pipeline
    for doc in nlp.pipe(ODD_TEXTS + _random_texts(300)):
        for layer in ("hedge", "number", "speculation"):
            for span in doc.spans[layer]:
                assert 0 <= span.start_char < span.end_char <= len(doc.text)
