"""Golden tables for the canonical JSON codec, generated with CPython's json module and repr().

Run: python3 tools/golden/json_golden.py worldforge-core/src/test/resources/ai/worldforge/json
"""
import json
import math
import random
import struct
import sys
from pathlib import Path


def bits(x):
    return struct.unpack(">Q", struct.pack(">d", x))[0]


def floats():
    rnd = random.Random(20261124)
    values = [0.0, -0.0, 5e-324, -5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 1e-5, 1e-4,
              9.999999999999999e-05, 1e15, 1e16, 9999999999999998.0, 0.1 + 0.2, 0.1, 1.0, 100.0, 123456789.0,
              1234567890123456.0, 12345678901234567.0, 1.152921504606847e18, 0.15000000000000002, 2.5, -1.5]
    for e in range(-330, 311):
        try:
            v = float(f"1e{e}")
        except OverflowError:
            continue
        if v == 0.0 or math.isinf(v):
            continue
        values += [v, math.nextafter(v, 0.0), math.nextafter(v, math.inf)]
        for d in (2, 3, 5, 7, 9):
            w = float(f"{d}e{e}")
            if w != 0.0 and not math.isinf(w):
                values.append(w)
    for p in range(0, 61):
        values += [float(2 ** p), float(2 ** p + 1), -float(2 ** p)]
    while len(values) < 22000:
        kind = rnd.randrange(4)
        if kind == 0:
            v = struct.unpack(">d", struct.pack(">Q", rnd.getrandbits(64)))[0]
        elif kind == 1:
            v = round(rnd.uniform(-1000, 1000), rnd.randrange(0, 8))
        elif kind == 2:
            v = rnd.uniform(-1, 1) * 10 ** rnd.randrange(-30, 30)
        else:
            v = rnd.randrange(1, 10) * 10.0 ** rnd.randrange(-320, 300)
        if math.isfinite(v):
            values.append(v)
    return values


def documents():
    docs = [
        '{"b":1,"a":[1,2.5,-0.0,1e-05],"c":{"z":null,"y":true,"x":false}}',
        '{"text":"caf\\u00e9 \\u2713 \\ud83d\\ude00 tab\\there \\"quoted\\" back\\\\slash \\/ \\u007f \\u0001"}',
        '{"dup":1,"other":2,"dup":3}',
        '[123456789012345678901234567890, -1, 0, 1.0, 1e16, 1e+300, 0.30000000000000004]',
        '{"nested":{"deep":{"deeper":[{"k":"v"},[],{}]}},"empty":""}',
        '{"\\u00e9":1,"e":2,"E":3,"_":4,"a b":5}',
        '"just a string"',
        '3.14159',
        '[]',
        '{}',
    ]
    rnd = random.Random(7)
    def value(depth):
        kind = rnd.randrange(7 if depth < 4 else 4)
        if kind == 0:
            return rnd.choice(["", "x", "é", "ü🙂", "tab\t", "q\"", "\\", "\u2028", "z" * 30])
        if kind == 1:
            return rnd.randrange(-10 ** 20, 10 ** 20)
        if kind == 2:
            return rnd.uniform(-1e6, 1e6) * 10 ** rnd.randrange(-20, 20)
        if kind == 3:
            return rnd.choice([True, False, None])
        if kind == 4:
            return [value(depth + 1) for _ in range(rnd.randrange(4))]
        return {rnd.choice(["a", "b", "é", "Z", "key", "k2", "_"]) + str(i): value(depth + 1) for i in range(rnd.randrange(4))}
    for _ in range(300):
        docs.append(json.dumps(value(0), ensure_ascii=bool(rnd.randrange(2))))
    return docs


def main(out_dir):
    out = Path(out_dir)
    with open(out / "float-repr-golden.txt", "w", encoding="ascii") as f:
        for v in floats():
            f.write(f"{bits(v):016x} {v!r}\n")
    docs = documents()
    (out / "canonical-input.txt").write_text("\n".join(docs) + "\n", encoding="utf-8")
    canonical = [json.dumps(json.loads(d), sort_keys=True, separators=(",", ":"), allow_nan=False) for d in docs]
    (out / "canonical-expected.txt").write_text("\n".join(canonical) + "\n", encoding="ascii")
    pretty = [json.dumps(json.loads(d), sort_keys=True, indent=2) for d in docs]
    (out / "pretty-expected.txt").write_text("\n----\n".join(pretty) + "\n", encoding="ascii")


if __name__ == "__main__":
    main(sys.argv[1])
