//! The part of the wheel that depends only on the project, the grouping and the colour
//! mode: which segments there are, in what order and share of the circle, and their names,
//! keys, colours and status lines. [`Plan::new`] assesses every measure, so on a large project
//! it costs more than the rest of a layout; the window keeps one per revision and lays the
//! wheel out from it again on a resize, a zoom or each frame of a zoom's animation.

use super::colouring::{self, ColourMode, Pattern};
use super::{Grouping, Ring, SegmentKey, SegmentKind, VOICE_NEUTRAL};
use crate::model::{Colour, Project};
use crate::status::TrackStatus;
use std::collections::HashMap;

/// How a node looks and what it says, whatever the wheel's size.
pub(super) struct Look {
    pub name: String,
    pub key: SegmentKey,
    pub fill: Colour,
    pub text_colour: Colour,
    pub pattern: Pattern,
    pub marker: &'static str,
    pub status_line: String,
}

/// The wheel before it is given a size or a zoom.
pub struct Plan {
    pub(super) grouping: Grouping,
    pub(super) colour: ColourMode,
    pub(super) nodes: Vec<Node>,
    pub(super) looks: Vec<Look>,
    /// The opening most voices share, said once rather than in each label.
    pub(super) voice_opening: Option<String>,
}

impl Plan {
    pub fn new(p: &Project, grouping: Grouping, colour: ColourMode) -> Plan {
        let nodes = base_layout(p, grouping);
        let facts = colouring::outcome_facts(p);
        // Colours of the inner-ring items, inherited by their descendants in priority mode.
        let group_colour = |kind: SegmentKind| -> Colour {
            match kind {
                SegmentKind::Priority(i) => p.priorities[i].colour,
                SegmentKind::Need(i) => p.needs[i].colour,
                SegmentKind::Pair { priority, .. } => p.priorities[priority].colour,
                SegmentKind::Outcome(i) | SegmentKind::Voice { outcome: i, .. } => p
                    .priority(&p.outcomes[i].priority)
                    .map(|x| x.colour)
                    .unwrap_or(crate::palette::GRID),
            }
        };
        let summaries: Vec<String> = facts.iter().map(|f| f.summary()).collect();
        let mut looks: Vec<Look> = nodes
            .iter()
            .map(|n| {
                let (fill, pattern, marker, status_line) = match (colour, n.kind) {
                    (ColourMode::Priority, kind) => {
                        let base = group_colour(kind);
                        let fill = match n.ring {
                            Ring::Group => base,
                            Ring::Subgroup if grouping == Grouping::PriorityThenNeed => {
                                base.lighten(0.3)
                            }
                            Ring::Subgroup => base,
                            Ring::Outcome => base.lighten(0.55),
                            _ => base.lighten(0.8),
                        };
                        let line = match kind {
                            SegmentKind::Outcome(i) | SegmentKind::Voice { outcome: i, .. } => {
                                summaries[i].clone()
                            }
                            _ => String::new(),
                        };
                        (fill, Pattern::Solid, "", line)
                    }
                    (mode, SegmentKind::Outcome(i)) => {
                        let (c, pat, mk) = colouring::outcome_style(mode, &facts[i]);
                        (c, pat, mk, summaries[i].clone())
                    }
                    // Voices carry no status of their own: a calm neutral.
                    (_, SegmentKind::Voice { outcome, .. }) => (
                        VOICE_NEUTRAL,
                        Pattern::Solid,
                        "",
                        summaries[outcome].clone(),
                    ),
                    (_, kind) => {
                        let base = group_colour(kind);
                        let t = if n.ring == Ring::Group { 0.55 } else { 0.72 };
                        (base.lighten(t), Pattern::Solid, "", String::new())
                    }
                };
                Look {
                    name: name_of(n.kind, p, grouping),
                    key: SegmentKey::of(n.kind, p),
                    fill,
                    text_colour: fill.text_on(),
                    pattern,
                    marker,
                    status_line,
                }
            })
            .collect();

        // Groups' lines roll up their outcomes: how many, how many off track, and where
        // more is needed (no action or pledge yet).
        let mut tally = vec![(0usize, 0usize, 0usize); nodes.len()];
        for n in &nodes {
            let SegmentKind::Outcome(oi) = n.kind else {
                continue;
            };
            let f = &facts[oi];
            let off = (f.status() == TrackStatus::OffTrack) as usize;
            let bare = (f.actions + f.pledges == 0) as usize;
            let mut up = n.parent;
            while let Some(k) = up {
                let t = &mut tally[k];
                *t = (t.0 + 1, t.1 + off, t.2 + bare);
                up = nodes[k].parent;
            }
        }
        for ((n, look), (count, off, bare)) in nodes.iter().zip(&mut looks).zip(tally) {
            if n.ring > Ring::Subgroup {
                continue;
            }
            let mut line = format!("{count} outcome{}", if count == 1 { "" } else { "s" });
            if off > 0 {
                line.push_str(&format!(" · {off} off track"));
            }
            if bare > 0 {
                line.push_str(&format!(" · {bare} with no action or pledge yet"));
            }
            look.status_line = line;
        }
        Plan {
            grouping,
            colour,
            nodes,
            looks,
            voice_opening: super::voices::shared_opening(p),
        }
    }

    /// Whether this plan was made for that grouping and colour mode.
    pub fn is_for(&self, grouping: Grouping, colour: ColourMode) -> bool {
        self.grouping == grouping && self.colour == colour
    }
}

/// A node of the unzoomed layout, in slot units.
pub(super) struct Node {
    pub ring: Ring,
    pub kind: SegmentKind,
    pub start: f64,
    pub end: f64,
    pub parent: Option<usize>,
}

/// Each item's index by its id.
fn index_by_id<T>(items: &[T], id: impl Fn(&T) -> &String) -> HashMap<&str, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, x)| (id(x).as_str(), i))
        .collect()
}

/// Lay out the unzoomed wheel as nested slot ranges (total = 1.0).
pub(super) fn base_layout(p: &Project, grouping: Grouping) -> Vec<Node> {
    let np = p.priorities.len();
    let nn = p.needs.len();
    let pi = index_by_id(&p.priorities, |x| &x.id);
    let ni = index_by_id(&p.needs, |x| &x.id);
    let vi = index_by_id(&p.voices, |x| &x.id);
    let (n_outer, n_inner) = match grouping {
        Grouping::PriorityThenNeed => (np, nn),
        Grouping::NeedThenPriority => (nn, np),
    };
    // Outcomes by (outer, inner) group.
    let mut cells: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); n_inner]; n_outer];
    for (oi, o) in p.outcomes.iter().enumerate() {
        let (Some(&a), Some(&b)) = (pi.get(o.priority.as_str()), ni.get(o.need.as_str())) else {
            continue;
        };
        let (g, s) = match grouping {
            Grouping::PriorityThenNeed => (a, b),
            Grouping::NeedThenPriority => (b, a),
        };
        cells[g][s].push(oi);
    }
    let counts: Vec<usize> = cells.iter().map(|c| c.iter().map(Vec::len).sum()).collect();
    let total: usize = counts.iter().sum();
    // Each inner-ring item gets at least a small share, so none vanishes.
    let min_w = (total as f64 * 0.03).max(1.0);
    let weights: Vec<f64> = counts.iter().map(|&c| (c as f64).max(min_w)).collect();
    let wsum: f64 = weights.iter().sum::<f64>().max(1e-9);

    let mut nodes = Vec::new();
    let mut at = 0.0;
    for g in 0..n_outer {
        let span = weights[g] / wsum;
        let gi = nodes.len();
        nodes.push(Node {
            ring: Ring::Group,
            kind: match grouping {
                Grouping::PriorityThenNeed => SegmentKind::Priority(g),
                Grouping::NeedThenPriority => SegmentKind::Need(g),
            },
            start: at,
            end: at + span,
            parent: None,
        });
        let mut sat = at;
        for (s, outs) in cells[g].iter().enumerate() {
            if outs.is_empty() {
                continue;
            }
            let sspan = span * outs.len() as f64 / counts[g] as f64;
            let si = nodes.len();
            let (priority, need) = match grouping {
                Grouping::PriorityThenNeed => (g, s),
                Grouping::NeedThenPriority => (s, g),
            };
            nodes.push(Node {
                ring: Ring::Subgroup,
                kind: SegmentKind::Pair { priority, need },
                start: sat,
                end: sat + sspan,
                parent: Some(gi),
            });
            let ospan = sspan / outs.len() as f64;
            for (k, &oi) in outs.iter().enumerate() {
                let os = sat + ospan * k as f64;
                let on = nodes.len();
                nodes.push(Node {
                    ring: Ring::Outcome,
                    kind: SegmentKind::Outcome(oi),
                    start: os,
                    end: os + ospan,
                    parent: Some(si),
                });
                let voices: Vec<usize> = p.outcomes[oi]
                    .voices
                    .iter()
                    .filter_map(|v| vi.get(v.as_str()).copied())
                    .collect();
                let vspan = ospan / voices.len().max(1) as f64;
                for (j, v) in voices.into_iter().enumerate() {
                    let vs = os + vspan * j as f64;
                    nodes.push(Node {
                        ring: Ring::Voice,
                        kind: SegmentKind::Voice {
                            voice: v,
                            outcome: oi,
                        },
                        start: vs,
                        end: vs + vspan,
                        parent: Some(on),
                    });
                }
            }
            sat += sspan;
        }
        at += span;
    }
    nodes
}

fn name_of(kind: SegmentKind, p: &Project, grouping: Grouping) -> String {
    match kind {
        SegmentKind::Priority(i) => p.priorities[i].name.clone(),
        SegmentKind::Need(i) => p.needs[i].name.clone(),
        SegmentKind::Pair { priority, need } => match grouping {
            Grouping::PriorityThenNeed => p.needs[need].name.clone(),
            Grouping::NeedThenPriority => p.priorities[priority].name.clone(),
        },
        SegmentKind::Outcome(i) => p.outcomes[i].name.clone(),
        SegmentKind::Voice { voice, .. } => p.voices[voice].text.clone(),
    }
}
