#!/usr/bin/env python3
"""Votes over several models' predicted events, offline: what an ensemble of them might give.

usage: NEED=k scripts/vote-ensemble.py OUT PRED_DIR...
Each PRED_DIR holds one CASIE JSON per document (`casie evaluate --report DIR` writes DIR/predictions).
A trigger (start, end, subtype) is kept when at least NEED members predict it (default: a majority); an
argument of a kept trigger when most of the members that predicted the trigger have it. Score OUT with
`scripts/casie score GOLD_DIR OUT`. Hoppers are not voted (one event per hopper)."""
import json, os, sys
from collections import Counter, defaultdict
out, dirs = sys.argv[1], sys.argv[2:]
need = int(os.environ.get("NEED", len(dirs) // 2 + 1))
os.makedirs(out, exist_ok=True)
for name in sorted(os.listdir(dirs[0])):
    docs = [json.load(open(os.path.join(d, name))) for d in dirs]
    trig = Counter(); args = defaultdict(Counter); meta = {}
    for d in docs:
        seen = set()
        for h in d['cyberevent'].get('hopper', []):
            for e in h['events']:
                n = e['nugget']; key = (n['startOffset'], n['endOffset'], e['subtype'])
                if key in seen: continue
                seen.add(key); trig[key] += 1; meta.setdefault(key, e)
                for a in {(a['startOffset'], a['endOffset'], a['role']['type'], a.get('type'), a['text']) for a in e.get('argument', [])}:
                    args[key][a] += 1
    events = []
    for key, votes in trig.items():
        if votes < need: continue
        e = dict(meta[key]); k = votes // 2 + 1 if votes > 2 else 1
        e['argument'] = [{'startOffset': s, 'endOffset': t, 'role': {'type': r}, 'type': ty, 'text': tx}
                         for (s, t, r, ty, tx), c in args[key].items() if c >= k]
        events.append(e)
    d = docs[0]; d['cyberevent'] = {'hopper': [{'relation': 'Same', 'index': i, 'events': [e]} for i, e in enumerate(events)]}
    json.dump(d, open(os.path.join(out, name), 'w'))
