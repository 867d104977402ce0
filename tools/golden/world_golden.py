"""Builds world files exactly as worldforge-ai 0.5.0's World.to_dict()/dump_json would, for the
byte-identity tests of the Java port. The dict layout follows upstream-core.md §2 (snapshot keys,
history entries, SceneObject.to_dict with identity rotation, action_json = canonical Action JSON).

Run: python3 tools/golden/world_golden.py worldforge-core/src/test/resources/ai/worldforge/store
"""
import json
import sys
from pathlib import Path


def dump(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)


def pos(x, y, z):
    return {"x": float(x), "y": float(y), "z": float(z)}


def obj(oid, name, p, half=0.05, graspable=False, metadata=None):
    return {
        "id": oid,
        "name": name,
        "pose": {"position": pos(*p), "rotation": {"w": 1.0, "x": 0.0, "y": 0.0, "z": 0.0}},
        "bbox": {"min": pos(p[0] - half, p[1] - half, p[2] - half), "max": pos(p[0] + half, p[1] + half, p[2] + half)},
        "is_graspable": graspable,
        "metadata": metadata or {},
    }


def snapshot(wid, name, step, objects, metadata, description="", provider="mock"):
    return {
        "schema_version": 1,
        "id": wid,
        "name": name,
        "provider": provider,
        "description": description,
        "step": step,
        "scene": {"objects": {o["id"]: o for o in objects}},
        "metadata": metadata,
    }


def action(kind, params):
    return dump({"type": kind, "parameters": params})


def main(out_dir):
    out = Path(out_dir)
    wid = "world_0123456789ab"
    name = "Démo “kitchen” ✓"
    meta = {"name": name, "owner": "lab-7", "weights": [1, 2.5, 1e-05, 1e16, 0.1 + 0.2]}
    objects = []
    history = [{"step": 0, "state": snapshot(wid, name, 0, [], dict(meta)), "summary": "world initialized", "action_json": None}]
    specs = [
        ("cube-1", "cube", (0.0, 0.5, 0.0), False, {}),
        ("mug", "mug ☕", (0.1, 0.8, -0.3), True, {"color": "blue", "mass_kg": 0.35, "tags": ["ceramic", 3]}),
        ("tiny", "tiny\ttab", (1e-07, 123456789.0, -2.5), False, {}),
    ]
    for oid, oname, p, g, m in specs:
        o = obj(oid, oname, p, graspable=g, metadata=m)
        objects.append(o)
        history.append({
            "step": 0,
            "state": snapshot(wid, name, 0, list(objects), dict(meta)),
            "summary": f"added object {oid}",
            "action_json": action("add_object", {"object": o}),
        })
    world = snapshot(wid, name, 0, list(objects), dict(meta))
    world["history"] = history
    (out / "golden-world.json").write_text(dump(world), encoding="ascii")
    (out / "golden-export.json").write_text(dump({"schema_version": 1, "state": world}), encoding="ascii")


if __name__ == "__main__":
    main(sys.argv[1])
