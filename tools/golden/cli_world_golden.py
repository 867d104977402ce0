"""World file the reference CLI (worldforge-ai 0.5.0) writes after this command sequence, built
from the reference's rules (upstream-core.md §2 and §4.1, upstream-cli.md §2.5) with its own float
arithmetic, for the byte-identity test of the Java CLI. The world id is the placeholder
world_0123456789ab; the test substitutes the id the CLI generated.

  world create lab --description "bench top"
  world add-object <id> red_mug --x 0 --y 0.8 --z 0 --object-id mug-1 --size 0.2 --graspable
      --metadata '{"material":"ceramic","mass_kg":0.35}'
  world add-object <id> cube --x 0.3 --y 0.05 --z -0.1 --object-id cube-1
  world update-object <id> mug-1 --name coffee_mug --x 0.25 --y 0.8 --z 0.05 --graspable false
  world remove-object <id> cube-1

Run: python3 tools/golden/cli_world_golden.py worldforge-cli/src/test/resources/ai/worldforge/cli/golden
"""
import json
import sys
from pathlib import Path


def dump(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)


def pos(x, y, z):
    return {"x": float(x), "y": float(y), "z": float(z)}


def cube(oid, name, p, size, graspable, metadata):
    half = size / 2.0  # the CLI's _bbox_around
    return {
        "id": oid,
        "name": name,
        "pose": {"position": pos(*p), "rotation": {"w": 1.0, "x": 0.0, "y": 0.0, "z": 0.0}},
        "bbox": {
            "min": pos(p[0] - half, p[1] - half, p[2] - half),
            "max": pos(p[0] + half, p[1] + half, p[2] + half),
        },
        "is_graspable": graspable,
        "metadata": metadata,
    }


def translated(obj, p):
    """SceneObject._bbox_translated_to: shift both corners by the position delta."""
    old = obj["pose"]["position"]
    dx, dy, dz = p[0] - old["x"], p[1] - old["y"], p[2] - old["z"]
    bbox = obj["bbox"]
    return {
        "min": pos(bbox["min"]["x"] + dx, bbox["min"]["y"] + dy, bbox["min"]["z"] + dz),
        "max": pos(bbox["max"]["x"] + dx, bbox["max"]["y"] + dy, bbox["max"]["z"] + dz),
    }


def main(out_dir):
    wid = "world_0123456789ab"
    name = "lab"
    meta = {"name": name}
    objects = {}

    def snapshot():
        return {
            "schema_version": 1,
            "id": wid,
            "name": name,
            "provider": "mock",
            "description": "bench top",
            "step": 0,
            "scene": {"objects": json.loads(json.dumps(objects))},
            "metadata": dict(meta),
        }

    def record(summary, kind, params):
        history.append({
            "step": 0,
            "state": snapshot(),
            "summary": summary,
            "action_json": dump({"type": kind, "parameters": params}),
        })

    history = [{"step": 0, "state": snapshot(), "summary": "world initialized", "action_json": None}]

    mug = cube("mug-1", "red_mug", (0.0, 0.8, 0.0), 0.2, True, {"material": "ceramic", "mass_kg": 0.35})
    objects["mug-1"] = mug
    record("added object mug-1", "add_object", {"object": mug})

    box = cube("cube-1", "cube", (0.3, 0.05, -0.1), 0.1, False, {})
    objects["cube-1"] = box
    record("added object cube-1", "add_object", {"object": box})

    before = json.loads(json.dumps(mug))
    target = (0.25, 0.8, 0.05)
    after = json.loads(json.dumps(mug))
    after["name"] = "coffee_mug"
    after["bbox"] = translated(mug, target)
    after["pose"]["position"] = pos(*target)
    after["is_graspable"] = False
    objects["mug-1"] = after
    changes = {"name": "coffee_mug", "position": pos(*target), "is_graspable": False}
    record("updated object mug-1", "update_object",
           {"object_id": "mug-1", "changes": changes, "before": before, "after": after})

    removed = objects.pop("cube-1")
    record("removed object cube-1", "remove_object", {"object_id": "cube-1", "object": removed})

    world = snapshot()
    world["history"] = history
    Path(out_dir, "cli-lifecycle-world.json").write_text(dump(world), encoding="ascii")
    Path(out_dir, "cli-lifecycle-export.json").write_text(
        dump({"schema_version": 1, "state": world}) + "\n", encoding="ascii")


if __name__ == "__main__":
    main(sys.argv[1])
