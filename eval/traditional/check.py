# Checks this set (python3 check.py): ids, orders, windows, counts, and that every message is in traditional characters.
# Needs the opencc command (Debian: apt-get install opencc); it is not run by CI.
import re, sys, glob, subprocess, collections
import os
HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, '..', '..', 'knowledge-base')
D = HERE
errs = []
def err(m): errs.append(m)

def opencc(cfg, text):
    return subprocess.run(['opencc', '-c', cfg], input=text, capture_output=True, text=True, check=True).stdout

# shipped articles
art = {}
for p in glob.glob(f'{KB}/**/*.md', recursive=True):
    t = open(p, encoding='utf-8').read()
    m = re.search(r'^id:\s*(\S+)', t, re.M); c = re.search(r'^category:\s*(\S+)', t, re.M)
    if m: art[m.group(1)] = c.group(1)
keys = set()
for line in open(f'{KB}/policies.properties', encoding='utf-8'):
    line = line.strip()
    if line and not line.startswith('#') and '=' in line:
        k, v = line.split('=', 1); keys.add(k.strip())
pol = dict(l.strip().split('=', 1) for l in open(f'{KB}/policies.properties', encoding='utf-8') if '=' in l and not l.startswith('#'))

def rows(path):
    out = []
    for i, l in enumerate(open(path, encoding='utf-8').read().split('\n'), 1):
        if l == '' or l.startswith('#'): continue
        out.append((i, l.split('\t')))
    return out

messages = []
# questions
qlines = open(f'{D}/questions.tsv', encoding='utf-8').read().split('\n')
if not (qlines[0].startswith('#') and '2026-12-01' in qlines[0]): err('questions: first line must be a dated comment')
sec = None; ans = []; una = []
for l in qlines:
    if l.startswith('# section:'): sec = l.split(':', 1)[1].strip(); continue
    if not l or l.startswith('#'): continue
    f = l.split('\t')
    if len(f) != 2: err(f'questions: bad line {l!r}'); continue
    (ans if sec == 'answerable' else una).append(f)
    messages.append(('q', f[1]))
if len(ans) != 100: err(f'answerable {len(ans)} != 100')
if len(una) != 30: err(f'unanswerable {len(una)} != 30')
cnt = collections.Counter(a for a, _ in ans)
for a in cnt:
    if a not in art: err(f'unknown article {a}')
if max(cnt.values()) > 4: err('more than 4 per article')
if len(cnt) < 35: err(f'only {len(cnt)} articles')
cats = collections.Counter(art.get(a) for a, _ in ans)
if set(cats) != {'fresh', 'appliance', 'furniture', 'general'}: err(f'categories {cats}')
if any(a != '-' for a, _ in una): err('unanswerable with id')
qs = [q for _, q in ans + una]
if len(set(qs)) != len(qs): err('duplicate question')

# orders
orders = {}; skus = {}
head = open(f'{D}/orders.tsv', encoding='utf-8').readline()
if not head.startswith('# orders.tsv — <order_id>\t<category>\t<hours since delivery>'): err('orders header')
pref = {'fresh': 'TF-', 'appliance': 'TA-', 'furniture': 'TU-'}
for i, f in rows(f'{D}/orders.tsv'):
    if len(f) != 9: err(f'orders line {i}: {len(f)} fields'); continue
    oid, cat, hrs, sku, name, qty, price, custom, cur = f
    if not (re.fullmatch(r'\d{12,19}', oid) or (re.fullmatch(r'[A-Za-z0-9]+', oid) and re.search(r'[A-Za-z]', oid) and re.search(r'\d', oid))):
        err(f'order id {oid}')
    if cat not in pref: err(f'cat {cat}')
    if not re.fullmatch(r'\d+', hrs): err(f'hours {hrs}')
    if not sku.startswith(pref.get(cat, '?')): err(f'sku prefix {sku}')
    if sku in skus: err(f'dup sku {sku}')
    if opencc('t2s.json', name).strip() != name: err(f'item name not simplified: {name}')
    if not re.fullmatch(r'\d+', qty): err(f'qty {qty}')
    if not re.fullmatch(r'\d+(\.\d+)?', price): err(f'price {price}')
    if custom not in ('yes', 'no'): err(f'custom {custom}')
    if cur != '-' and not re.fullmatch(r'\d+(\.\d+)?', cur): err(f'current {cur}')
    if cur != '-' and float(cur) >= float(price): err(f'current not lower {sku}')
    skus[sku] = oid
    if oid in orders:
        if (orders[oid]['cat'], orders[oid]['hrs']) != (cat, int(hrs)): err(f'order {oid} inconsistent lines')
    else:
        orders[oid] = dict(cat=cat, hrs=int(hrs), lines=[])
    orders[oid]['lines'].append(dict(sku=sku, cur=cur, custom=custom))

# windows (hours)
H = lambda k: float(pol[k]) * (24 if k.endswith('-days') else 1)
def window(cat, reason, kind, custom):
    if cat == 'fresh': return 'fresh.claim-window-hours'
    if cat == 'appliance':
        if reason == 'no_reason': return 'appliance.no-reason-return-days'
        if reason == 'price_drop': return 'appliance.price-protection-days'
        if reason == 'quality' and kind == 'replacement': return 'appliance.quality-exchange-days'
        return 'appliance.quality-return-days'
    if reason == 'quality': return 'furniture.quality-repair-days'
    return 'furniture.return-days'

# aftersales
REASONS = {'spoiled', 'wrong_item', 'missing', 'damaged', 'quality', 'no_reason', 'price_drop'}
KINDS = {'refund', 'return', 'replacement', 'reship', 'any'}
used = collections.Counter(); kinds = collections.Counter(); two = 0; fr = 0
cases = rows(f'{D}/aftersales.tsv'); names = set()
for i, f in cases:
    if len(f) != 4: err(f'aftersales line {i}: {len(f)} fields'); continue
    name, ol, msg, out = f
    if name in names: err(f'dup case {name}')
    names.add(name)
    oids = ol.split(',')
    for oid in oids:
        if oid not in orders: err(f'{name}: order {oid} missing')
        used[oid] += 1
    messages.append(('a', msg))
    if any(oid not in orders for oid in oids): continue
    kind = out.split()[0]; kinds[kind] += 1
    kv = dict(x.split('=', 1) for x in out.split()[1:] if '=' in x)
    first = orders[oids[0]]
    if kind in ('flow', 'refused'):
        fr += 1
        if len(oids) == 2: two += 1
    if kind == 'flow':
        sku = kv.get('item')
        if sku not in [l['sku'] for l in first['lines']]: err(f'{name}: item not in first order')
        if kv.get('kind') not in KINDS: err(f'{name}: kind')
        r = kv.get('reason')
        if r not in REASONS: err(f'{name}: reason')
        if kv.get('unused') and r != 'no_reason': err(f'{name}: unused without no_reason')
        if r == 'no_reason' and first['cat'] == 'fresh': err(f'{name}: fresh no_reason flow')
        line = [l for l in first['lines'] if l['sku'] == sku][0]
        if (r == 'price_drop') != (line['cur'] != '-'): err(f'{name}: current price vs price_drop')
        if r == 'price_drop' and first['cat'] != 'appliance': err(f'{name}: price_drop not appliance')
        w = window(first['cat'], r, kv.get('kind'), line['custom'])
        ratio = first['hrs'] / H(w)
        if ratio > 0.8: err(f'{name}: {ratio:.0%} of {w}')
        print(f'  {name:45s} {w:35s} {ratio:5.0%}')
    elif kind == 'refused':
        rule = kv.get('rule')
        if rule not in keys: err(f'{name}: rule {rule} not a policy key')
        if rule.endswith('-hours') or rule.endswith('-days'):
            ratio = first['hrs'] / H(rule)
            if ratio < 1.25: err(f'{name}: only {ratio:.0%} of {rule}')
            print(f'  {name:45s} {rule:35s} {ratio:5.0%}')
        else:
            print(f'  {name:45s} {rule:35s} (excluded by default {pol[rule]})')
    elif kind == 'visit':
        if out.split()[1] not in ('install', 'repair'): err(f'{name}: visit type')
        if kv.get('item') not in [l['sku'] for l in first['lines']]: err(f'{name}: visit item')
    elif kind == 'choose':
        if len(oids) < 2: err(f'{name}: choose needs several orders')
        if len({orders[o]['cat'] for o in oids}) != 1: err(f'{name}: choose orders differ in category')
    elif kind == 'none':
        pass
    else:
        err(f'{name}: outcome {out}')
    for oid in oids:
        for l in orders[oid]['lines']:
            if l['cur'] != '-' and not (kind in ('flow', 'refused') and ('price_drop' in out or 'price-protection' in out) and oid == oids[0]):
                err(f'{name}: current price on non price-drop line {l["sku"]}')
for oid in orders:
    if used[oid] != 1: err(f'order {oid} used {used[oid]} times')
want = {'flow': 24, 'choose': 4, 'refused': 6, 'visit': 3, 'none': 3}
if len(cases) != 40: err(f'{len(cases)} cases')
if dict(kinds) != want: err(f'outcomes {dict(kinds)}')
print('two-order flow/refused cases:', two, 'of', fr)
catcases = collections.Counter(orders[f[1].split(',')[0]]['cat'] for _, f in cases)
print('cases by category of first order:', dict(catcases))

# traditional characters
alltext = ''.join(m for _, m in messages)
chars = sorted(set(c for c in alltext if '\u3400' <= c <= '\u9fff' or '\U00020000' <= c <= '\U0002ffff'))
s_of = opencc('t2s.json', '\n'.join(chars)).split('\n')
t_of = opencc('s2t.json', '\n'.join(chars)).split('\n')
trad_only = {c for c, s in zip(chars, s_of) if s != c}
simp_like = {c for c, s, t in zip(chars, s_of, t_of) if s == c and t != c}
for src, m in messages:
    if not any(c in trad_only for c in m): err(f'no traditional-only character: {m}')
print('characters that s2t would change (check they are fine in traditional text):', ''.join(sorted(simp_like)))
yue = set('嘅咗唔冇係啲㗎嚟喺佢哋咁嗰俾啱睇搵')
hk = sum(1 for _, m in messages if any(c in yue for c in m))
print(f'messages: {len(messages)}; Cantonese-marked: {hk}; others (Taiwan style): {len(messages) - hk}')
print('answerable:', len(ans), 'articles:', len(cnt), 'by category:', dict(cats), '| unanswerable:', len(una))
print('orders:', len(orders), 'order lines:', len(skus))
print('ERRORS' if errs else 'OK', *errs, sep='\n')
sys.exit(1 if errs else 0)
