#!/usr/bin/env python3
"""Validate the h5 held-out set (frozen 2026-11-30).

Checks every file against /work/briefs/heldout-format.md, the policy windows in
/work/briefs/policies.properties, and the titles in /work/briefs/avoid-titles.txt.
Prints counts; exits 1 on any error.
Usage: python3 check.py [set-directory]   (default: the directory of this file)
"""
import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
POLICY = '/work/briefs/policies.properties'
AVOID = '/work/briefs/avoid-titles.txt'
PREFIX = 'h5-'
CATS = ('appliance', 'fresh', 'furniture', 'general')
ORDER_CATS = ('fresh', 'appliance', 'furniture')
REASONS = ('spoiled', 'wrong_item', 'missing', 'damaged', 'quality', 'no_reason', 'price_drop')
KINDS = ('refund', 'return', 'replacement', 'reship', 'any')
FLOW_MAX = 0.80      # flow cases: at most 80% of their window
REFUSE_MIN = 1.25    # refused cases: at least 125% of the window
SIM_MAX = 0.50       # title similarity (character-bigram Jaccard) counted as "same topic"

errors = []
warnings = []


def err(where, msg):
    errors.append(f'{where}: {msg}')


def warn(where, msg):
    warnings.append(f'{where}: {msg}')


# ---------------------------------------------------------------- policies
def load_policies():
    pol = {}
    with open(POLICY, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            if '=' not in line:
                err(f'{POLICY}:{n}', 'not key=value')
                continue
            k, v = line.split('=', 1)
            pol[k.strip()] = v.strip()
    return pol


POL = load_policies()


def num(key):
    return float(POL[key])


H = {  # windows in hours
    'fresh.claim-window-hours': num('fresh.claim-window-hours'),
    'appliance.no-reason-return-days': num('appliance.no-reason-return-days') * 24,
    'appliance.quality-return-days': num('appliance.quality-return-days') * 24,
    'appliance.quality-exchange-days': num('appliance.quality-exchange-days') * 24,
    'appliance.price-protection-days': num('appliance.price-protection-days') * 24,
    'appliance.warranty-days': num('appliance.warranty-days') * 24,
    'furniture.return-days': num('furniture.return-days') * 24,
    'furniture.quality-repair-days': num('furniture.quality-repair-days') * 24,
}
FRESH_NO_REASON = POL.get('fresh.no-reason-return', 'false').lower() == 'true'
REFUSE_RULES = set(H) | {'fresh.no-reason-return'}


# ---------------------------------------------------------------- avoid titles
def norm(s):
    return re.sub(r'[\s，。？！、,.?!（）()“”"：:；;·…\-]', '', s).lower()


def bigrams(s):
    s = norm(s)
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


AVOID_TITLES = []
with open(AVOID, encoding='utf-8') as f:
    AVOID_TITLES = [l.strip() for l in f if l.strip() and not l.startswith('#')]
AVOID_NORM = {norm(t) for t in AVOID_TITLES}


def max_sim(text):
    b = bigrams(text)
    best, bt = 0.0, ''
    for t in AVOID_TITLES:
        bb = bigrams(t)
        j = len(b & bb) / len(b | bb)
        if j > best:
            best, bt = j, t
    return best, bt


# ---------------------------------------------------------------- articles
SENT_SPLIT = re.compile(r'[。！？!?]')
AFTERSALES_WORDS = re.compile(r'售后|退货|退款|换货|退换|赔付|包赔|保修|维修|价保|价格保护|差价|无理由|质量问题')
DURATION = re.compile(r'(\d+(?:\.\d+)?)\s*(小时|个小时|天|日|个月|年)')
ALLOWED_DAYS = {
    'fresh': {num('fresh.claim-window-hours') / 24},
    'appliance': {num('appliance.no-reason-return-days'), num('appliance.quality-return-days'),
                  num('appliance.quality-exchange-days'), num('appliance.price-protection-days'),
                  num('appliance.warranty-days')},
    'furniture': {num('furniture.return-days'), num('furniture.quality-repair-days')},
}
ALLOWED_DAYS['general'] = set().union(*ALLOWED_DAYS.values())


def to_days(v, unit):
    v = float(v)
    return {'小时': v / 24, '个小时': v / 24, '天': v, '日': v, '个月': v * 30, '年': v * 365}[unit]


def check_policy_text(where, cat, body):
    """Sentences that talk about after-sales must use the policy windows."""
    for sent in SENT_SPLIT.split(body):
        if not AFTERSALES_WORDS.search(sent):
            continue
        for m in DURATION.finditer(sent):
            d = to_days(m.group(1), m.group(2))
            ok = any(abs(d - a) < 1e-6 or (m.group(2) == '年' and abs(d - a) <= 1) for a in ALLOWED_DAYS[cat])
            if not ok:
                err(where, f'after-sales sentence uses {m.group(0)}, not a policy window: {sent}')
        if cat == 'fresh' and '无理由' in sent and not FRESH_NO_REASON and not re.search(r'不(支持|参与|适用|能|可)', sent):
            err(where, f'fresh article offers no-reason return, policy says no: {sent}')


articles = {}
art_cat = Counter()
kb = os.path.join(ROOT, 'knowledge-base')
if not os.path.isdir(kb):
    err('knowledge-base', 'missing directory')
else:
    for cat in sorted(os.listdir(kb)):
        cdir = os.path.join(kb, cat)
        if not os.path.isdir(cdir):
            err(f'knowledge-base/{cat}', 'not a directory')
            continue
        if cat not in CATS:
            err(f'knowledge-base/{cat}', 'unknown category directory')
        for fn in sorted(os.listdir(cdir)):
            where = f'knowledge-base/{cat}/{fn}'
            if not fn.endswith('.md'):
                err(where, 'not a .md file')
                continue
            text = open(os.path.join(cdir, fn), encoding='utf-8').read()
            if '\r' in text:
                err(where, 'CR characters')
            m = re.match(r'---\n(.*?)\n---\n(.*)\Z', text, re.S)
            if not m:
                err(where, 'front matter not delimited by --- lines')
                continue
            fm, body = m.group(1), m.group(2).strip()
            lines = fm.split('\n')
            fields, alts, i = {}, [], 0
            while i < len(lines):
                line = lines[i]
                if line.startswith('questions:'):
                    if line.strip() != 'questions:':
                        err(where, 'questions must be a block list')
                    i += 1
                    while i < len(lines) and lines[i].startswith('  - '):
                        alts.append(lines[i][4:].strip())
                        i += 1
                    fields['questions'] = True
                    continue
                mm = re.match(r'([a-z]+): (.*)$', line)
                if not mm:
                    err(where, f'bad front-matter line: {line!r}')
                else:
                    if mm.group(1) in fields:
                        err(where, f'duplicate field {mm.group(1)}')
                    fields[mm.group(1)] = mm.group(2).strip()
                i += 1
            keys = [k for k in fields]
            if keys != ['id', 'category', 'title', 'questions', 'tags']:
                err(where, f'fields must be id, category, title, questions, tags in order; got {keys}')
            aid = fields.get('id', '')
            if aid != fn[:-3]:
                err(where, f'id {aid!r} != file name')
            if not re.fullmatch(rf'{PREFIX}{cat}-[a-z0-9]+(-[a-z0-9]+)*', aid):
                err(where, f'id must be {PREFIX}{cat}-<slug>')
            if fields.get('category') != cat:
                err(where, f'category {fields.get("category")!r} != directory {cat}')
            title = fields.get('title', '')
            if not re.search(r'[\u4e00-\u9fff]', title):
                err(where, 'title must be Chinese')
            if not (title.endswith('？') or title.endswith('?') or re.search(r'吗|怎么|如何|多久|多少|哪|什么|能不能|是不是|几', title)):
                err(where, f'title is not question-like: {title}')
            if len(alts) != 1:
                err(where, f'exactly one alternative question required, got {len(alts)}')
            tm = re.fullmatch(r'\[(.*)\]', fields.get('tags', ''))
            if not tm:
                err(where, 'tags must be [a, b]')
                tags = []
            else:
                tags = [t.strip() for t in tm.group(1).split(',') if t.strip()]
            if len(tags) > 3:
                err(where, f'{len(tags)} tags, at most 3')
            if '\n' in body:
                err(where, 'body must be one paragraph')
            sents = [s for s in SENT_SPLIT.split(body) if s.strip()]
            if not 2 <= len(sents) <= 6:
                err(where, f'body has {len(sents)} sentences, need 2-6')
            if not re.search(r'\d', body):
                err(where, 'body has no concrete number')
            if len(re.findall(r'[\u4e00-\u9fff]', body)) < 40:
                err(where, 'body is not Chinese enough')
            for t in [title] + alts:
                if norm(t) in AVOID_NORM:
                    err(where, f'title/question equals an avoid title: {t}')
                s, bt = max_sim(t)
                if s >= SIM_MAX:
                    err(where, f'title/question {t!r} too close to avoid title {bt!r} ({s:.2f})')
            check_policy_text(where, cat, body)
            if aid in articles:
                err(where, f'duplicate id {aid}')
            articles[aid] = {'cat': cat, 'title': title, 'alt': alts, 'body': body}
            art_cat[cat] += 1

# duplicate titles inside the set
seen_titles = {}
for aid, a in articles.items():
    k = norm(a['title'])
    if k in seen_titles:
        err(aid, f'same title as {seen_titles[k]}')
    seen_titles[k] = aid


# ---------------------------------------------------------------- questions
def read_tsv(name):
    path = os.path.join(ROOT, name)
    rows = []
    if not os.path.exists(path):
        err(name, 'missing')
        return rows
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if '\r' in line:
                err(f'{name}:{n}', 'CR character')
            rows.append((n, line))
    return rows


q_sections = Counter()
q_per_article = Counter()
section = None
order_of_sections = []
all_q = Counter()
for n, line in read_tsv('questions.tsv'):
    where = f'questions.tsv:{n}'
    if not line.strip():
        err(where, 'empty line')
        continue
    if line.startswith('#'):
        m = re.match(r'# section: (answerable|near-miss|general)\s*$', line)
        if m:
            section = m.group(1)
            if section in order_of_sections:
                err(where, f'section {section} repeated')
            order_of_sections.append(section)
        continue
    parts = line.split('\t')
    if len(parts) != 2:
        err(where, f'{len(parts)} tab-separated fields, need 2')
        continue
    aid, q = parts
    if not q.strip():
        err(where, 'empty question')
    all_q[q.strip()] += 1
    if section is None:
        err(where, 'question before any section comment')
        continue
    q_sections[section] += 1
    if section == 'answerable':
        if aid not in articles:
            err(where, f'unknown article id {aid}')
        else:
            q_per_article[aid] += 1
    elif aid != '-':
        err(where, f'{section} question must have id "-"')
if order_of_sections != ['answerable', 'near-miss', 'general']:
    err('questions.tsv', f'sections must be answerable, near-miss, general; got {order_of_sections}')
for aid in articles:
    if q_per_article[aid] != 5:
        err('questions.tsv', f'{aid} has {q_per_article[aid]} answerable questions, need 5')
for q, k in all_q.items():
    if k > 1:
        err('questions.tsv', f'duplicate question: {q}')
    if norm(q) in {norm(a['title']) for a in articles.values()}:
        err('questions.tsv', f'question copies an article title: {q}')

# ---------------------------------------------------------------- orders
ID_RE = re.compile(r'(\d{12,19}|(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]+)')
orders = defaultdict(list)   # id -> rows
skus = {}
for n, line in read_tsv('orders.tsv'):
    where = f'orders.tsv:{n}'
    if not line.strip() or line.startswith('#'):
        if not line.strip():
            err(where, 'empty line')
        continue
    p = line.split('\t')
    if len(p) != 9:
        err(where, f'{len(p)} fields, need 9')
        continue
    oid, cat, hours, sku, name, qty, price, custom, cur = p
    if not ID_RE.fullmatch(oid):
        err(where, f'bad order id {oid}')
    if cat not in ORDER_CATS:
        err(where, f'bad category {cat}')
    try:
        hours_v = float(hours)
        if hours_v < 0:
            raise ValueError
    except ValueError:
        err(where, f'bad hours {hours}')
        hours_v = None
    if not sku or sku in skus:
        err(where, f'SKU {sku!r} empty or duplicate')
    if not name.strip():
        err(where, 'empty item name')
    if not re.fullmatch(r'[1-9]\d*', qty):
        err(where, f'bad qty {qty}')
    try:
        price_v = float(price)
        if price_v <= 0:
            raise ValueError
    except ValueError:
        err(where, f'bad unit price {price}')
        price_v = None
    if custom not in ('yes', 'no'):
        err(where, f'custom must be yes|no, got {custom}')
    if custom == 'yes' and cat != 'furniture':
        err(where, 'custom=yes only for furniture')
    cur_v = None
    if cur != '-':
        try:
            cur_v = float(cur)
        except ValueError:
            err(where, f'bad current price {cur}')
    row = dict(oid=oid, cat=cat, hours=hours_v, sku=sku, name=name, qty=qty, price=price_v, custom=custom, cur=cur_v, line=n)
    skus[sku] = row
    if orders[oid]:
        first = orders[oid][0]
        if first['cat'] != cat or first['hours'] != hours_v:
            err(where, f'order {oid}: lines disagree on category/hours')
    orders[oid].append(row)

# ---------------------------------------------------------------- after-sales
OUT_RE = {
    'flow': re.compile(r'flow item=(\S+) kind=(\S+) reason=(\S+)( unused=yes)?$'),
    'choose': re.compile(r'choose$'),
    'refused': re.compile(r'refused rule=(\S+)$'),
    'visit': re.compile(r'visit (install|repair) item=(\S+)$'),
    'none': re.compile(r'none$'),
}
owner = {}
case_names = set()
cnt_out = Counter()
cnt_out_cat = defaultdict(Counter)
cnt_reason = Counter()
cnt_kind = Counter()
cnt_multi_flow = 0
used_current_price = set()
messages = Counter()


def window_check(where, hours, window, what, flow=True):
    if hours is None:
        return
    if flow and hours > FLOW_MAX * window:
        err(where, f'{what}: {hours:g} h is above {int(FLOW_MAX * 100)}% of the {window:g} h window')
    if not flow and hours < REFUSE_MIN * window:
        err(where, f'{what}: {hours:g} h is below {int(REFUSE_MIN * 100)}% of the {window:g} h window')


for n, line in read_tsv('aftersales.tsv'):
    where = f'aftersales.tsv:{n}'
    if not line.strip() or line.startswith('#'):
        if not line.strip():
            err(where, 'empty line')
        continue
    p = line.split('\t')
    if len(p) != 4:
        err(where, f'{len(p)} fields, need 4')
        continue
    name, oids_s, msg, out = p
    if not name.startswith(PREFIX) or name in case_names:
        err(where, f'case name {name!r} must start with {PREFIX} and be unique')
    case_names.add(name)
    if not msg.strip():
        err(where, 'empty message')
    messages[msg] += 1
    oids = oids_s.split(',')
    for oid in oids:
        if oid not in orders:
            err(where, f'unknown order {oid}')
        elif oid in owner:
            err(where, f'order {oid} already belongs to {owner[oid]}')
        else:
            owner[oid] = name
    if any(o not in orders for o in oids):
        continue
    first = orders[oids[0]]
    cat = first[0]['cat']
    hours = first[0]['hours']
    kind_of = out.split(' ')[0]
    m = OUT_RE.get(kind_of, re.compile('x^')).match(out)
    if not m:
        err(where, f'bad outcome {out!r}')
        continue
    cnt_out[kind_of] += 1
    cnt_out_cat[cat][kind_of] += 1
    first_skus = {r['sku']: r for r in first}

    if kind_of == 'flow':
        sku, kind, reason, unused = m.group(1), m.group(2), m.group(3), bool(m.group(4))
        cnt_reason[reason] += 1
        cnt_kind['any' if kind == 'any' else 'named'] += 1
        if len(oids) > 1:
            cnt_multi_flow += 1
        if sku not in first_skus:
            err(where, f'item {sku} is not a line of the first order {oids[0]}')
            continue
        row = first_skus[sku]
        if kind not in KINDS:
            err(where, f'bad kind {kind}')
        if reason not in REASONS:
            err(where, f'bad reason {reason}')
        if unused and reason != 'no_reason':
            err(where, 'unused=yes only with reason=no_reason')
        if cat == 'fresh':
            if reason in ('no_reason', 'price_drop', 'quality'):
                err(where, f'fresh flow with reason {reason} is not a fresh claim')
            if kind not in ('refund', 'reship', 'any'):
                err(where, f'fresh remedies are refund|reship, got {kind}')
            window_check(where, hours, H['fresh.claim-window-hours'], 'fresh claim')
        elif cat == 'appliance':
            if reason == 'no_reason':
                window_check(where, hours, H['appliance.no-reason-return-days'], 'no-reason return')
                if not unused:
                    err(where, 'appliance no-reason return needs unused=yes')
            elif reason == 'price_drop':
                if kind not in ('refund', 'any'):
                    err(where, 'price_drop remedy must be refund or any')
                window_check(where, hours, H['appliance.price-protection-days'], 'price protection')
                if row['cur'] is None or row['price'] is None or row['cur'] >= row['price']:
                    err(where, 'price_drop needs a current price below the unit price')
                used_current_price.add(sku)
            elif kind == 'replacement':
                window_check(where, hours, H['appliance.quality-exchange-days'], 'quality exchange')
            else:
                window_check(where, hours, H['appliance.quality-return-days'], 'quality return')
            if reason in ('damaged', 'wrong_item', 'missing'):
                window_check(where, hours, H['appliance.no-reason-return-days'], 'arrival problem')
        elif cat == 'furniture':
            if reason == 'price_drop':
                err(where, 'price_drop only for appliances')
            if reason == 'no_reason' and row['custom'] == 'yes':
                err(where, 'custom furniture has no no-reason return')
            if reason == 'no_reason' and not unused:
                err(where, 'furniture no-reason return needs unused=yes')
            window_check(where, hours, H['furniture.return-days'], 'furniture return/exchange')
    elif kind_of == 'choose':
        if len(oids) < 2:
            err(where, 'choose needs at least two owned orders')
        cats = {orders[o][0]['cat'] for o in oids}
        if len(cats) != 1:
            warn(where, 'choose case spans categories')
    elif kind_of == 'refused':
        rule = m.group(1)
        if rule not in POL:
            err(where, f'rule {rule} is not a key of policies.properties')
            continue
        if rule not in REFUSE_RULES:
            err(where, f'rule {rule} is not an eligibility window this checker can verify')
            continue
        if not rule.startswith(cat + '.'):
            err(where, f'rule {rule} does not belong to category {cat}')
        if rule == 'fresh.no-reason-return':
            if FRESH_NO_REASON:
                err(where, 'policy allows fresh no-reason returns; case cannot be refused')
        else:
            window_check(where, hours, H[rule], rule, flow=False)
        if rule == 'appliance.price-protection-days':
            rows = [r for r in first if r['cur'] is not None]
            if not rows or any(r['cur'] >= r['price'] for r in rows):
                err(where, 'price-protection refusal needs a current price below the unit price')
            used_current_price.update(r['sku'] for r in rows)
    elif kind_of == 'visit':
        vk, sku = m.group(1), m.group(2)
        cnt_reason['visit-' + vk] += 0
        if sku not in first_skus:
            err(where, f'item {sku} is not a line of the first order {oids[0]}')
            continue
        if cat == 'fresh':
            err(where, 'no visits for fresh goods')
        if vk == 'repair':
            key = 'appliance.warranty-days' if cat == 'appliance' else 'furniture.quality-repair-days'
            window_check(where, hours, H[key], key)
        cnt_out_cat[cat]['visit-' + vk] += 1
    # none: nothing to check beyond ownership

for oid in orders:
    if oid not in owner:
        err('orders.tsv', f'order {oid} belongs to no case')
for sku, row in skus.items():
    if row['cur'] is not None and sku not in used_current_price:
        err(f'orders.tsv:{row["line"]}', f'current price filled for {sku}, which is not a price-drop case')
for msg, k in messages.items():
    if k > 1:
        err('aftersales.tsv', f'duplicate first message: {msg}')
for r in REASONS:
    if cnt_reason[r] == 0:
        err('aftersales.tsv', f'reason {r} not represented in flow cases')

# ---------------------------------------------------------------- README
if not os.path.exists(os.path.join(ROOT, 'README.md')):
    err('README.md', 'missing')
elif 'FROZEN' not in open(os.path.join(ROOT, 'README.md'), encoding='utf-8').read():
    err('README.md', 'no FROZEN line')

# ---------------------------------------------------------------- report
print(f'set: {ROOT}')
print(f'articles: {sum(art_cat.values())}  ' + '  '.join(f'{c}={art_cat[c]}' for c in CATS))
print(f'questions: answerable={q_sections["answerable"]}  near-miss={q_sections["near-miss"]}  general={q_sections["general"]}')
print(f'orders: {len(orders)} orders, {len(skus)} lines')
total_cases = sum(cnt_out.values())
print(f'after-sales cases: {total_cases}  ' + '  '.join(f'{k}={cnt_out[k]}' for k in ('flow', 'choose', 'refused', 'visit', 'none')))
for c in ORDER_CATS:
    cc = cnt_out_cat[c]
    print(f'  {c}: {sum(v for k, v in cc.items() if not k.startswith("visit-"))}  ' +
          '  '.join(f'{k}={cc[k]}' for k in ('flow', 'choose', 'refused', 'visit', 'none')) +
          (f'  (install={cc["visit-install"]} repair={cc["visit-repair"]})' if cc['visit'] else ''))
print(f'  flow: named remedy={cnt_kind["named"]}  kind=any={cnt_kind["any"]}  several orders owned={cnt_multi_flow}')
print('  reasons: ' + '  '.join(f'{r}={cnt_reason[r]}' for r in REASONS))
sims = sorted(((max_sim(a['title'])[0], aid) for aid, a in articles.items()), reverse=True)
if sims:
    print(f'closest title to avoid list: {sims[0][1]} ({sims[0][0]:.2f}, limit {SIM_MAX:.2f})')
for w in warnings:
    print('WARNING', w)
for e in errors:
    print('ERROR', e)
print(f'{len(errors)} errors, {len(warnings)} warnings')
sys.exit(1 if errors else 0)
