"""One synthetic incident: its row, its sources' reports (figures, revisions, timings) and the
articles that carry some of them, as plain column dicts; ids are filled in by claims.scale.load."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from claims import discrepancy as d
from claims.scale.catalogue import (
    BIG_SLUG,
    CITED,
    COUNTRIES,
    EPOCH,
    EVENTS,
    OTHER_METRICS,
    PLACE_HEADS,
    PLACE_ROOTS,
    PLACE_TAILS,
    PREFIX,
    QUALIFIERS,
    SPAN_MINUTES,
    VERBS,
    VICTIMS,
    SourceSpec,
)
from claims.services import content_hash


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


@dataclass
class IncidentData:
    """One generated incident: plain column dicts, ids filled in by the loader."""

    row: dict
    articles: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    timings: list[dict] = field(default_factory=list)
    track_rows: list[dict] = field(default_factory=list)  # SourceIncidentRecord columns


def _figure_wording(rng: random.Random, value: int) -> tuple[str, str, d.Interval]:
    """(qualifier, stated text, interval) for a figure a source believes is about `value`."""
    value = max(1, min(value, d.MAX_FIGURE // 2))
    qualifier = _pick(rng, QUALIFIERS)
    if qualifier == "vague":
        words = [w for w, (lo, hi) in d.VAGUE_INTERVALS.items() if lo <= value <= (hi or value)]
        if words:
            word = rng.choice(words)
            return "vague", word, d.interval_for("vague", None, vague_word=word)
        qualifier = "exact"
    if qualifier in ("about", "nearly") and value > 20:
        value = round(value / 5) * 5
    if qualifier == "between":
        high = value + max(1, round(value * rng.uniform(0.1, 0.5)))
        return qualifier, f"between {value} and {high}", d.interval_for(qualifier, value, high)
    stated = str(value) if qualifier == "exact" else f"{d.Qualifier(qualifier).label} {value}"
    return qualifier, stated, d.interval_for(qualifier, value)


def _status(rng: random.Random, all_confirmed: bool) -> str:
    if all_confirmed:
        return "confirmed"
    r = rng.random()
    return "confirmed" if r < 0.86 else "unreviewed" if r < 0.98 else "rejected"


def _clock(moment: datetime) -> str:
    return moment.strftime("%H%M")


def _timing(rng, tz: ZoneInfo, start: datetime | None) -> dict:
    """One stated timing: a local window, a GMT or EDT moment, or a duration alone."""
    shift = timedelta(minutes=rng.choice([0, 0, 0, 0, 10, -10, 60, -60, 120]))
    kind = rng.choice(["local", "gmt", "edt", "duration"]) if start else "duration"
    if kind == "duration":
        minutes = rng.choice([10, 15, 20, 30, 40, 45, 60, 90, 120])
        if rng.random() < 0.5:
            return {"stated_text": f"lasted {minutes} minutes", "duration_min_low": minutes,
                    "duration_min_high": minutes}  # fmt: skip
        high = minutes + rng.choice([5, 10, 15, 30])
        return {"stated_text": f"between {minutes} and {high} minutes", "duration_min_low": minutes,
                "duration_min_high": high}  # fmt: skip
    moment = start + shift
    if kind == "local":
        # Added in UTC, then shown on the local clock: wall-clock arithmetic breaks across DST.
        end = moment + timedelta(minutes=rng.choice([10, 20, 30, 50]))
        local, local_end = moment.astimezone(tz), end.astimezone(tz)
        return {"stated_text": f"between {_clock(local)} and {_clock(local_end)} local time",
                "zone_label": "local", "start_utc": moment, "end_utc": end}  # fmt: skip
    if kind == "gmt":
        return {"stated_text": f"around {_clock(moment)} GMT", "zone_label": "GMT",
                "start_utc": moment, "end_utc": moment}  # fmt: skip
    edt = moment - timedelta(hours=4)
    return {"stated_text": f"around {edt:%-I:%M %p} EDT", "zone_label": "EDT",
            "start_utc": moment, "end_utc": moment}  # fmt: skip


def incident_data(
    seed: int,
    number: int,
    catalogue: list[SourceSpec],
    cum_weights: list[float],
    *,
    claims: float,
    articles: float,
    claimants: int | None = None,
    exact_claims: bool = False,
) -> IncidentData:
    """Generates incident `number`: about `claims` figure claims (exactly, with `exact_claims`)
    from a few sources, timings from about a third of them, and an article for a share
    `articles` of the reports."""
    rng = random.Random(f"{seed}:incident:{number}")
    country, zone, lat, lon, _ = rng.choices(COUNTRIES, weights=[c[4] for c in COUNTRIES])[0]
    tz = ZoneInfo(zone)
    place = f"{rng.choice(PLACE_HEADS)} {rng.choice(PLACE_ROOTS)}{rng.choice(PLACE_TAILS)}"
    start = None
    if rng.random() >= 0.02:  # a few incidents have no known start
        start = EPOCH + timedelta(minutes=rng.randrange(SPAN_MINUTES))
    first_report = (start or EPOCH + timedelta(minutes=rng.randrange(SPAN_MINUTES))) + timedelta(
        minutes=rng.randint(30, 12 * 60)
    )
    big = exact_claims
    slug = BIG_SLUG if big else f"{PREFIX}incident-{number:06d}"
    title = f"Synthetic incident {number:06d}: {rng.choice(EVENTS)} {place}"
    row = {
        "title": title,
        "slug": slug,
        "place": place,
        "country": country,
        "time_zone": zone,
        "started_at": start,
        "summary": "Invented by generate_scale for benchmarks; not a real event.",
        "is_sample": True,
        "created_at": first_report,
        "updated_at": first_report,
    }
    if rng.random() < 0.7:
        row["latitude"] = Decimal(f"{rng.uniform(*lat):.5f}")
        row["longitude"] = Decimal(f"{rng.uniform(*lon):.5f}")
    data = IncidentData(row)

    n_claims = (
        round(claims) if exact_claims else max(1, round(rng.triangular(0.3, 1.7, 1) * claims))
    )
    n_sources = claimants or max(
        1, min(len(catalogue), n_claims, round(n_claims / rng.uniform(1.6, 3)))
    )
    n_sources = min(n_sources, n_claims)
    if n_sources * 2 > len(catalogue):
        chosen = rng.sample(catalogue, n_sources)
    else:
        chosen = []
        while len(chosen) < n_sources:
            pick = rng.choices(catalogue, cum_weights=cum_weights)[0]
            if pick not in chosen:
                chosen.append(pick)
    share = [1] * n_sources
    for _ in range(n_claims - n_sources):
        share[min(int(rng.expovariate(2.0 / n_sources)), n_sources - 1)] += 1

    truth = {"killed": max(1, int(rng.lognormvariate(2.4, 1.3)))}
    truth["injured"] = max(1, int(truth["killed"] * rng.uniform(0.5, 3)))
    scenario = rng.choices(["unspecified", "civilians", "mixed"], weights=[55, 25, 20])[0]
    for spec, count in zip(chosen, share, strict=True):
        _claimant_reports(rng, data, spec, count, chosen, truth, scenario, tz, start, first_report,
                          articles, big)  # fmt: skip
    return data


def _claimant_reports(rng, data, spec, count, chosen, truth, scenario, tz, start, first, articles,
                      big) -> None:  # fmt: skip
    """One claimant's reports on the incident: `count` figures (first figures, then revisions and
    other metrics), maybe a timing, each report maybe carried by an article."""
    lean = spec.lean * rng.lognormvariate(0, 0.2)
    believed = {m: max(1, round(v * lean)) for m, v in truth.items()}
    when = first + timedelta(minutes=rng.randint(0, 18 * 60))
    groups = {
        "unspecified": ["unspecified"],
        "civilians": ["civilians", "civilians", "unspecified"],
    }
    group_choices = groups.get(scenario) or (
        ["state_forces"] if spec.kind in ("military", "government") else ["civilians", "non_state"]
    )
    cited_text = rng.choice(CITED) if rng.random() < 0.3 else ""
    relay = None
    others = [s for s in chosen if s is not spec and s.kind in ("monitor", "government")]
    if others and rng.random() < 0.08:
        relay = rng.choice(others)
        cited_text = relay.name
    group = rng.choice(group_choices)
    made, report = 0, 0
    while made < count:
        metrics = ["killed"] if report == 0 else []
        if report == 0 and count - made > 1 and rng.random() < 0.6:
            metrics.append("injured")
        if report > 0:
            r = rng.random()
            metrics.append(
                "killed" if r < 0.6 else "injured" if r < 0.8 else rng.choice(OTHER_METRICS)
            )
            for m in metrics:
                if m in believed:
                    believed[m] = max(1, round(believed[m] * rng.uniform(0.95, 1.4)))
        sentences = []
        for metric in metrics[: count - made]:
            value = believed.get(metric) or max(1, round(truth["killed"] * rng.uniform(0.1, 2)))
            sentences.append(_figure(rng, data, spec, metric, value, group, when, cited_text,
                                     relay, big))  # fmt: skip
            made += 1
        if report == 0 and rng.random() < 0.35:
            timing = _timing(rng, tz, start)
            evidence = f"{spec.name} said the attack took place {timing['stated_text']}."
            timing.update(_provenance(rng, spec, when, cited_text, relay, big), evidence=evidence)
            data.timings.append(timing)
            sentences.append(timing)
        if rng.random() < articles:
            _article(data, spec, when, sentences)
        else:
            for claim in sentences:
                claim["reference_url"] = f"https://synthetic.example/{data.row['slug']}/notes"
        report += 1
        when += timedelta(minutes=rng.randint(2 * 60, 96 * 60))


def _provenance(rng, spec, when, cited_text, relay, big) -> dict:
    return {
        "claimant": spec,
        "cited_text": cited_text,
        "cited_source": relay,
        "reported_at": when,
        "status": _status(rng, big),
        "origin": "editor",
        "created_at": when + timedelta(minutes=5),
        "updated_at": when + timedelta(minutes=5),
    }


def _figure(rng, data, spec, metric, value, group, when, cited_text, relay, big) -> dict:
    cumulative = metric == "killed" and not big and rng.random() < 0.01
    if cumulative:
        qualifier, stated, interval = (
            "more_than",
            f"more than {value * 200}",
            d.interval_for("more_than", value * 200),
        )
        victims, hedge = "people since the war began", ""
    else:
        qualifier, stated, interval = _figure_wording(rng, value)
        victims = rng.choice(
            VICTIMS["unspecified" if metric not in ("killed", "injured") else group]
        )
        hedge = "may have been" if rng.random() < 0.03 else "were"
    figure = {
        "metric": metric,
        "victim_group": group if metric in ("killed", "injured") else "unspecified",
        "victims_text": victims,
        "stated_text": stated,
        "qualifier": qualifier,
        "low": interval.low,
        "high": interval.high,
        "is_hedged": hedge == "may have been",
        "is_cumulative": cumulative,
        "evidence": f"{spec.name} said {stated} {victims} {hedge or 'were'} {VERBS[metric]}.",
        **_provenance(rng, spec, when, cited_text, relay, big),
    }
    data.figures.append(figure)
    return figure


def _article(data: IncidentData, spec: SourceSpec, when: datetime, claims) -> None:
    slug, number = data.row["slug"], len(data.articles)
    text = f"Synthetic report {slug}/{number}, {data.row['place']}."
    for claim in claims:
        claim["evidence_start"] = len(text) + 1
        text += " " + claim["evidence"]
        claim["evidence_end"] = len(text)
        claim["origin"] = "extracted"
        claim["article"] = len(data.articles)
    data.articles.append(
        {
            "url": f"https://synthetic.example/{slug}/{number}",
            "outlet": spec.name if spec.kind == "media" else "Synthetic Wire",
            "title": f"{spec.name} on {data.row['title']}",
            "published_at": when,
            "retrieved_at": when + timedelta(minutes=30),
            "extracted_at": when + timedelta(minutes=31),
            "text": text,
            "content_hash": content_hash(text),
            "status": "extracted",
            "origin": "url",
            "created_at": when + timedelta(minutes=30),
            "updated_at": when + timedelta(minutes=31),
        }
    )
