//! What each outcome's segment says in each colour mode, and the legends.
//!
//! Status and RAG are never colour alone: every class also has a [`Pattern`]
//! and a word in the legend and tooltip.

use crate::model::{Colour, Project, Rag};
use crate::palette;
use crate::status::{self, TrackStatus};
use std::collections::HashMap;

/// What the wheel's segments are coloured by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ColourMode {
    #[default]
    Priority,
    /// Status of the outcome's measures (any off track → off track).
    Status,
    /// The worst RAG of the actions linked to the outcome.
    Rag,
    /// How many actions and pledges contribute to the outcome.
    Coverage,
}

impl ColourMode {
    pub const ALL: [ColourMode; 4] = [
        ColourMode::Priority,
        ColourMode::Status,
        ColourMode::Rag,
        ColourMode::Coverage,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ColourMode::Priority => "Priority",
            ColourMode::Status => "Measure status",
            ColourMode::Rag => "Action RAG",
            ColourMode::Coverage => "Coverage",
        }
    }

    /// The legend's heading, which states the rule.
    pub fn legend_title(self) -> &'static str {
        match self {
            ColourMode::Priority => "Coloured by priority",
            ColourMode::Status => "Outcome status (off track if any of its measures is off track)",
            ColourMode::Rag => "Worst RAG of the actions linked to each outcome",
            ColourMode::Coverage => "Actions and pledges contributing to each outcome",
        }
    }
}

/// A fill pattern drawn over the colour so that a class can be told without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Pattern {
    #[default]
    Solid,
    /// Diagonal lines (off track, red, nothing contributing).
    Hatch,
    /// Dots (no data, no actions).
    Dots,
}

/// The colour of a pattern's stripes or dots over `fill`: the fill darkened (or, on a dark
/// fill, lightened) just enough to stand 3:1 apart from it, as WCAG asks of the parts of a
/// graphic that carry meaning. Labels over a pattern sit on a plate of the plain fill, so
/// their contrast is the fill's.
pub fn stripe_colour(fill: Colour) -> Colour {
    let towards_black = fill.luminance() > 0.18;
    let mix = |t: f64| {
        let m = |c: u8| {
            let c = c as f64;
            let to = if towards_black { 0.0 } else { 255.0 };
            (c + (to - c) * t).round() as u8
        };
        Colour::rgb(m(fill.r), m(fill.g), m(fill.b))
    };
    (1..=20)
        .map(|k| mix(k as f64 * 0.05))
        .find(|c| c.contrast(fill) >= 3.0)
        .unwrap_or(if towards_black {
            Colour::rgb(0, 0, 0)
        } else {
            Colour::rgb(0xff, 0xff, 0xff)
        })
}

/// One legend row.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub colour: Colour,
    pub pattern: Pattern,
    pub marker: &'static str,
    pub label: String,
}

/// How an outcome stands, for every mode.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutcomeFacts {
    pub on_track: usize,
    pub off_track: usize,
    pub no_data: usize,
    /// Of `no_data`, the measures whose values are all illustrative (drawn, never rated).
    pub illustrative_only: usize,
    pub worst_rag: Option<Rag>,
    pub actions: usize,
    pub pledges: usize,
}

impl OutcomeFacts {
    pub fn status(&self) -> TrackStatus {
        if self.off_track > 0 {
            TrackStatus::OffTrack
        } else if self.on_track > 0 {
            TrackStatus::OnTrack
        } else {
            TrackStatus::NoData
        }
    }

    /// One line for tooltips.
    pub fn summary(&self) -> String {
        let measures = self.on_track + self.off_track + self.no_data;
        let status = match self.status() {
            TrackStatus::OnTrack => format!("On track ({} of {measures} measures)", self.on_track),
            TrackStatus::OffTrack => {
                format!("Off track ({} of {measures} measures)", self.off_track)
            }
            TrackStatus::NoData if measures == 0 => "No measures".to_string(),
            TrackStatus::NoData if self.illustrative_only == measures => {
                "Not rated: only illustrative values".to_string()
            }
            TrackStatus::NoData => "No data".to_string(),
        };
        let rag = self
            .worst_rag
            .map(|r| format!(" · worst action {}", r.label()))
            .unwrap_or_default();
        format!(
            "{status}{rag} · {} action{} · {} pledge{}",
            self.actions,
            if self.actions == 1 { "" } else { "s" },
            self.pledges,
            if self.pledges == 1 { "" } else { "s" }
        )
    }
}

/// Severity for "worst": red, amber, not started, green, complete.
fn severity(r: Rag) -> u8 {
    match r {
        Rag::Red => 4,
        Rag::Amber => 3,
        Rag::NotStarted => 2,
        Rag::Green => 1,
        Rag::Complete => 0,
    }
}

/// Facts for every outcome, by outcome index.
pub fn outcome_facts(p: &Project) -> Vec<OutcomeFacts> {
    let index: HashMap<&str, usize> = p
        .outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let measure_status: HashMap<&str, (TrackStatus, bool)> = p
        .measures
        .iter()
        .map(|m| {
            let a = status::assess(m);
            let illustrative = a.summary == status::ILLUSTRATIVE_ONLY;
            (m.id.as_str(), (a.status, illustrative))
        })
        .collect();
    let mut facts: Vec<OutcomeFacts> = p
        .outcomes
        .iter()
        .map(|o| {
            let mut f = OutcomeFacts::default();
            for m in &o.measures {
                match measure_status.get(m.as_str()) {
                    Some((TrackStatus::OnTrack, _)) => f.on_track += 1,
                    Some((TrackStatus::OffTrack, _)) => f.off_track += 1,
                    Some((_, illustrative)) => {
                        f.no_data += 1;
                        f.illustrative_only += usize::from(*illustrative);
                    }
                    None => f.no_data += 1,
                }
            }
            f
        })
        .collect();
    for plan in &p.action_plans {
        for a in &plan.actions {
            for o in &a.outcomes {
                if let Some(&i) = index.get(o.as_str()) {
                    let f = &mut facts[i];
                    f.actions += 1;
                    if f.worst_rag.is_none_or(|w| severity(a.rag) > severity(w)) {
                        f.worst_rag = Some(a.rag);
                    }
                }
            }
        }
    }
    for pl in &p.pledges {
        for o in &pl.outcomes {
            if let Some(&i) = index.get(o.as_str()) {
                facts[i].pledges += 1;
            }
        }
    }
    facts
}

const ON_TRACK: Colour = Colour::rgb(0x00, 0x9e, 0x73);
const OFF_TRACK: Colour = Colour::rgb(0xd5, 0x5e, 0x00);
const NO_DATA: Colour = Colour::rgb(0xd9, 0xdd, 0xe1);
const COVERAGE: [Colour; 4] = [
    Colour::rgb(0xf1, 0xee, 0xe6),
    Colour::rgb(0xc6, 0xdb, 0xef),
    Colour::rgb(0x6b, 0xae, 0xd6),
    Colour::rgb(0x08, 0x51, 0x9c),
];

/// Fill, pattern and marker for an outcome in a non-priority mode.
pub fn outcome_style(mode: ColourMode, f: &OutcomeFacts) -> (Colour, Pattern, &'static str) {
    match mode {
        ColourMode::Priority => (palette::GRID, Pattern::Solid, ""),
        ColourMode::Status => match f.status() {
            TrackStatus::OnTrack => (ON_TRACK, Pattern::Solid, "✔"),
            TrackStatus::OffTrack => (OFF_TRACK, Pattern::Hatch, "✖"),
            TrackStatus::NoData => (NO_DATA, Pattern::Dots, ""),
        },
        ColourMode::Rag => match f.worst_rag {
            None => (NO_DATA, Pattern::Dots, ""),
            Some(r) => (
                palette::rag_colour(r),
                if r == Rag::Red {
                    Pattern::Hatch
                } else {
                    Pattern::Solid
                },
                palette::rag_symbol(r),
            ),
        },
        ColourMode::Coverage => {
            let n = f.actions + f.pledges;
            let k = match n {
                0 => 0,
                1..=2 => 1,
                3..=5 => 2,
                _ => 3,
            };
            (
                COVERAGE[k],
                if k == 0 {
                    Pattern::Hatch
                } else {
                    Pattern::Solid
                },
                "",
            )
        }
    }
}

/// The legend rows for a mode (priority mode lists the priorities or needs shown).
pub fn legend(mode: ColourMode, groups: &[(String, Colour)]) -> Vec<LegendEntry> {
    let e = |colour, pattern, marker, label: &str| LegendEntry {
        colour,
        pattern,
        marker,
        label: label.to_string(),
    };
    match mode {
        ColourMode::Priority => groups
            .iter()
            .map(|(n, c)| e(*c, Pattern::Solid, "", n))
            .collect(),
        ColourMode::Status => vec![
            e(ON_TRACK, Pattern::Solid, "✔", "On track"),
            e(OFF_TRACK, Pattern::Hatch, "✖", "Off track (hatched)"),
            e(
                NO_DATA,
                Pattern::Dots,
                "",
                "Not rated: no data, only illustrative values or no measures (dotted)",
            ),
        ],
        ColourMode::Rag => {
            let mut v: Vec<LegendEntry> = [
                Rag::Red,
                Rag::Amber,
                Rag::NotStarted,
                Rag::Green,
                Rag::Complete,
            ]
            .into_iter()
            .map(|r| {
                let label = if r == Rag::Red {
                    "Red (hatched)".to_string()
                } else {
                    r.label().to_string()
                };
                LegendEntry {
                    colour: palette::rag_colour(r),
                    pattern: if r == Rag::Red {
                        Pattern::Hatch
                    } else {
                        Pattern::Solid
                    },
                    marker: palette::rag_symbol(r),
                    label,
                }
            })
            .collect();
            v.push(e(NO_DATA, Pattern::Dots, "", "No linked actions (dotted)"));
            v
        }
        ColourMode::Coverage => vec![
            e(
                COVERAGE[0],
                Pattern::Hatch,
                "",
                "None yet: we need to do more (hatched)",
            ),
            e(COVERAGE[1], Pattern::Solid, "", "1–2"),
            e(COVERAGE[2], Pattern::Solid, "", "3–5"),
            e(
                COVERAGE[3],
                Pattern::Solid,
                "",
                "6 or more: contributing strongly",
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_readable_text_and_a_distinct_look() {
        for mode in ColourMode::ALL {
            let l = legend(mode, &[("A".into(), palette::CATEGORICAL[0])]);
            for e in &l {
                assert!(
                    e.colour.contrast(e.colour.text_on()) >= 4.5,
                    "{mode:?} {}",
                    e.label
                );
            }
            for (i, a) in l.iter().enumerate() {
                for b in &l[i + 1..] {
                    assert!(
                        (a.colour, a.pattern, a.marker) != (b.colour, b.pattern, b.marker),
                        "{mode:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn patterns_stand_apart_from_their_fill() {
        let fills = ColourMode::ALL
            .iter()
            .flat_map(|&m| legend(m, &[("A".into(), palette::CATEGORICAL[0])]))
            .filter(|e| e.pattern != Pattern::Solid)
            .map(|e| e.colour);
        for fill in fills.chain(palette::CATEGORICAL) {
            let stripe = stripe_colour(fill);
            assert!(stripe.contrast(fill) >= 3.0, "{fill} {stripe}");
            // Only as far as needed: no harsher than black or white stripes would be.
            assert!(stripe.contrast(fill) < 4.0, "{fill} {stripe}");
        }
    }

    #[test]
    fn a_status_set_by_hand_drives_the_status_colouring() {
        // The fixture's only measure is rising against a falling target: off track.
        let mut p = crate::wheel::fixture::project(2, 2, 3, 0);
        let f = &outcome_facts(&p)[0];
        assert_eq!(f.status(), TrackStatus::OffTrack);
        assert_eq!(outcome_style(ColourMode::Status, f).0, OFF_TRACK);
        p.measures[0].status_override = Some(crate::model::StatusOverride {
            rag: Rag::Green,
            reason: "New scheme starts in April".into(),
            date: None,
        });
        let f = &outcome_facts(&p)[0];
        assert_eq!((f.on_track, f.off_track), (1, 0));
        assert_eq!(
            outcome_style(ColourMode::Status, f),
            (ON_TRACK, Pattern::Solid, "✔")
        );
    }

    #[test]
    fn worst_rag_wins() {
        let mut f = OutcomeFacts::default();
        for r in [Rag::Green, Rag::Red, Rag::Amber] {
            if f.worst_rag.is_none_or(|w| severity(r) > severity(w)) {
                f.worst_rag = Some(r);
            }
        }
        assert_eq!(f.worst_rag, Some(Rag::Red));
    }
}
