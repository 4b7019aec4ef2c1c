#!/usr/bin/env python3
"""Summarises a Chromium performance trace (CommandCenter.Bench render --trace → artifacts/render-trace.json):
per thread its busy time (top-level tasks) in 500 ms buckets after navigation, and the functions with the most
self time in the V8 CPU samples.  usage: scripts/trace-summary.py [trace.json] [--top N] [--thread SUBSTRING]"""
import collections
import json
import sys

args = [a for a in sys.argv[1:]]
top = 25
thread_filter = None
if '--top' in args:
    i = args.index('--top'); top = int(args[i + 1]); del args[i:i + 2]
if '--thread' in args:
    i = args.index('--thread'); thread_filter = args[i + 1]; del args[i:i + 2]
path = args[0] if args else 'artifacts/render-trace.json'
with open(path) as f:
    data = json.load(f)
events = data['traceEvents'] if isinstance(data, dict) else data

names = {}
procs = {}
for e in events:
    if e.get('ph') == 'M' and e.get('name') == 'thread_name':
        names[(e['pid'], e['tid'])] = e['args']['name']
    if e.get('ph') == 'M' and e.get('name') == 'process_name':
        procs[e['pid']] = e['args']['name']

# Navigation start: the renderer's navigationStart mark of the page (else the first event).
nav = None
for e in events:
    if e.get('name') in ('navigationStart',) and e.get('args', {}).get('data', {}).get('isLoadingMainFrame'):
        nav = e['ts'] if nav is None else min(nav, e['ts'])
if nav is None:
    nav = min(e['ts'] for e in events if 'ts' in e and e.get('ph') != 'M')

busy = collections.defaultdict(float)
buckets = collections.defaultdict(lambda: collections.defaultdict(float))
for e in events:
    if e.get('ph') == 'X' and e.get('name') in ('ThreadControllerImpl::RunTask', 'RunTask') and 'dur' in e:
        key = (e['pid'], e['tid'])
        busy[key] += e['dur'] / 1000
        b = int((e['ts'] - nav) / 1000 // 500)
        buckets[key][b] += e['dur'] / 1000

marks = sorted(((e['ts'] - nav) / 1000, e['name']) for e in events
               if e.get('cat', '').startswith('blink.user_timing') and e.get('name', '').startswith('cc:') and e.get('ph') in ('R', 'I', 'n', 'b', 'X'))
if marks:
    print('marks (ms after navigation):')
    for t, n in marks:
        print(f'  {t:8.0f} {n}')

def label(key):
    return f"{procs.get(key[0], key[0])}/{names.get(key, key[1])}"

print('\nbusy ms per thread (top-level tasks), then per 500 ms bucket after navigation:')
for key, ms in sorted(busy.items(), key=lambda kv: -kv[1])[:14]:
    if ms < 50:
        continue
    row = ' '.join(f'{buckets[key].get(b, 0):4.0f}' for b in range(0, max(buckets[key]) + 1) if b >= 0)
    print(f'  {ms:8.0f} {label(key)}\n           {row}')

# V8 CPU samples: Profile (pid, tid, id) then ProfileChunks with nodes, samples and time deltas.
profile_thread = {}
for e in events:
    if e.get('name') == 'Profile':
        profile_thread[(e['pid'], e.get('id'))] = (e['pid'], e['tid'])
nodes = collections.defaultdict(dict)
self_ms = collections.defaultdict(lambda: collections.defaultdict(float))
for e in events:
    if e.get('name') != 'ProfileChunk':
        continue
    pk = (e['pid'], e.get('id'))
    key = profile_thread.get(pk, (e['pid'], e['tid']))
    d = e['args']['data']
    cp = d.get('cpuProfile', {})
    for n in cp.get('nodes', []):
        cf = n['callFrame']
        url = cf.get('url', '').rsplit('/', 1)[-1]
        nodes[pk][n['id']] = f"{cf.get('functionName') or '(anon)'} {url}:{cf.get('lineNumber', -1) + 1}:{cf.get('columnNumber', -1) + 1}" if url else (cf.get('functionName') or '(anon)')
    for s, dt in zip(cp.get('samples', []), d.get('timeDeltas', [])):
        self_ms[key][nodes[pk].get(s, str(s))] += dt / 1000

for key, fns in sorted(self_ms.items(), key=lambda kv: -sum(kv[1].values())):
    total = sum(v for k, v in fns.items() if k != '(idle)')
    if total < 50 or (thread_filter and thread_filter not in label(key)):
        continue
    print(f'\nself time by function on {label(key)}: {total:.0f} ms sampled (idle excluded)')
    for fn, ms in sorted(fns.items(), key=lambda kv: -kv[1])[:top]:
        if fn == '(idle)':
            continue
        print(f'  {ms:7.0f} {fn}')
