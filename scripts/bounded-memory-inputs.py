#!/usr/bin/env python3
"""Writes the pathological and long articles of docs/bounded-memory.md into OUT (never commit them).

usage: scripts/bounded-memory-inputs.py CASIE_ANNOTATION_DIR OUT [MEGABYTES]
  news.txt         CASIE article texts joined by blank lines, repeated up to MEGABYTES (default 10) MB
  news-parts/      the same articles, one file each (for the linear-time comparison)
  token.txt        a single 2,000,000-character token (base64 of pseudo-random bytes)
  punctuation.txt  1,000,000 characters of punctuation, a blank every few characters
  nested.html      HTML nested 100,000 deep around one sentence (nested.txt: the same bytes as plain text)
  lines.txt        1,000,000 one-character lines
  oversize.txt     21 MB of text (past the 20 MB limit)
"""
import base64, glob, json, os, random, sys

src, out = sys.argv[1], sys.argv[2]
megabytes = float(sys.argv[3]) if len(sys.argv) > 3 else 10
os.makedirs(os.path.join(out, "news-parts"), exist_ok=True)
rng = random.Random(23)

texts = []
for f in sorted(glob.glob(os.path.join(src, "*.json"))):
    try:
        texts.append(json.load(open(f, encoding="utf-8"))["content"])
    except Exception:
        pass
limit, total, parts = int(megabytes * 1_000_000), 0, []
while total < limit:
    for t in texts:
        if total >= limit:
            break
        parts.append(t)
        total += len(t.encode("utf-8")) + 2
with open(os.path.join(out, "news.txt"), "w", encoding="utf-8") as f:
    f.write("\n\n".join(parts))
for i, t in enumerate(parts):
    with open(os.path.join(out, "news-parts", "p%05d.txt" % i), "w", encoding="utf-8") as f:
        f.write(t)

with open(os.path.join(out, "token.txt"), "w") as f:
    f.write(base64.b64encode(rng.randbytes(1_500_000)).decode()[:2_000_000])

punct = "!?.,;:-_*#@%&()[]{}<>/\\|'\"~^=+"
with open(os.path.join(out, "punctuation.txt"), "w") as f:
    chars = []
    for i in range(1_000_000):
        r = rng.random()
        chars.append(" " if r < 0.08 else "\n" if r < 0.09 else rng.choice(punct))
    f.write("".join(chars))

nested = "<html><body>" + "<div>" * 100_000 + "Hackers stole 2 million card numbers from Acme Corp." \
    + "</div>" * 100_000 + "</body></html>"
for name in ("nested.html", "nested.txt"):
    with open(os.path.join(out, name), "w") as f:
        f.write(nested)

with open(os.path.join(out, "lines.txt"), "w") as f:
    f.write("".join(chr(97 + i % 26) + "\n" for i in range(1_000_000)))

with open(os.path.join(out, "oversize.txt"), "w") as f:
    line = "The attackers encrypted the files and demanded a ransom. " * 10 + "\n"
    f.write(line * (21 * 1024 * 1024 // len(line) + 1))
print("wrote %d news articles (%d bytes joined) and the pathological inputs to %s" % (len(parts), total, out))
