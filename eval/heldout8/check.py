#!/usr/bin/env python3
"""Validate held-out set 8 (h8-) and print its counts. Usage: python3 check.py"""
import os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
PROPS = "/work/briefs/policies.properties"
AVOID = "/work/briefs/avoid-titles.txt"
CATS = ("appliance", "fresh", "furniture", "general")
ORDER_CATS = ("fresh", "appliance", "furniture")
REASONS = ("spoiled", "wrong_item", "missing", "damaged", "quality", "no_reason", "price_drop")
KINDS = ("refund", "return", "replacement", "reship", "any")
INSIDE, OUTSIDE = 0.8, 1.25          # "clearly" inside / outside a window
errors, warnings = [], []
def err(m): errors.append(m)
def warn(m): warnings.append(m)

def rows(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.strip() == "":
                continue
            out.append((n, line))
    return out

# ---------------------------------------------------------------- policies
props = {}
for n, line in rows(PROPS):
    if line.lstrip().startswith("#"):
        continue
    if "=" not in line:
        err(f"{PROPS}:{n}: not key=value"); continue
    k, v = line.split("=", 1)
    props[k.strip()] = v.strip()
def num(k): return float(props[k])

# ---------------------------------------------------------------- articles
avoid = [l.strip() for _, l in rows(AVOID) if not l.startswith("#")]
def bigrams(s):
    s = re.sub(r"[\s，。？！、,.?!（）()“”：:；;]", "", s)
    return {s[i:i+2] for i in range(len(s) - 1)}
articles = {}
kb = os.path.join(HERE, "knowledge-base")
for cat in sorted(os.listdir(kb)) if os.path.isdir(kb) else []:
    d = os.path.join(kb, cat)
    if not os.path.isdir(d):
        continue
    if cat not in CATS:
        err(f"knowledge-base/{cat}: unknown category folder")
    for fn in sorted(os.listdir(d)):
        p = os.path.join(d, fn); rel = f"knowledge-base/{cat}/{fn}"
        if not fn.endswith(".md"):
            err(f"{rel}: not .md"); continue
        text = open(p, encoding="utf-8").read()
        m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
        if not m:
            err(f"{rel}: front matter missing"); continue
        fm, body = m.group(1).split("\n"), m.group(2).strip()
        meta, qs, i = {}, [], 0
        while i < len(fm):
            line = fm[i]
            if line.startswith("questions:"):
                i += 1
                while i < len(fm) and fm[i].startswith("  - "):
                    qs.append(fm[i][4:].strip()); i += 1
                continue
            if ":" in line:
                k, v = line.split(":", 1); meta[k.strip()] = v.strip()
            else:
                err(f"{rel}: bad front-matter line {line!r}")
            i += 1
        aid = fn[:-3]
        if list(meta) != ["id", "category", "title", "tags"] or not fm[3].startswith("questions:"):
            err(f"{rel}: front matter must be id, category, title, questions, tags (in that order)")
        if meta.get("id") != aid: err(f"{rel}: id != file name")
        if not re.fullmatch(r"h8-(appliance|fresh|furniture|general)-[a-z0-9]+(-[a-z0-9]+)*", aid):
            err(f"{rel}: id pattern")
        if meta.get("category") != cat or not aid.startswith(f"h8-{cat}-"):
            err(f"{rel}: category mismatch")
        title = meta.get("title", "")
        if not title: err(f"{rel}: empty title")
        if not title.endswith(("？", "?")): warn(f"{rel}: title is not question-like")
        if len(qs) != 1: err(f"{rel}: needs exactly one alternative question, has {len(qs)}")
        tm = re.fullmatch(r"\[(.*)\]", meta.get("tags", ""))
        if not tm: err(f"{rel}: tags must be [..]")
        else:
            tags = [t.strip() for t in tm.group(1).split(",") if t.strip()]
            if len(tags) > 3: err(f"{rel}: more than 3 tags")
        if "\n" in body: err(f"{rel}: body must be one paragraph")
        sents = [s for s in re.split(r"[。！？!?]", body) if s.strip()]
        if not 2 <= len(sents) <= 6: err(f"{rel}: body has {len(sents)} sentences (2-6)")
        if not re.search(r"\d", body): err(f"{rel}: body has no concrete number")
        if title in avoid: err(f"{rel}: title is in avoid-titles.txt")
        for a in avoid:
            A, T = bigrams(a), bigrams(title)
            if A and T and len(A & T) / len(A | T) >= 0.5:
                err(f"{rel}: title too close to avoided title {a!r}")
        articles[aid] = (cat, title, qs, body)
acount = Counter(v[0] for v in articles.values())
if len(articles) != 50: err(f"articles: {len(articles)} (want 50)")

# ---------------------------------------------------------------- questions
qpath = os.path.join(HERE, "questions.tsv")
section, per_article, sec_count, seen = None, Counter(), Counter(), set()
for n, line in rows(qpath):
    if line.startswith("#"):
        m = re.match(r"#\s*section:\s*(answerable|near-miss|general)\s*$", line)
        if m:
            nxt = {None: "answerable", "answerable": "near-miss", "near-miss": "general"}.get(section)
            if m.group(1) != nxt: err(f"questions.tsv:{n}: sections must be answerable, near-miss, general")
            section = m.group(1)
        continue
    parts = line.split("\t")
    if len(parts) != 2 or not parts[1].strip():
        err(f"questions.tsv:{n}: needs <id or -><TAB><question>"); continue
    aid, q = parts
    if section is None: err(f"questions.tsv:{n}: before any section"); continue
    if q in seen: err(f"questions.tsv:{n}: duplicate question")
    seen.add(q)
    if q in {v[1] for v in articles.values()} or any(q in v[2] for v in articles.values()):
        err(f"questions.tsv:{n}: question copies an article title/alternative")
    sec_count[section] += 1
    if section == "answerable":
        if aid not in articles: err(f"questions.tsv:{n}: unknown article {aid}")
        per_article[aid] += 1
    elif aid != "-":
        err(f"questions.tsv:{n}: {section} questions must use '-'")
for aid in articles:
    if per_article[aid] != 5: err(f"questions.tsv: {aid} has {per_article[aid]} answerable questions (want 5)")
if sec_count["near-miss"] < 30: err("questions.tsv: fewer than 30 near-miss")
if sec_count["general"] < 30: err("questions.tsv: fewer than 30 general")

# ---------------------------------------------------------------- orders
orders = defaultdict(list)   # id -> rows
skus = {}
for n, line in rows(os.path.join(HERE, "orders.tsv")):
    if line.startswith("#"): continue
    p = line.split("\t")
    if len(p) != 9: err(f"orders.tsv:{n}: {len(p)} fields (want 9)"); continue
    oid, cat, h, sku, name, qty, price, custom, cur = p
    if not (re.fullmatch(r"\d{12,19}", oid) or (re.fullmatch(r"[A-Za-z0-9]+", oid)
            and re.search(r"[A-Za-z]", oid) and re.search(r"\d", oid))):
        err(f"orders.tsv:{n}: bad order id {oid}")
    if cat not in ORDER_CATS: err(f"orders.tsv:{n}: bad category {cat}")
    if not h.isdigit(): err(f"orders.tsv:{n}: hours must be an integer"); h = "0"
    if sku in skus: err(f"orders.tsv:{n}: duplicate SKU {sku}")
    if not name.strip(): err(f"orders.tsv:{n}: empty item name")
    if not qty.isdigit() or int(qty) < 1: err(f"orders.tsv:{n}: bad qty")
    if not re.fullmatch(r"\d+(\.\d+)?", price): err(f"orders.tsv:{n}: bad price"); price = "0"
    if custom not in ("yes", "no"): err(f"orders.tsv:{n}: custom must be yes|no")
    if custom == "yes" and cat != "furniture": err(f"orders.tsv:{n}: custom only for furniture")
    if cur != "-" and not re.fullmatch(r"\d+(\.\d+)?", cur): err(f"orders.tsv:{n}: bad current price")
    r = dict(id=oid, cat=cat, h=int(h), sku=sku, price=float(price), custom=custom, cur=cur)
    for prev in orders[oid]:
        if prev["cat"] != cat or prev["h"] != r["h"]:
            err(f"orders.tsv:{n}: order {oid} lines differ in category/hours")
    orders[oid].append(r); skus[sku] = r

# ---------------------------------------------------------------- after-sales
owner, names = {}, set()
kinds = Counter(); by_cat = Counter(); by_type = Counter(); by_cat_type = Counter(); reasons = defaultdict(set)
multi_one_fits = 0
def window_ok(h, limit_h, inside, where):
    if inside and h > INSIDE * limit_h:
        err(f"{where}: {h}h is not clearly inside {limit_h:.0f}h")
    if not inside and h < OUTSIDE * limit_h:
        err(f"{where}: {h}h is not clearly outside {limit_h:.0f}h")
for n, line in rows(os.path.join(HERE, "aftersales.tsv")):
    if line.startswith("#"): continue
    p = line.split("\t"); where = f"aftersales.tsv:{n}"
    if len(p) != 4: err(f"{where}: {len(p)} fields (want 4)"); continue
    name, ids, msg, out = p
    if name in names: err(f"{where}: duplicate case name")
    names.add(name)
    ids = ids.split(",")
    for oid in ids:
        if oid not in orders: err(f"{where}: unknown order {oid}")
        elif oid in owner: err(f"{where}: order {oid} already owned by {owner[oid]}")
        owner[oid] = name
    if not msg.strip(): err(f"{where}: empty message")
    lines = [r for oid in ids for r in orders.get(oid, [])]
    if not lines: continue
    cat = lines[0]["cat"]
    toks = out.split()
    typ = toks[0] if toks else ""
    kv = dict(t.split("=", 1) for t in toks[1:] if "=" in t)
    if typ == "flow":
        if not re.fullmatch(r"flow item=\S+ kind=\S+ reason=\S+( unused=yes)?", out):
            err(f"{where}: bad flow outcome"); continue
        it = skus.get(kv["item"])
        if not it or it["id"] not in ids: err(f"{where}: item {kv['item']} not in the case's orders"); continue
        cat, h, k, rs = it["cat"], it["h"], kv["kind"], kv["reason"]
        if k not in KINDS: err(f"{where}: bad kind {k}")
        if rs not in REASONS: err(f"{where}: bad reason {rs}")
        if "unused" in kv and rs != "no_reason": err(f"{where}: unused=yes only with no_reason")
        if (it["cur"] != "-") != (rs == "price_drop"): err(f"{where}: current price must be filled exactly for price drops")
        if rs == "price_drop":
            if cat != "appliance": err(f"{where}: price_drop only for appliances")
            elif it["cur"] != "-" and float(it["cur"]) >= it["price"]: err(f"{where}: current price not lower")
            window_ok(h, num("appliance.price-protection-days") * 24, True, where)
        if cat == "fresh":
            if k in ("return", "replacement"): err(f"{where}: fresh remedies are refund/reship")
            if rs == "no_reason" and props.get("fresh.no-reason-return") != "true": err(f"{where}: fresh no_reason is refused")
            if rs in ("quality", "price_drop"): err(f"{where}: reason {rs} not for fresh")
            window_ok(h, num("fresh.claim-window-hours"), True, where)
        elif cat == "appliance":
            if rs == "no_reason":
                if "unused" not in kv: err(f"{where}: appliance no_reason needs unused=yes")
                window_ok(h, num("appliance.no-reason-return-days") * 24, True, where)
            elif rs == "quality":
                key = "appliance.quality-return-days" if k in ("return", "refund") else "appliance.quality-exchange-days"
                window_ok(h, num(key) * 24, True, where)
            elif rs in ("damaged", "wrong_item", "missing"):
                window_ok(h, num("appliance.no-reason-return-days") * 24, True, where)
        elif cat == "furniture":
            if rs == "price_drop": pass
            elif rs == "quality":
                window_ok(h, num("furniture.quality-repair-days") * 24, True, where)
            else:
                if rs == "no_reason" and it["custom"] == "yes": err(f"{where}: custom furniture has no no-reason return")
                window_ok(h, num("furniture.return-days") * 24, True, where)
        kinds["any" if k == "any" else "named"] += 1
        reasons[cat].add(rs)
        if len(ids) > 1: multi_one_fits += 1
    elif typ == "refused":
        key = kv.get("rule")
        if not re.fullmatch(r"refused rule=\S+", out) or key not in props:
            err(f"{where}: refused needs rule=<key of policies.properties>"); continue
        t = lines[0]; h = t["h"]
        if not key.startswith(t["cat"] + "."): err(f"{where}: rule {key} does not match category {t['cat']}")
        if key == "fresh.no-reason-return":
            if props[key] != "false": err(f"{where}: {key} is not false")
            window_ok(h, num("fresh.claim-window-hours"), True, where)
        elif key == "fresh.claim-window-hours": window_ok(h, num(key), False, where)
        elif key.endswith("-days"): window_ok(h, num(key) * 24, False, where)
        if (t["cur"] != "-") != (key == "appliance.price-protection-days"):
            err(f"{where}: current price must be filled exactly for price drops")
        elif t["cur"] != "-" and float(t["cur"]) >= t["price"]: err(f"{where}: current price not lower")
        if len(ids) > 1: multi_one_fits += 1
    elif typ == "choose":
        if out != "choose": err(f"{where}: bad choose outcome")
        if len(ids) < 2: err(f"{where}: choose needs 2-3 orders")
    elif typ == "visit":
        m = re.fullmatch(r"visit (install|repair) item=(\S+)", out)
        if not m: err(f"{where}: bad visit outcome"); continue
        it = skus.get(m.group(2))
        if not it or it["id"] not in ids: err(f"{where}: visit item not in the case's orders"); continue
        cat = it["cat"]
        if cat == "fresh": err(f"{where}: no visits for fresh")
        if m.group(1) == "repair":
            key = "appliance.warranty-days" if cat == "appliance" else "furniture.quality-repair-days"
            window_ok(it["h"], num(key) * 24, True, where)
    elif typ == "none":
        if out != "none": err(f"{where}: bad none outcome")
    else:
        err(f"{where}: unknown outcome {out!r}"); continue
    if any(r["cur"] != "-" for r in lines) and not (("price_drop" in out) or ("price-protection" in out)):
        err(f"{where}: current price filled on a non price-drop case")
    by_cat[cat] += 1; by_type[typ] += 1; by_cat_type[(cat, typ)] += 1
for oid in orders:
    if oid not in owner: err(f"orders.tsv: order {oid} belongs to no case")
for c in ORDER_CATS:
    if len(reasons[c]) < 3: warn(f"flow reasons for {c}: only {sorted(reasons[c])}")

# ---------------------------------------------------------------- report
print("articles:", len(articles), dict(sorted(acount.items())))
print("questions: answerable", sec_count["answerable"], "| near-miss", sec_count["near-miss"],
      "| general", sec_count["general"])
print("orders:", len(orders), "ids,", len(skus), "lines")
print("after-sales cases:", sum(by_type.values()), dict(sorted(by_cat.items())))
print("  by outcome:", dict(sorted(by_type.items())))
for c in ORDER_CATS:
    print(f"  {c}:", {t: by_cat_type[(c, t)] for t in ("flow", "refused", "choose", "visit", "none")})
print("  flow kind: any", kinds["any"], "| named", kinds["named"])
print("  flow/refused cases owning several orders (only one fits):", multi_one_fits)
for w in warnings: print("WARNING:", w)
for e in errors: print("ERROR:", e)
print("errors:", len(errors))
sys.exit(1 if errors else 0)
