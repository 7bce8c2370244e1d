#!/usr/bin/env python3
"""Checks and counts for heldout3. Run: python3 check.py [--counts-md]"""
import os, re, sys, collections
D = os.path.dirname(os.path.abspath(__file__))
errs = []
def rows(fn, ncol):
    out = []
    for i, line in enumerate(open(os.path.join(D, fn), encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            out.append(('#', line)); continue
        cols = line.split('\t')
        if len(cols) != ncol: errs.append(f'{fn}:{i}: {len(cols)} columns, want {ncol}')
        out.append((i, cols))
    return out
# articles
arts = {}
for cat in os.listdir(os.path.join(D, 'knowledge-base')):
    for fn in os.listdir(os.path.join(D, 'knowledge-base', cat)):
        t = open(os.path.join(D, 'knowledge-base', cat, fn), encoding='utf-8').read()
        m = re.match(r'---\nid: (\S+)\ncategory: (\S+)\ntitle: (.+)\nquestions:\n((?:  - .+\n)+)tags: \[(.*)\]\n---\n(.+)\n$', t, re.S)
        if not m: errs.append(f'{fn}: bad front matter'); continue
        id_, c, title, qs, tags, body = m.groups()
        if id_ + '.md' != fn or c != cat or not id_.startswith(f'h3-{cat}-'): errs.append(f'{fn}: id/category mismatch')
        if qs.count('  - ') != 1: errs.append(f'{fn}: want exactly 1 alternative question')
        nt = len([x for x in tags.split(',') if x.strip()])
        if nt > 3: errs.append(f'{fn}: {nt} tags')
        ns = len([s for s in re.split(r'[。！？]', body) if s.strip()])
        if not 2 <= ns <= 6: errs.append(f'{fn}: {ns} sentences')
        arts[id_] = (cat, title, body)
avoid = [l.strip() for l in open('/work/briefs/avoid-titles.txt', encoding='utf-8') if l.strip()] if os.path.exists('/work/briefs/avoid-titles.txt') else []
for a, (c, t, b) in arts.items():
    if t in avoid: errs.append(f'{a}: title in avoid list')
# questions
qrows = rows('questions.tsv', 2)
perart = collections.Counter(); sect = None; qkinds = collections.Counter(); seen = set()
overlap = []
def bigrams(s): s = re.sub(r'[^\u4e00-\u9fff]', '', s); return {s[i:i+2] for i in range(len(s)-1)}
for i, r in qrows:
    if i == '#':
        m = re.match(r'# section: (\S+)', r)
        if m: sect = m.group(1)
        continue
    aid, q = r
    if q in seen: errs.append(f'questions.tsv:{i}: duplicate question')
    seen.add(q)
    if aid == '-':
        if sect not in ('near-miss', 'general'): errs.append(f'questions.tsv:{i}: - outside unanswerable sections')
        qkinds[sect] += 1
    else:
        if aid not in arts: errs.append(f'questions.tsv:{i}: unknown article {aid}')
        else:
            perart[aid] += 1; qkinds['answerable'] += 1
            tb = bigrams(arts[aid][1]); overlap.append(len(tb & bigrams(q)) / max(1, len(tb)))
for a in arts:
    if perart[a] != 5: errs.append(f'{a}: {perart[a]} questions, want 5')
# orders
orows = rows('orders.tsv', 9)
orders = collections.OrderedDict()
for i, r in orows:
    if i == '#': continue
    oid, cat, h, sku, name, qty, price, custom, cur = r
    if cat not in ('fresh', 'appliance', 'furniture'): errs.append(f'orders.tsv:{i}: category {cat}')
    if custom not in ('yes', 'no'): errs.append(f'orders.tsv:{i}: custom {custom}')
    if not (re.fullmatch(r'\d{12,19}', oid) or (re.fullmatch(r'[A-Za-z0-9]+', oid) and re.search('[A-Za-z]', oid) and re.search(r'\d', oid))):
        errs.append(f'orders.tsv:{i}: bad order id {oid}')
    float(h); int(qty); float(price)
    if cur != '-': float(cur)
    if oid in orders and orders[oid]['cat'] != cat: errs.append(f'{oid}: mixed categories')
    orders.setdefault(oid, {'cat': cat, 'h': float(h), 'lines': []})['lines'].append((sku, float(price), custom, cur))
skus = {l[0]: oid for oid, o in orders.items() for l in o['lines']}
# aftersales
arows = rows('aftersales.tsv', 4)
used = collections.Counter(); cases = []
props = {l.split('=')[0].strip() for l in open('/work/briefs/policies.properties', encoding='utf-8') if '=' in l and not l.startswith('#')} if os.path.exists('/work/briefs/policies.properties') else set()
for i, r in arows:
    if i == '#': continue
    name, oids, msg, out = r
    ol = oids.split(',')
    for o in ol:
        used[o] += 1
        if o not in orders: errs.append(f'aftersales.tsv:{i}: unknown order {o}')
    w = out.split(); kind = w[0]
    kv = dict(x.split('=', 1) for x in w[1:] if '=' in x)
    if kind == 'flow':
        if kv.get('item') not in skus or skus[kv['item']] not in ol: errs.append(f'aftersales.tsv:{i}: item not in the case orders')
        if kv.get('kind') not in ('refund', 'return', 'replacement', 'reship', 'any'): errs.append(f'aftersales.tsv:{i}: kind')
        if 'reason' not in kv: errs.append(f'aftersales.tsv:{i}: reason missing')
    elif kind == 'refused':
        if props and kv.get('rule') not in props: errs.append(f'aftersales.tsv:{i}: unknown rule {kv.get("rule")}')
    elif kind == 'visit':
        if w[1] not in ('install', 'repair') or skus.get(kv.get('item')) not in ol: errs.append(f'aftersales.tsv:{i}: visit')
    elif kind == 'choose':
        if len(ol) < 2: errs.append(f'aftersales.tsv:{i}: choose with one order')
    elif kind != 'none': errs.append(f'aftersales.tsv:{i}: outcome {kind}')
    cats = {orders[o]['cat'] for o in ol if o in orders}
    cases.append((name, ol, msg, kind, kv, cats, w))
for o in orders:
    if used[o] != 1: errs.append(f'order {o} used by {used[o]} cases')
# counts
C = collections.Counter
def line(title, c): return f'- {title}: ' + ', '.join(f'{k} {v}' for k, v in sorted(c.items(), key=lambda x: (-x[1], x[0])))
out = []
out.append(f'- articles: {len(arts)} (' + ', '.join(f'{k} {v}' for k, v in sorted(C(a[0] for a in arts.values()).items())) + ')')
out.append(f"- questions: {sum(qkinds.values())} = answerable {qkinds['answerable']} + near-miss {qkinds['near-miss']} + general {qkinds['general']}; "
           f"mean share of title character bigrams found in a question: {sum(overlap)/len(overlap):.2f}; questions sharing no title bigram: {sum(1 for x in overlap if x == 0)}")
nl = sum(len(o['lines']) for o in orders.values())
num = sum(1 for o in orders if o.isdigit())
out.append(f'- orders: {len(orders)} orders, {nl} order lines ({sum(1 for o in orders.values() if len(o["lines"]) > 1)} orders with two lines); ids numeric {num}, letters+digits {len(orders)-num}; '
           f'custom lines {sum(1 for o in orders.values() for l in o["lines"] if l[2]=="yes")}; current price filled {sum(1 for o in orders.values() for l in o["lines"] if l[3] != "-")}')
out.append(f'- orders by category: ' + ', '.join(f'{k} {v}' for k, v in sorted(C(o["cat"] for o in orders.values()).items())))
out.append(f'- cases: {len(cases)}')
out.append(line('cases by category', C('/'.join(sorted(c[5])) for c in cases)))
out.append(line('cases by outcome', C(c[3] for c in cases)))
out.append(line('outcome by category', C(f"{'/'.join(sorted(c[5]))}:{c[3]}" for c in cases)))
out.append(line('flow by kind', C(c[4]['kind'] for c in cases if c[3] == 'flow')))
out.append(line('flow by reason', C(c[4]['reason'] for c in cases if c[3] == 'flow')))
out.append(line('refused by rule', C(c[4]['rule'] for c in cases if c[3] == 'refused')))
out.append(line('visit by type', C(c[6][1] for c in cases if c[3] == 'visit')))
out.append(f"- cases with more than one owned order: {sum(1 for c in cases if len(c[1]) > 1)}; messages containing an order id: {sum(1 for c in cases if any(o.lower() in c[2].lower() for o in c[1]))}")
print('\n'.join(out))
if errs:
    print('\nERRORS:'); print('\n'.join(errs)); sys.exit(1)
print('\nOK: all checks passed')
