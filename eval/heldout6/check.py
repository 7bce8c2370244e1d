#!/usr/bin/env python3
"""Validator for the heldout6 evaluation set (frozen 2026-11-30).

Checks every file of the set against the format in /work/briefs/heldout-format.md,
the ids and sections, 5 answerable questions per article, order/case ownership,
the policy windows from /work/briefs/policies.properties, and title similarity
against /work/briefs/avoid-titles.txt.  Prints counts; exits 1 on any error.

No dependencies beyond the Python 3 standard library.
Usage: python3 check.py [--policies FILE] [--avoid FILE]
"""
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = "h6-"
CATEGORIES = ("appliance", "fresh", "furniture", "general")
ORDER_CATEGORIES = ("fresh", "appliance", "furniture")
EXPECTED_ARTICLES = {"fresh": 13, "appliance": 13, "furniture": 12, "general": 12}
EXPECTED_CASES = 80
MIN_NEAR_MISS = 40
MIN_GENERAL = 35
QUESTIONS_PER_ARTICLE = 5
SIMILARITY_LIMIT = 0.5          # character-bigram Jaccard above this is an error
FLOW_MAX_SHARE = 0.8            # flow cases at most 80% of their window
REFUSED_MIN_SHARE = 1.25        # refused cases at least 125% of their window
KINDS = ("refund", "return", "replacement", "reship", "any")
REASONS = ("spoiled", "wrong_item", "missing", "damaged", "quality", "no_reason", "price_drop")
SECTIONS = ("answerable", "near-miss", "general")

# Defaults of policies.properties, used only when the file cannot be read.
DEFAULT_POLICIES = {
    "fresh.claim-window-hours": "48",
    "fresh.evidence-required": "true",
    "fresh.small-claim-limit": "50",
    "fresh.no-reason-return": "false",
    "appliance.no-reason-return-days": "7",
    "appliance.quality-return-days": "30",
    "appliance.quality-exchange-days": "180",
    "appliance.price-protection-days": "30",
    "appliance.warranty-days": "365",
    "furniture.return-days": "7",
    "furniture.quality-repair-days": "365",
    "delay.free-shipping-hours": "2",
    "delay.coupon-hours": "12",
    "delay.coupon.fresh": "10",
    "delay.coupon.appliance": "30",
    "delay.coupon.furniture": "50",
}

errors = []
warnings = []


def err(where, msg):
    errors.append("%s: %s" % (where, msg))


def warn(where, msg):
    warnings.append("%s: %s" % (where, msg))


def has_cjk(s):
    return re.search(r"[\u4e00-\u9fff]", s) is not None


def norm_title(s):
    # keep letters, digits and CJK; drop punctuation and whitespace
    return "".join(ch for ch in s if ch.isalnum())


def bigrams(s):
    s = norm_title(s)
    return {s[i:i + 2] for i in range(len(s) - 1)} if len(s) > 1 else {s}


def jaccard(a, b):
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return 0.0
    return len(x & y) / len(x | y)


def is_question(s):
    return s.endswith("？") or s.endswith("?")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        data = f.read()
    if "\r" in data:
        err(os.path.basename(path), "contains CR characters (use LF line ends)")
    return data.split("\n")


# ---------------------------------------------------------------- policies
def load_policies(path):
    if not os.path.exists(path):
        warn("policies", "%s not found, using the built-in defaults" % path)
        return dict(DEFAULT_POLICIES)
    pol = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if "=" not in line:
                err("policies:%d" % n, "not key=value")
                continue
            k, v = line.split("=", 1)
            pol[k.strip()] = v.strip()
    for k in DEFAULT_POLICIES:
        if k not in pol:
            err("policies", "missing key %s" % k)
            pol[k] = DEFAULT_POLICIES[k]
    return pol


def window_hours(pol, key):
    v = float(pol[key])
    if key.endswith("-days"):
        return v * 24.0
    if key.endswith("-hours"):
        return v
    raise ValueError(key)


WINDOW_KEYS = [k for k in DEFAULT_POLICIES if k.endswith("-days") or k.endswith("-hours")]
REFUSABLE_KEYS = [k for k in WINDOW_KEYS if not k.startswith("delay.")] + ["fresh.no-reason-return"]


def flow_window(cat, reason, kind, where):
    """Return the policy key whose window governs a flow case, or None after an error.

    Reasons without a window of their own (damaged, wrong_item, missing on appliances and
    furniture) are held to the strictest window of their category, so the case is
    eligible under any reading of the policy."""
    if cat == "fresh":
        if reason == "no_reason":
            err(where, "fresh no_reason can never be a flow case (fresh.no-reason-return)")
            return None
        if reason == "price_drop":
            err(where, "price_drop applies to appliances only")
            return None
        return "fresh.claim-window-hours"
    if cat == "appliance":
        if reason == "spoiled":
            err(where, "spoiled applies to fresh goods only")
            return None
        if reason == "no_reason":
            return "appliance.no-reason-return-days"
        if reason == "price_drop":
            return "appliance.price-protection-days"
        if reason == "quality":
            return "appliance.quality-exchange-days" if kind == "replacement" else "appliance.quality-return-days"
        return "appliance.no-reason-return-days"
    if cat == "furniture":
        if reason in ("spoiled", "price_drop"):
            err(where, "%s does not apply to furniture" % reason)
            return None
        if reason == "quality" and kind in ("replacement", "reship", "any"):
            return "furniture.quality-repair-days"
        return "furniture.return-days"
    err(where, "unknown category %s" % cat)
    return None


# ---------------------------------------------------------------- articles
FRONT_RE = [
    ("id", re.compile(r"^id: (\S+)$")),
    ("category", re.compile(r"^category: (\S+)$")),
    ("title", re.compile(r"^title: (.+)$")),
    ("questions", re.compile(r"^questions:$")),
    ("alt", re.compile(r"^  - (.+)$")),
    ("tags", re.compile(r"^tags: \[(.*)\]$")),
]


def check_articles(avoid_titles):
    kb = os.path.join(HERE, "knowledge-base")
    articles = {}
    if not os.path.isdir(kb):
        err("knowledge-base", "missing directory")
        return articles
    for entry in sorted(os.listdir(kb)):
        if entry not in CATEGORIES:
            err("knowledge-base/" + entry, "unexpected entry (categories: %s)" % ", ".join(CATEGORIES))
    for cat in CATEGORIES:
        d = os.path.join(kb, cat)
        if not os.path.isdir(d):
            err("knowledge-base/" + cat, "missing directory")
            continue
        for fn in sorted(os.listdir(d)):
            where = "knowledge-base/%s/%s" % (cat, fn)
            if not fn.endswith(".md"):
                err(where, "unexpected file")
                continue
            fid = fn[:-3]
            if not re.fullmatch(r"h6-%s-[a-z0-9]+(-[a-z0-9]+)*" % cat, fid):
                err(where, "file name must be h6-%s-<slug>.md (lowercase slug)" % cat)
            lines = read_lines(os.path.join(d, fn))
            if lines and lines[-1] == "":
                lines = lines[:-1]
            if len(lines) < 9 or lines[0] != "---" or lines[7] != "---":
                err(where, "front matter must be exactly: ---, id, category, title, questions, one '  - ' item, tags, ---")
                continue
            vals = {}
            ok = True
            for (name, rx), line in zip(FRONT_RE, lines[1:7]):
                m = rx.match(line)
                if not m:
                    err(where, "front matter line for '%s' malformed: %r" % (name, line))
                    ok = False
                    continue
                vals[name] = m.group(1) if m.groups() else ""
            if not ok:
                continue
            body_lines = lines[8:]
            if vals["id"] != fid:
                err(where, "id %s differs from the file name" % vals["id"])
            if vals["category"] != cat:
                err(where, "category %s differs from its directory" % vals["category"])
            title, alt = vals["title"].strip(), vals["alt"].strip()
            for label, q in (("title", title), ("alternative question", alt)):
                if not has_cjk(q):
                    err(where, "%s is not Chinese" % label)
                if not is_question(q):
                    err(where, "%s must be a question ending with ？" % label)
            if title == alt:
                err(where, "alternative question repeats the title")
            tags_raw = vals["tags"].strip()
            tags = [t.strip() for t in tags_raw.split(",")] if tags_raw else []
            if len(tags) > 3:
                err(where, "more than 3 tags")
            if any(not t for t in tags):
                err(where, "empty tag")
            if len(body_lines) != 1 or not body_lines[0].strip():
                err(where, "body must be exactly one non-empty paragraph line")
                body = " ".join(body_lines)
            else:
                body = body_lines[0]
            sentences = [s for s in re.split(r"[。！？!?]", body) if s.strip()]
            if not 2 <= len(sentences) <= 6:
                err(where, "body has %d sentences (2-6 required)" % len(sentences))
            if not body.rstrip().endswith(("。", "！", "？")):
                err(where, "body must end with a sentence end mark")
            if not re.search(r"\d", body):
                err(where, "body has no concrete number")
            cjk = len(re.findall(r"[\u4e00-\u9fff]", body))
            if cjk < 0.5 * len(norm_title(body)):
                err(where, "body is not mainly Chinese")
            for av in avoid_titles:
                j = jaccard(title, av)
                if j > SIMILARITY_LIMIT:
                    err(where, "title too similar to avoided title %r (Jaccard %.2f)" % (av, j))
            if fid in articles:
                err(where, "duplicate id")
            articles[fid] = {"cat": cat, "title": title, "alt": alt, "tags": tags, "body": body}
    # titles among themselves
    ids = sorted(articles)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            j = jaccard(articles[a]["title"], articles[b]["title"])
            if j > SIMILARITY_LIMIT:
                err(a, "title too similar to %s (Jaccard %.2f)" % (b, j))
    per_cat = Counter(a["cat"] for a in articles.values())
    for cat, n in EXPECTED_ARTICLES.items():
        if per_cat.get(cat, 0) != n:
            err("knowledge-base", "%s has %d articles, expected %d" % (cat, per_cat.get(cat, 0), n))
    return articles


# ---------------------------------------------------------------- questions
def check_questions(articles):
    path = os.path.join(HERE, "questions.tsv")
    counts = {s: 0 for s in SECTIONS}
    per_article = Counter()
    if not os.path.exists(path):
        err("questions.tsv", "missing")
        return counts, per_article
    section = None
    seen_sections = []
    seen_q = {}
    by_article = defaultdict(list)
    for n, line in enumerate(read_lines(path), 1):
        where = "questions.tsv:%d" % n
        if line == "":
            continue
        if line.startswith("#"):
            m = re.fullmatch(r"# section: (\S+)", line)
            if m:
                s = m.group(1)
                if s not in SECTIONS:
                    err(where, "unknown section %s" % s)
                elif s in seen_sections:
                    err(where, "section %s repeated" % s)
                else:
                    seen_sections.append(s)
                section = s
            elif line.startswith("# section"):
                err(where, "malformed section line (use '# section: <name>')")
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            err(where, "expected 2 TAB-separated fields, got %d" % len(parts))
            continue
        aid, q = parts
        if section is None:
            err(where, "question before the first section line")
            continue
        if q != q.strip() or not q:
            err(where, "empty question or surrounding whitespace")
        if not has_cjk(q):
            err(where, "question is not Chinese")
        if q in seen_q:
            err(where, "duplicate question (also line %d)" % seen_q[q])
        seen_q[q] = n
        if section == "answerable":
            if aid not in articles:
                err(where, "unknown article id %s" % aid)
                continue
            per_article[aid] += 1
            by_article[aid].append(q)
        else:
            if aid != "-":
                err(where, "%s questions must have '-' as id" % section)
        counts[section] += 1
    if seen_sections != list(SECTIONS):
        err("questions.tsv", "sections must appear once each in the order %s (found %s)"
            % (", ".join(SECTIONS), ", ".join(seen_sections) or "none"))
    for aid in articles:
        if per_article[aid] != QUESTIONS_PER_ARTICLE:
            err("questions.tsv", "%s has %d answerable questions, expected %d"
                % (aid, per_article[aid], QUESTIONS_PER_ARTICLE))
        # at least 3 of 5 must not be close paraphrases of the title / alternative question
        close = [q for q in by_article[aid]
                 if max(jaccard(q, articles[aid]["title"]), jaccard(q, articles[aid]["alt"])) > SIMILARITY_LIMIT]
        if len(close) > QUESTIONS_PER_ARTICLE - 3:
            err("questions.tsv", "%s: %d questions are near-paraphrases of the title" % (aid, len(close)))
    if counts["near-miss"] < MIN_NEAR_MISS:
        err("questions.tsv", "near-miss has %d questions, at least %d required" % (counts["near-miss"], MIN_NEAR_MISS))
    if counts["general"] < MIN_GENERAL:
        err("questions.tsv", "general has %d questions, at least %d required" % (counts["general"], MIN_GENERAL))
    return counts, per_article


# ---------------------------------------------------------------- orders
ORDER_ID_RE = re.compile(r"^(\d{12,19}|(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]+)$")
PRICE_RE = re.compile(r"^\d+(\.\d{1,2})?$")
HOURS_RE = re.compile(r"^\d+(\.\d+)?$")


def check_orders():
    path = os.path.join(HERE, "orders.tsv")
    orders = {}     # id -> {"cat", "hours", "lines": [dict]}
    skus = {}       # sku -> (order id, line dict)
    if not os.path.exists(path):
        err("orders.tsv", "missing")
        return orders, skus
    for n, line in enumerate(read_lines(path), 1):
        where = "orders.tsv:%d" % n
        if line == "" or line.startswith("#"):
            continue
        p = line.split("\t")
        if len(p) != 9:
            err(where, "expected 9 TAB-separated fields, got %d" % len(p))
            continue
        oid, cat, hours, sku, name, qty, price, custom, cur = p
        if not ORDER_ID_RE.match(oid):
            err(where, "order id %r must be 12-19 digits or letters+digits" % oid)
        if cat not in ORDER_CATEGORIES:
            err(where, "category %r not one of %s" % (cat, "|".join(ORDER_CATEGORIES)))
        if not HOURS_RE.match(hours):
            err(where, "hours since delivery %r is not a non-negative number" % hours)
            hours_v = 0.0
        else:
            hours_v = float(hours)
        if not re.fullmatch(r"[A-Z0-9][A-Z0-9-]*", sku):
            err(where, "sku %r malformed (uppercase letters, digits, '-')" % sku)
        if sku in skus:
            err(where, "sku %s not unique" % sku)
        if not name.strip() or not has_cjk(name):
            err(where, "item name must be Chinese")
        if not re.fullmatch(r"[1-9]\d*", qty):
            err(where, "qty %r must be a positive integer" % qty)
        if not PRICE_RE.match(price) or float(price) <= 0:
            err(where, "unit price %r must be a positive number of yuan" % price)
        if custom not in ("yes", "no"):
            err(where, "custom must be yes|no")
        elif custom == "yes" and cat != "furniture":
            err(where, "only furniture can be made to order (custom=yes)")
        if cur != "-":
            if not PRICE_RE.match(cur):
                err(where, "current price %r must be '-' or a number" % cur)
            elif cat != "appliance":
                err(where, "current price is for appliance price protection only")
        ln = {"sku": sku, "name": name, "qty": qty, "price": float(price) if PRICE_RE.match(price) else 0.0,
              "custom": custom, "current": cur, "line": n}
        if oid in orders:
            o = orders[oid]
            if o["cat"] != cat or o["hours"] != hours_v:
                err(where, "rows of order %s disagree on category or hours" % oid)
            o["lines"].append(ln)
        else:
            orders[oid] = {"cat": cat, "hours": hours_v, "lines": [ln]}
        skus[sku] = (oid, ln)
    return orders, skus


# ---------------------------------------------------------------- after-sales
def parse_outcome(s):
    toks = s.split(" ")
    if s == "choose":
        return {"type": "choose"}
    if s == "none":
        return {"type": "none"}
    m = re.fullmatch(r"refused rule=(\S+)", s)
    if m:
        return {"type": "refused", "rule": m.group(1)}
    m = re.fullmatch(r"visit (install|repair) item=(\S+)", s)
    if m:
        return {"type": "visit", "visit": m.group(1), "item": m.group(2)}
    m = re.fullmatch(r"flow item=(\S+) kind=(\S+) reason=(\S+)( unused=yes)?", s)
    if m:
        return {"type": "flow", "item": m.group(1), "kind": m.group(2), "reason": m.group(3),
                "unused": bool(m.group(4))}
    return None


def check_aftersales(orders, skus, pol):
    path = os.path.join(HERE, "aftersales.tsv")
    stats = {"type": Counter(), "cat": Counter(), "cat_type": Counter(), "reason": Counter(),
             "kind": Counter(), "visit": Counter(), "multi_flow": 0, "cases": 0, "rule": Counter()}
    if not os.path.exists(path):
        err("aftersales.tsv", "missing")
        return stats
    owner = {}
    names = set()
    all_ids = sorted(orders, key=len, reverse=True)
    price_drop_skus = set()
    for n, line in enumerate(read_lines(path), 1):
        where = "aftersales.tsv:%d" % n
        if line == "" or line.startswith("#"):
            continue
        p = line.split("\t")
        if len(p) != 4:
            err(where, "expected 4 TAB-separated fields, got %d" % len(p))
            continue
        name, ids_s, msg, outcome = p
        where = "aftersales.tsv:%d (%s)" % (n, name)
        if not re.fullmatch(r"h6-[a-z0-9]+(-[a-z0-9_]+)*", name):
            err(where, "case name must start with h6- (lowercase, digits, '-')")
        if name in names:
            err(where, "duplicate case name")
        names.add(name)
        ids = ids_s.split(",")
        if len(set(ids)) != len(ids):
            err(where, "order listed twice")
        bad = False
        for oid in ids:
            if oid not in orders:
                err(where, "unknown order %s" % oid)
                bad = True
            elif oid in owner:
                err(where, "order %s already belongs to case %s" % (oid, owner[oid]))
            else:
                owner[oid] = name
        if bad:
            continue
        if not msg.strip() or not has_cjk(msg):
            err(where, "first message must be Chinese")
        # order ids quoted in the message must be the first order's
        for oid in all_ids:
            if oid in msg and oid != ids[0]:
                err(where, "message quotes order %s, which is not the first order of the case" % oid)
        # items named loosely, never by the order's item name
        for oid in ids:
            for ln in orders[oid]["lines"]:
                if ln["name"] in msg:
                    err(where, "message repeats the item name %r verbatim" % ln["name"])
        oc = parse_outcome(outcome)
        if oc is None:
            err(where, "malformed expected outcome %r" % outcome)
            continue
        first = orders[ids[0]]
        cat, hours = first["cat"], first["hours"]
        first_skus = {ln["sku"]: ln for ln in first["lines"]}
        t = oc["type"]
        stats["cases"] += 1
        stats["type"][t] += 1
        stats["cat"][cat] += 1
        stats["cat_type"][(cat, t)] += 1
        if t == "flow":
            if oc["item"] not in first_skus:
                err(where, "flow item %s is not a line of the first order %s" % (oc["item"], ids[0]))
                continue
            ln = first_skus[oc["item"]]
            if oc["kind"] not in KINDS:
                err(where, "kind %s not one of %s" % (oc["kind"], "|".join(KINDS)))
            if oc["reason"] not in REASONS:
                err(where, "reason %s not one of %s" % (oc["reason"], "|".join(REASONS)))
                continue
            stats["reason"][oc["reason"]] += 1
            stats["kind"]["any" if oc["kind"] == "any" else "named"] += 1
            if len(ids) > 1:
                stats["multi_flow"] += 1
            if oc["reason"] == "no_reason":
                if not oc["unused"]:
                    err(where, "no_reason flow needs unused=yes")
                if ln["custom"] == "yes":
                    err(where, "made-to-order furniture has no no-reason return")
            if oc["reason"] == "price_drop":
                price_drop_skus.add(ln["sku"])
                if ln["current"] == "-":
                    err(where, "price_drop needs a current price on the order line")
                elif float(ln["current"]) >= ln["price"]:
                    err(where, "current price is not below the unit price")
            key = flow_window(cat, oc["reason"], oc["kind"], where)
            if key:
                limit = FLOW_MAX_SHARE * window_hours(pol, key)
                if hours > limit:
                    err(where, "%.0f h since delivery exceeds 80%% of %s (%.1f h)" % (hours, key, limit))
        elif t == "refused":
            rule = oc["rule"]
            stats["rule"][rule] += 1
            if rule not in pol:
                err(where, "rule %s is not a policy key" % rule)
                continue
            if rule not in REFUSABLE_KEYS:
                err(where, "rule %s cannot justify a refusal" % rule)
                continue
            if not rule.startswith(cat + "."):
                err(where, "rule %s does not belong to category %s" % (rule, cat))
            if rule == "fresh.no-reason-return":
                if pol[rule].lower() != "false":
                    err(where, "fresh.no-reason-return is not false in the policy")
            else:
                need = REFUSED_MIN_SHARE * window_hours(pol, rule)
                if hours < need:
                    err(where, "%.0f h since delivery is under 125%% of %s (%.1f h)" % (hours, rule, need))
            if rule == "appliance.price-protection-days":
                for ln in first["lines"]:
                    if ln["current"] != "-":
                        price_drop_skus.add(ln["sku"])
                        if float(ln["current"]) >= ln["price"]:
                            err(where, "current price is not below the unit price")
                if not any(ln["current"] != "-" for ln in first["lines"]):
                    err(where, "price-protection refusal needs a current price")
        elif t == "visit":
            stats["visit"][oc["visit"]] += 1
            if oc["item"] not in first_skus:
                err(where, "visit item %s is not a line of the first order %s" % (oc["item"], ids[0]))
            if cat not in ("appliance", "furniture"):
                err(where, "visits are for appliances and furniture")
            if oc["visit"] == "repair":
                key = "appliance.warranty-days" if cat == "appliance" else "furniture.quality-repair-days"
                limit = FLOW_MAX_SHARE * window_hours(pol, key)
                if hours > limit:
                    err(where, "%.0f h since delivery exceeds 80%% of %s (%.1f h)" % (hours, key, limit))
        elif t == "choose":
            if len(ids) < 2:
                err(where, "choose needs at least two owned orders")
            cats = {orders[o]["cat"] for o in ids}
            if len(cats) != 1:
                warn(where, "choose case mixes categories")
    for oid in orders:
        if oid not in owner:
            err("orders.tsv", "order %s belongs to no case" % oid)
    for sku, (oid, ln) in skus.items():
        if ln["current"] != "-" and sku not in price_drop_skus:
            err("orders.tsv:%d" % ln["line"], "current price filled on a line that is not a price-drop case")
    if stats["cases"] != EXPECTED_CASES:
        err("aftersales.tsv", "%d cases, expected %d" % (stats["cases"], EXPECTED_CASES))
    return stats


# ---------------------------------------------------------------- main
def main(argv):
    pol_path = "/work/briefs/policies.properties"
    avoid_path = "/work/briefs/avoid-titles.txt"
    i = 0
    while i < len(argv):
        if argv[i] == "--policies" and i + 1 < len(argv):
            pol_path = argv[i + 1]
            i += 2
        elif argv[i] == "--avoid" and i + 1 < len(argv):
            avoid_path = argv[i + 1]
            i += 2
        else:
            print("usage: check.py [--policies FILE] [--avoid FILE]")
            return 2
    pol = load_policies(pol_path)
    avoid = []
    if os.path.exists(avoid_path):
        with open(avoid_path, encoding="utf-8") as f:
            avoid = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    else:
        warn("avoid-titles", "%s not found: title similarity not checked" % avoid_path)

    if not os.path.exists(os.path.join(HERE, "README.md")):
        err("README.md", "missing")

    articles = check_articles(avoid)
    qcounts, _ = check_questions(articles)
    orders, skus = check_orders()
    st = check_aftersales(orders, skus, pol)

    per_cat = Counter(a["cat"] for a in articles.values())
    print("heldout6 check")
    print("articles: %d (%s)" % (len(articles), ", ".join("%s %d" % (c, per_cat.get(c, 0)) for c in
                                                          ("fresh", "appliance", "furniture", "general"))))
    print("questions: answerable %d, near-miss %d, general %d" %
          (qcounts["answerable"], qcounts["near-miss"], qcounts["general"]))
    n_lines = sum(len(o["lines"]) for o in orders.values())
    print("orders: %d (%d lines)" % (len(orders), n_lines))
    print("cases: %d (%s)" % (st["cases"], ", ".join("%s %d" % (c, st["cat"].get(c, 0)) for c in ORDER_CATEGORIES)))
    print("outcomes: %s" % ", ".join("%s %d" % (t, st["type"].get(t, 0))
                                     for t in ("flow", "choose", "refused", "visit", "none")))
    print("  flow: named remedy %d, kind=any %d, several orders %d" %
          (st["kind"].get("named", 0), st["kind"].get("any", 0), st["multi_flow"]))
    print("  flow reasons: %s" % ", ".join("%s %d" % (r, st["reason"].get(r, 0)) for r in REASONS))
    print("  visits: install %d, repair %d" % (st["visit"].get("install", 0), st["visit"].get("repair", 0)))
    print("  refused rules: %s" % ", ".join("%s %d" % (k, v) for k, v in sorted(st["rule"].items())))
    print("  by category: %s" % "; ".join(
        "%s: %s" % (c, ", ".join("%s %d" % (t, st["cat_type"].get((c, t), 0))
                                 for t in ("flow", "choose", "refused", "visit", "none")))
        for c in ORDER_CATEGORIES))
    for w in warnings:
        print("WARNING " + w)
    for e in errors:
        print("ERROR " + e)
    print("errors: %d, warnings: %d" % (len(errors), len(warnings)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
