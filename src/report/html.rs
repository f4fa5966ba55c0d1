//! The report page: summary, network, timeline, type × status table,
//! partnership table with evidence, errors; inline style and script.

use super::data::{Partnership, RunData};
use super::network::Network;
use super::svg::{self, Timeline, STATUSES, TYPES};
use super::{esc, Limits};
use std::collections::BTreeMap;
use std::fmt::Write;

const STYLE: &str = r#"
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:0 auto;max-width:1320px;padding:12px 24px 40px}
h1{font-size:22px;margin:4px 0 2px}h2{font-size:18px;margin:22px 0 4px}
.sub,.note{color:#555;margin:2px 0 8px}.cut{color:#8a4b00}
header{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:8px}
.cards{display:flex;gap:10px;flex-wrap:wrap;margin:6px 0}
.card{border:1px solid #d8dde3;border-radius:6px;padding:3px 12px;min-width:100px;background:#f7f9fb}
.card b{display:block;font-size:19px}.card span{color:#555}
svg{width:100%;height:auto;display:block;border:1px solid #e3e6ea;border-radius:6px;background:#fff}
#network .edges line{opacity:.6}
#network .node circle{fill:#34495e;stroke:#fff;stroke-width:1.5}
#network .node{cursor:pointer}#network .node:hover circle{fill:#e67e22}
#network text{font:12px system-ui,sans-serif;fill:#1b1b1b;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
#network .node.unlabelled text{display:none}#network .node:hover text{display:inline;font-weight:600}
#timeline .tick{font:11px system-ui,sans-serif;fill:#555}#timeline .grid{stroke:#e3e6ea}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:6px 0;color:#333}
.legend svg{display:inline;width:26px;height:10px;border:0;vertical-align:middle;margin-right:4px}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:4px;vertical-align:-1px}
table{border-collapse:collapse}th,td{border-bottom:1px solid #e3e6ea;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f4f7;position:sticky;top:0}th[data-sort]{cursor:pointer;user-select:none}
th[data-dir=asc]::after{content:" ▲"}th[data-dir=desc]::after{content:" ▼"}
td.n,th.n{text-align:right}.matrix td.n{min-width:56px}
#pt{width:100%}#pt td.ev{width:50%}#pt td:first-child{min-width:200px}
ul.ev{margin:0;padding-left:16px}ul.ev li{margin-bottom:4px}.meta{color:#555;font-size:12px;display:block}
.tag{border-radius:3px;padding:0 5px;color:#fff;font-size:12px;white-space:nowrap}
.controls{display:flex;gap:10px;align-items:center;margin:8px 0;flex-wrap:wrap}
.controls input{width:320px;padding:4px 6px}
code{background:#f2f4f7;padding:0 4px;border-radius:3px}
"#;

const SCRIPT: &str = r#"
(function(){
var table=document.getElementById('pt');if(!table)return;
var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
var text=rows.map(function(r){return r.textContent.toLowerCase();});
var q=document.getElementById('q'),ty=document.getElementById('ftype'),st=document.getElementById('fstatus'),shown=document.getElementById('shown');
function apply(){var w=q.value.trim().toLowerCase(),n=0;
rows.forEach(function(r,i){var ok=(!w||text[i].indexOf(w)>=0)&&(!ty.value||r.dataset.type===ty.value)&&(!st.value||r.dataset.status===st.value);r.hidden=!ok;if(ok)n++;});
shown.textContent=n;}
[q,ty,st].forEach(function(e){e.addEventListener('input',apply);});
table.tHead.querySelectorAll('th[data-sort]').forEach(function(th){th.addEventListener('click',function(){
var c=th.cellIndex,num=th.dataset.sort==='num',dir=th.dataset.dir?(th.dataset.dir==='asc'?'desc':'asc'):(num?'desc':'asc');
table.tHead.querySelectorAll('th').forEach(function(h){delete h.dataset.dir;});th.dataset.dir=dir;
function key(r){var td=r.cells[c];var v=td.dataset.v!==undefined?td.dataset.v:td.textContent;return num?parseFloat(v)||0:v.toLowerCase();}
rows.slice().sort(function(a,b){var x=key(a),y=key(b),d=num?x-y:(x<y?-1:x>y?1:0);return dir==='asc'?d:-d;}).forEach(function(r){body.appendChild(r);});});});
document.querySelectorAll('#network .node').forEach(function(g){g.addEventListener('click',function(){
q.value=g.dataset.org;ty.value='';st.value='';apply();table.scrollIntoView({behavior:'smooth'});});});
})();
"#;

/// Known keys in palette order, then the others alphabetically.
fn ordered<'a>(palette: &[(&'a str, &str)], present: &BTreeMap<&'a str, usize>) -> Vec<&'a str> {
    let known = palette
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| present.contains_key(k));
    let others = present
        .keys()
        .copied()
        .filter(|k| !palette.iter().any(|(p, _)| p == k));
    known.chain(others).collect()
}

fn count<'a>(keys: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, usize> {
    let mut m = BTreeMap::new();
    for k in keys {
        *m.entry(k).or_default() += 1;
    }
    m
}

/// Only http(s) links: a `javascript:` URL in the data must not become one.
fn safe_url(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url)
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_string(),
    }
}

fn tag(palette: &[(&str, &'static str)], key: &str) -> String {
    format!(
        r#"<span class="tag" style="background:{}">{}</span>"#,
        svg::color(palette, key),
        esc(key)
    )
}

pub fn page(data: &RunData, limits: &Limits) -> String {
    let mentions: usize = data.partnerships.iter().map(|p| p.mentions.len()).sum();
    let mut s = String::with_capacity(64 * 1024);
    let _ = write!(
        s,
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>newsmine report: {name}</title><style>{STYLE}</style></head><body>
<header><div><h1>Partnerships found in <code>{name}</code></h1><p class="sub">Report of a <code>newsmine run</code> folder.</p></div>
<div class="cards">{}{}{}{}{}</div></header>
"#,
        card(data.articles, "articles"),
        card(data.organizations.len(), "organizations"),
        card(data.partnerships.len(), "partnerships"),
        card(mentions, "partnership mentions"),
        card(data.errors, "errors"),
        name = esc(&data.name),
    );
    network_section(&mut s, data, limits);
    timeline_section(&mut s, data, limits);
    matrix_section(&mut s, data);
    table_section(&mut s, data, limits);
    errors_section(&mut s, data);
    let _ = writeln!(s, "<script>{SCRIPT}</script></body></html>");
    s
}

fn card(n: usize, label: &str) -> String {
    format!(r#"<div class="card"><b>{n}</b><span>{label}</span></div>"#)
}

fn network_section(s: &mut String, data: &RunData, limits: &Limits) {
    s.push_str("<h2>Partnership network</h2>");
    let net = Network::build(data, limits.nodes, svg::NET_ASPECT);
    if net.nodes.is_empty() {
        s.push_str(r#"<p class="note">No partnerships between two organizations in this run.</p>"#);
        return;
    }
    let shown = if net.nodes.len() < net.connected_orgs {
        format!(
            r#"<span class="cut">Showing the {} organizations with the most partners, out of {} with at least one partnership: {} of {} partnerships drawn.</span>"#,
            net.nodes.len(),
            net.connected_orgs,
            net.drawn_partnerships,
            net.total_partnerships
        )
    } else {
        format!(
            "All {} organizations with a partnership and all {} partnerships between them.",
            net.nodes.len(),
            net.total_partnerships
        )
    };
    s.push_str(r#"<div class="legend">"#);
    let kinds = count(net.edges.iter().map(|e| e.kind.as_str()));
    for kind in ordered(&TYPES, &kinds) {
        let _ = write!(
            s,
            "<span>{}{}</span>",
            line_key(svg::color(&TYPES, kind), ""),
            esc(kind)
        );
    }
    let _ = write!(
        s,
        r#"<span>{}ended</span><span>{}denied</span></div>{}<p class="note">{shown} Node size: articles that mention the organization. Edge colour: partnership type (the one reported by the most articles when a pair has several). Names are drawn where they fit, for at most the {} most connected organizations; hover over a node for its name and figures, click it to filter the table.</p>"#,
        line_key("#555", "7 4"),
        line_key("#555", "2 3"),
        svg::network(&net, limits.labels),
        limits.labels,
    );
}

fn line_key(color: &str, dash: &str) -> String {
    format!(
        r#"<svg viewBox="0 0 26 10"><line x1="0" y1="5" x2="26" y2="5" stroke="{color}" stroke-width="3" stroke-dasharray="{dash}"/></svg>"#
    )
}

fn timeline_section(s: &mut String, data: &RunData, limits: &Limits) {
    s.push_str("<h2>Partnership mentions by publication month</h2>");
    let mut t = Timeline::new(
        data.partnerships
            .iter()
            .flat_map(|p| &p.mentions)
            .map(|m| (m.date.as_deref(), m.status.as_str())),
    );
    t.cap(limits.months);
    let mut notes = Vec::new();
    if t.cut > 0 {
        notes.push(format!(
            r#"<span class="cut">Only the latest {} months are drawn; earlier mentions left out: {}.</span>"#,
            limits.months, t.cut
        ));
    }
    if t.undated > 0 {
        notes.push(format!(
            "Mentions from articles without a publication date, not drawn: {}.",
            t.undated
        ));
    }
    if t.months.is_empty() {
        notes.push("No dated partnership mentions.".to_string());
    }
    let _ = write!(
        s,
        r#"<p class="note">Bars stack mentions by the status the article reports. {}</p>"#,
        notes.join(" ")
    );
    if !t.months.is_empty() {
        let present = count(t.months.values().flat_map(|m| m.keys().map(String::as_str)));
        s.push_str(r#"<div class="legend">"#);
        for status in ordered(&STATUSES, &present) {
            let _ = write!(
                s,
                r#"<span><span class="sw" style="background:{}"></span>{}</span>"#,
                svg::color(&STATUSES, status),
                esc(status)
            );
        }
        s.push_str("</div>");
        s.push_str(&t.svg());
    }
}

fn matrix_section(s: &mut String, data: &RunData) {
    s.push_str("<h2>Partnerships by type and status</h2>");
    if data.partnerships.is_empty() {
        s.push_str(r#"<p class="note">No partnerships in this run.</p>"#);
        return;
    }
    let kinds = count(data.partnerships.iter().map(|p| p.kind.as_str()));
    let statuses = count(data.partnerships.iter().map(|p| p.status.as_str()));
    let (kinds_o, statuses_o) = (ordered(&TYPES, &kinds), ordered(&STATUSES, &statuses));
    let mut cells: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for p in &data.partnerships {
        *cells
            .entry((p.kind.as_str(), p.status.as_str()))
            .or_default() += 1;
    }
    s.push_str(r#"<p class="note">Status: as reported by the latest article.</p><table class="matrix"><thead><tr><th>type</th>"#);
    for st in &statuses_o {
        let _ = write!(s, r#"<th class="n">{}</th>"#, tag(&STATUSES, st));
    }
    s.push_str(r#"<th class="n">total</th></tr></thead><tbody>"#);
    for k in &kinds_o {
        let _ = write!(s, "<tr><td>{}</td>", tag(&TYPES, k));
        for st in &statuses_o {
            let c = cells.get(&(*k, *st)).copied().unwrap_or(0);
            let _ = write!(
                s,
                r#"<td class="n">{}</td>"#,
                if c > 0 { c.to_string() } else { String::new() }
            );
        }
        let _ = write!(s, r#"<td class="n"><b>{}</b></td></tr>"#, kinds[k]);
    }
    s.push_str("<tr><td><b>total</b></td>");
    for st in &statuses_o {
        let _ = write!(s, r#"<td class="n"><b>{}</b></td>"#, statuses[st]);
    }
    let _ = write!(
        s,
        r#"<td class="n"><b>{}</b></td></tr></tbody></table>"#,
        data.partnerships.len()
    );
}

fn table_section(s: &mut String, data: &RunData, limits: &Limits) {
    s.push_str(r#"<h2 id="partnerships">Partnerships and their evidence</h2>"#);
    if data.partnerships.is_empty() {
        s.push_str(r#"<p class="note">No partnerships in this run.</p>"#);
        return;
    }
    let mut rows: Vec<&Partnership> = data.partnerships.iter().collect();
    // Stable: equal rows keep file order.
    rows.sort_by(|x, y| {
        y.articles
            .cmp(&x.articles)
            .then(y.confidence.total_cmp(&x.confidence))
    });
    rows.truncate(limits.rows);
    let mut note = format!(
        "At most {} evidence sentences per partnership (latest first), each cut at {} characters. Click a column header to sort.",
        limits.mentions_per_row, limits.evidence_chars
    );
    if rows.len() < data.partnerships.len() {
        note = format!(
            r#"<span class="cut">Showing the {} partnerships reported by the most articles, out of {}; the full list is in partnerships.jsonl and partnerships.csv.</span> {note}"#,
            rows.len(),
            data.partnerships.len()
        );
    }
    let kinds = count(rows.iter().map(|p| p.kind.as_str()));
    let statuses = count(rows.iter().map(|p| p.status.as_str()));
    let _ = write!(
        s,
        r#"<p class="note">{note}</p><div class="controls"><input id="q" type="search" placeholder="Filter: organization, evidence, source…"><select id="ftype"><option value="">all types</option>{}</select><select id="fstatus"><option value="">all statuses</option>{}</select><span><span id="shown">{}</span> shown</span></div>"#,
        options(&ordered(&TYPES, &kinds)),
        options(&ordered(&STATUSES, &statuses)),
        rows.len()
    );
    s.push_str(r#"<table id="pt"><thead><tr><th data-sort="text">organizations</th><th data-sort="text">type</th><th data-sort="text">status</th><th data-sort="text">first seen</th><th data-sort="text">last seen</th><th class="n" data-sort="num">articles</th><th class="n" data-sort="num">sources</th><th class="n" data-sort="num">confidence</th><th>evidence</th></tr></thead><tbody>"#);
    for p in rows {
        row(s, data, p, limits);
    }
    s.push_str("</tbody></table>");
}

fn options(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!(r#"<option value="{k}">{k}</option>"#, k = esc(k)))
        .collect()
}

fn row(s: &mut String, data: &RunData, p: &Partnership, limits: &Limits) {
    let arrow = if matches!(p.kind.as_str(), "supply" | "investment") {
        "→"
    } else {
        "–"
    };
    let _ = write!(
        s,
        r#"<tr data-type="{kind}" data-status="{status}"><td data-v="{a} {b}"><b>{a}</b> {arrow} <b>{b}</b></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{:.2}</td><td class="ev"><ul class="ev">"#,
        tag(&TYPES, &p.kind),
        tag(&STATUSES, &p.status),
        esc(p.first_seen.as_deref().unwrap_or("")),
        esc(p.last_seen.as_deref().unwrap_or("")),
        p.articles,
        p.sources,
        p.confidence,
        kind = esc(&p.kind),
        status = esc(&p.status),
        a = esc(&p.a),
        b = esc(&p.b),
    );
    let mut mentions: Vec<_> = p.mentions.iter().collect();
    // Latest first; undated last.
    mentions.sort_by(|x, y| y.date.cmp(&x.date));
    for m in mentions.iter().take(limits.mentions_per_row) {
        let title = data.titles.get(&m.article_id).unwrap_or(&m.article_id);
        let source = match m.url.as_deref().and_then(safe_url) {
            Some(url) => format!(r#"<a href="{}">{}</a>"#, esc(url), esc(title)),
            None => esc(title),
        };
        let _ = write!(
            s,
            r#"<li><span class="meta">{} · {} · {source}</span>{}</li>"#,
            esc(m.date.as_deref().unwrap_or("undated")),
            esc(&m.status),
            esc(&truncate(&m.evidence, limits.evidence_chars)),
        );
    }
    if mentions.len() > limits.mentions_per_row {
        let _ = write!(
            s,
            r#"<li class="meta">and {} more mentions</li>"#,
            mentions.len() - limits.mentions_per_row
        );
    }
    s.push_str("</ul></td></tr>");
}

fn errors_section(s: &mut String, data: &RunData) {
    const FILES: usize = 10;
    let _ = write!(s, "<h2>Errors</h2><p class=\"note\">{} input records could not be processed (errors.jsonl).</p>", data.errors);
    if data.errors == 0 {
        return;
    }
    s.push_str(r#"<details><summary>By input file and first messages</summary><table><thead><tr><th>input file</th><th class="n">failed records</th></tr></thead><tbody>"#);
    for (file, n) in data.errors_by_file.iter().take(FILES) {
        let _ = write!(
            s,
            r#"<tr><td>{}</td><td class="n">{n}</td></tr>"#,
            esc(file)
        );
    }
    if data.errors_by_file.len() > FILES {
        let _ = write!(
            s,
            r#"<tr><td colspan="2" class="meta">and {} more files</td></tr>"#,
            data.errors_by_file.len() - FILES
        );
    }
    s.push_str("</tbody></table><ul>");
    for e in &data.error_samples {
        let _ = write!(s, "<li><code>{}</code></li>", esc(e));
    }
    s.push_str("</ul></details>");
}
